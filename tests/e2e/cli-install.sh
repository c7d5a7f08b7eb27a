#!/bin/sh
# cli-install.sh -- make install and what it installs (issue 15):
#   - make install DESTDIR=... PREFIX=... puts the program, the man pages,
#     the templates, themes, fonts.conf and the bash completion in place;
#   - the installed program, run from another directory, finds its templates,
#     themes and fonts.conf under PREFIX/share/reportgen (the dependency file
#     it writes names them), not the source tree's;
#   - the program in the source tree finds the tree's;
#   - the man pages are clean for mandoc -T lint and render with man -l; the
#     examples of reportgen-data(5) and reportgen-template(5) work;
#   - the bash completion completes commands, options and theme names;
#   - make is quiet (CC lines), V=1 shows the commands, and the user's
#     CFLAGS, CPPFLAGS and LDFLAGS are added to the flags the build needs;
#   - make uninstall removes everything make install wrote.
# Under check-asan (REPORTGEN set) the installed program is the one under test.
. "$(dirname "$0")/../lib.sh"
case $bin in /*) ;; *) bin=$top/$bin ;; esac
check() { if eval "$2"; then ok; else bad "$1" "$3"; fi; }
export SOURCE_DATE_EPOCH=1700000000

: > "$tmp/err"
# ---- the man pages ----------------------------------------------------------
for page in man/reportgen.1 man/reportgen-template.5 man/reportgen-data.5 man/reportgen-theme.5; do
	mandoc -T lint -W warning "$page" > "$tmp/lint" 2>&1
	check "mandoc -T lint $page is clean" '[ ! -s "$tmp/lint" ]' "$(head -5 "$tmp/lint")"
	MANWIDTH=80 man -l "$page" > "$tmp/man.txt" 2> "$tmp/man.err"
	check "man -l $page renders" '[ $? -eq 0 ] && [ "$(wc -l < "$tmp/man.txt")" -gt 50 ] && [ ! -s "$tmp/man.err" ]' \
		"$(head -3 "$tmp/man.err")"
done
# the examples: the data page's YAML and XML are one valid dataset, and the
# template page's template renders with it
sed -n '/^format: reportgen/,/^\.Ed/p' man/reportgen-data.5 | sed '$d' > "$tmp/ex.yaml"
sed -n '/^<?xml/,/^\.Ed/p' man/reportgen-data.5 | sed '$d' > "$tmp/ex.xml"
check "reportgen-data(5)'s YAML example is valid" '"$bin" check "$tmp/ex.yaml" 2> "$tmp/err"' "$(head -3 "$tmp/err")"
check "reportgen-data(5)'s XML example is valid" '"$bin" check "$tmp/ex.xml" 2> "$tmp/err"' "$(head -3 "$tmp/err")"
"$bin" convert "$tmp/ex.xml" "$tmp/ex2.yaml" 2> /dev/null
# (YAML's "text: |" keeps the final line break, XML's content has none)
"$bin" render -t templates/tour.md -d "$tmp/ex.yaml" --dump=data 2> /dev/null | sed 's/ @.*//' |
	sed 's/\\n"$/"/' > "$tmp/d1"
"$bin" render -t templates/tour.md -d "$tmp/ex2.yaml" --dump=data 2> /dev/null | sed 's/ @.*//' > "$tmp/d2"
check "reportgen-data(5)'s YAML and XML examples are the same data" '[ -s "$tmp/d1" ] && cmp -s "$tmp/d1" "$tmp/d2"' \
	"$(diff "$tmp/d1" "$tmp/d2" | head -4)"
sed -n '/^---$/,/^\.Ed/p' man/reportgen-template.5 | sed '$d' > "$tmp/ex.md"
"$bin" render -t "$tmp/ex.md" -d "$tmp/ex.yaml" -o "$tmp/ex.pdf" 2> "$tmp/err"
check "reportgen-template(5)'s example renders" 'pdftotext "$tmp/ex.pdf" - 2> /dev/null | tr -d " " | grep -q "接待游客：1315.7万人次"' \
	"$(head -3 "$tmp/err")"
sed -n '/^# a5.yaml/,/^\.Ed/p' man/reportgen-theme.5 | sed '$d' > "$tmp/a5.yaml"
"$bin" render -t templates/tour.md -d input/songxian-2024.yaml --theme "$tmp/a5.yaml" -o "$tmp/a5.pdf" 2> "$tmp/err"
check "reportgen-theme(5)'s example is an A5 page numbered 第1页" \
	'pdfinfo "$tmp/a5.pdf" | grep -q "Page size: *419.5[0-9]* x 595.2" && pdftotext "$tmp/a5.pdf" - | grep -q "第1页"' \
	"$(head -3 "$tmp/err")"

# ---- the program in the source tree uses the tree's files --------------------
"$bin" render -t templates/tour.md -d input/songxian-2024.yaml -o "$tmp/tree.pdf" --depfile "$tmp/tree.d" 2> /dev/null
check "the tree's program uses the tree's fonts.conf and theme" \
	'grep -qx "  $top/fonts/fonts.conf \\\\" "$tmp/tree.d" && grep -q "^  $top/templates/themes/briefing.yaml" "$tmp/tree.d"' \
	"$(cat "$tmp/tree.d")"

# ---- the build's flags: the user's are added, V=1 shows the commands ---------
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"; }
mk BUILD="$tmp/b" "$tmp/b/generator/base/utf8.o" > "$tmp/mk.out" 2>&1
check "make is quiet by default: one CC line" '[ "$(cat "$tmp/mk.out")" = "  CC    generator/base/utf8.c" ]' \
	"$(cat "$tmp/mk.out")"
rm -rf "$tmp/b"
mk V=1 BUILD="$tmp/b" CFLAGS="-O1 -DRG_USER_CFLAG" CPPFLAGS=-DRG_USER_CPPFLAG \
	"$tmp/b/generator/base/utf8.o" > "$tmp/mk.out" 2>&1
check "make V=1 shows the command, with the user's CFLAGS and CPPFLAGS added to the build's" \
	'[ -s "$tmp/b/generator/base/utf8.o" ] && grep -- "-c -o $tmp/b/generator/base/utf8.o" "$tmp/mk.out" |
	 grep -- "-std=c11" | grep -- "-D_POSIX_C_SOURCE=200809L" | grep -- "-DRG_USER_CPPFLAG" |
	 grep -q -- "-O1 -DRG_USER_CFLAG"' "$(cat "$tmp/mk.out")"
mk -n V=1 BUILD="$tmp/b" LDFLAGS=-Wl,--as-needed "$tmp/b/reportgen" > "$tmp/mk.out" 2>&1
check "the user's LDFLAGS are added to the link" \
	'grep -- "-o $tmp/b/reportgen" "$tmp/mk.out" | grep -- "-Wl,--as-needed" | grep -q -- "-lhpdf"' \
	"$(grep -- "-o $tmp/b/reportgen" "$tmp/mk.out")"

# ---- make install ---------------------------------------------------------------
root=$tmp/root
prefix=/opt/rg
# the environment of a make that runs this script is not this make's business
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory install DESTDIR="$root" PREFIX=$prefix \
	> "$tmp/install.log" 2>&1
check "make install exits 0" '[ $? -eq 0 ]' "$(tail -5 "$tmp/install.log")"
p=$root$prefix
for f in bin/reportgen share/man/man1/reportgen.1 share/man/man5/reportgen-template.5 \
	share/man/man5/reportgen-data.5 share/man/man5/reportgen-theme.5 \
	share/reportgen/templates/briefing.md share/reportgen/templates/comparison.md \
	share/reportgen/templates/themes/briefing.yaml share/reportgen/templates/themes/gongwen.yaml \
	share/reportgen/fonts/fonts.conf share/bash-completion/completions/reportgen; do
	check "make install wrote $f" '[ -s "$p/$f" ]'
done
check "the installed program is executable" '[ -x "$p/bin/reportgen" ]'
check "man finds the installed page" 'MANPATH=$p/share/man man -w reportgen-theme 2> /dev/null | grep -q "$p/share/man/man5/reportgen-theme.5"'
[ -n "$REPORTGEN" ] && cp "$bin" "$p/bin/reportgen"
# from another directory, with nothing of the tree on the command line but the data
mkdir -p "$tmp/elsewhere"
cp input/songxian-2024.yaml "$tmp/elsewhere/"
(cd "$tmp/elsewhere" && "$p/bin/reportgen" render -t briefing -d songxian-2024.yaml -o out.pdf \
	--depfile out.d 2> err)
check "the installed program renders from another directory" \
	'qpdf --check "$tmp/elsewhere/out.pdf" > /dev/null 2>&1 && pdftotext "$tmp/elsewhere/out.pdf" - | grep -q 嵩县' \
	"$(head -3 "$tmp/elsewhere/err")"
check "it uses the installed template, theme and fonts.conf" \
	'grep -q "^  $p/share/reportgen/templates/briefing.md" "$tmp/elsewhere/out.d" &&
	 grep -q "^  $p/share/reportgen/templates/themes/briefing.yaml" "$tmp/elsewhere/out.d" &&
	 grep -q "^  $p/share/reportgen/fonts/fonts.conf" "$tmp/elsewhere/out.d" &&
	 ! grep -q "$top" "$tmp/elsewhere/out.d"' "$(cat "$tmp/elsewhere/out.d")"
(cd "$tmp/elsewhere" && "$p/bin/reportgen" render -t briefing -d songxian-2024.yaml --theme gongwen \
	-o gongwen.pdf 2> err)
check "the installed program finds the gongwen theme" \
	'pdfinfo "$tmp/elsewhere/gongwen.pdf" 2> /dev/null | grep -q "^Pages: *[0-9]"' "$(head -3 "$tmp/elsewhere/err")"
# through a symbolic link elsewhere, as /usr/local/bin/reportgen -> /opt/... would be
ln -s "$p/bin/reportgen" "$tmp/elsewhere/rg"
(cd "$tmp/elsewhere" && ./rg render -t briefing -d songxian-2024.yaml -o link.pdf 2> err)
check "the installed program works through a symbolic link" '[ -s "$tmp/elsewhere/link.pdf" ]' \
	"$(head -3 "$tmp/elsewhere/err")"
# the installed tree moved elsewhere (no path is compiled in)
mv "$p" "$tmp/moved"
(cd "$tmp/elsewhere" && "$tmp/moved/bin/reportgen" render -t briefing -d songxian-2024.yaml -o moved.pdf 2> err)
check "a moved installation still finds its files" '[ -s "$tmp/elsewhere/moved.pdf" ]' "$(head -3 "$tmp/elsewhere/err")"
mv "$tmp/moved" "$p"
# a program with no data beside it says where it looked
mkdir -p "$tmp/lone/bin"
cp "$p/bin/reportgen" "$tmp/lone/bin/"
(cd "$tmp/elsewhere" && "$tmp/lone/bin/reportgen" render -t briefing -d songxian-2024.yaml -o lone.pdf 2> err)
check "a program without its data names the place it looked in" \
	'[ $? -ne 0 ] && grep -q "$tmp/lone/bin/../share/reportgen" "$tmp/elsewhere/err" && [ ! -e "$tmp/elsewhere/lone.pdf" ]' \
	"$(head -3 "$tmp/elsewhere/err")"

# ---- bash completion ----------------------------------------------------------
if command -v bash > /dev/null 2>&1; then
	# complete WORDS...: what the completion offers for the last word
	complete_words() {
		bash -c 'shopt -s extglob; . "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
			_reportgen; printf "%s\n" "${COMPREPLY[@]}"' sh "$p/share/bash-completion/completions/reportgen" "$@" |
			sort | tr '\n' ' '
	}
	got=$(complete_words reportgen re)
	check "completion: reportgen re -> render" '[ "$got" = "render " ]' "$got"
	got=$(complete_words reportgen render --th)
	check "completion: render --th -> --theme" '[ "$got" = "--theme " ]' "$got"
	got=$(complete_words reportgen render --theme g)
	check "completion: --theme g -> gongwen" '[ "$got" = "gongwen " ]' "$got"
	got=$(complete_words reportgen build m.yaml --q)
	check "completion: build --q -> --quiet" '[ "$got" = "--quiet " ]' "$got"
	got=$(complete_words reportgen help w)
	check "completion: help w -> watch" '[ "$got" = "watch " ]' "$got"
	got=$(cd "$tmp/elsewhere" && PATH=$p/bin:$PATH complete_words reportgen render -t b)
	check "completion: -t b -> the installed template briefing" '[ "$got" = "briefing " ]' "$got"
	got=$(complete_words reportgen watch --dump=b)
	check "completion: --dump=b -> boxes" '[ "$got" = "boxes " ]' "$got"
fi

# ---- make uninstall -------------------------------------------------------------
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory uninstall DESTDIR="$root" PREFIX=$prefix \
	> "$tmp/uninstall.log" 2>&1
check "make uninstall exits 0" '[ $? -eq 0 ]' "$(tail -5 "$tmp/uninstall.log")"
left=$(find "$root" -type f -o -type l | head -5)
check "make uninstall removes every file make install wrote" '[ -z "$left" ]' "$left"

echo "cli-install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
