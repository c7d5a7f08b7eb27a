#!/bin/sh
# images.sh -- a paragraph of only an image is a figure (docs/templates.md,
# "Figures").  Measured in the PDF:
#   - pdfimages -list shows the image with its pixel size (PNG and JPEG);
#   - its placement from the content stream's cm matrix (qpdf --qdf):
#     1 px = 0.75 pt, or as the file's dpi says; aspect ratio kept; centred
#     on the text block; a wide image scaled to the text block's width
#     (measured from a justified line), a tall one to half its height;
#   - the caption (the image's title) in pdftotext, below the image;
#   - an image that does not fit on the page goes whole to the next one,
#     its caption with it;
#   - qpdf --check; the dependency file lists the image, no output is
#     written over it, and watch renders again when it is saved;
#   - bad input (missing, a directory, not an image, truncated or corrupt,
#     16-bit, interlaced, too large, CMYK, a placeholder or URL, alpha under
#     --pdfa): file:line:col: error ... [image] or [image-path], exit 2, no PDF.
. "$(dirname "$0")/../lib.sh"
data=input/songxian-2024.yaml
mkpng="python3 tests/tools/mkpng.py"
para='坚持以高质量发展为引领，推动产业转型升级，做强做优文旅产业，持续扩大有效投资，着力稳定经济增长，不断增进民生福祉，切实防范化解风险，全面推进乡村振兴。'

# render NAME [OPTIONS]: $tmp/NAME.md to $tmp/NAME.pdf; rc in $rc
render() {
	n=$1
	shift
	$bin render -t "$tmp/$n.md" -d "$data" -o "$tmp/$n.pdf" "$@" 2> "$tmp/$n.err"
	rc=$?
}

# images NAME: "page x y w h" per image drawn, from the cm before each Do
images() {
	qpdf --qdf --object-streams=disable "$tmp/$1.pdf" "$tmp/$1.qdf" 2> /dev/null
	python3 - "$tmp/$1.qdf" <<'PY'
import re, sys
d = open(sys.argv[1], 'rb').read().decode('latin-1')
page = 0
for m in re.finditer(r'%% Page (\d+)|([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\s*/(\w+) Do', d):
    if m.group(1):
        page = int(m.group(1))
        continue
    a, b, c, dd, e, f = (float(m.group(i)) for i in range(2, 8))
    print(page, e, 841.89 - f - dd, a, dd)
PY
}

# words NAME: "page xMin yMin xMax yMax word" of every word
words() {
	pdftotext -bbox "$tmp/$1.pdf" - 2> /dev/null | python3 -c '
import re, sys
page = 0
for line in sys.stdin:
    if "<page " in line:
        page += 1
    m = re.search(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<", line)
    if m:
        print(page, *m.groups())'
}

# the text block: the left and right edges of the justified lines
block_edges() {
	pdftotext -bbox-layout "$tmp/$1.pdf" - 2> /dev/null | python3 -c '
import re, sys
xs = [(float(a), float(b)) for a, b in re.findall(r"<line xMin=\"([\d.]+)\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\"", sys.stdin.read())]
w = max(b - a for a, b in xs)
full = [(a, b) for a, b in xs if b - a > w - 1]
print(min(a for a, b in full), max(b for a, b in full))'
}

# ---- a figure: size, centring, caption, pdfimages, qpdf, depfile -------
$mkpng "$tmp/pic.png" 400 300
printf -- '---\ntitle: 图片测试\n---\n\n%s%s\n\n![嵩县示意](pic.png "图1 嵩县区位图")\n\n后文一段。\n' \
    "$para" "$para" > "$tmp/fig.md"
$bin render -t "$tmp/fig.md" -d "$data" -o "$tmp/fig.pdf" --depfile "$tmp/fig.d" 2> "$tmp/fig.err"
rc=$?
if [ "$rc" -ne 0 ]; then
	bad figure "exit $rc: $(cat "$tmp/fig.err")"
else
	ok
	pdfimages -list "$tmp/fig.pdf" | awk 'NR > 2 { print $4, $5, $9 }' > "$tmp/fig.list"
	[ "$(cat "$tmp/fig.list")" = "400 300 image" ] && ok ||
	    bad pdfimages "want 400 300 image, got: $(cat "$tmp/fig.list")"
	qpdf --check "$tmp/fig.pdf" > /dev/null 2>&1 && ok || bad qpdf "qpdf --check fails"
	grep -q "pic.png" "$tmp/fig.d" && ok || bad depfile "pic.png not in $(cat "$tmp/fig.d")"
	set -- $(block_edges fig)
	left=$1 right=$2
	images fig > "$tmp/fig.img"
	read -r pg x y w h < "$tmp/fig.img"
	python3 -c "
import sys
x, y, w, h, l, r = $x, $y, $w, $h, $left, $right
assert abs(w - 300) < 0.1 and abs(h - 225) < 0.1, 'size %.2f x %.2f, want 300 x 225 (0.75 pt a pixel)' % (w, h)
assert x >= l - 0.5 and x + w <= r + 0.5, 'outside the text block %.1f-%.1f: %.1f-%.1f' % (l, r, x, x + w)
assert abs((x + w / 2) - (l + r) / 2) < 0.5, 'not centred: %.2f vs %.2f' % (x + w / 2, (l + r) / 2)
" 2> "$tmp/py.err" && ok || bad placement "$(tail -1 "$tmp/py.err") [$(cat "$tmp/fig.img")]"
	# the caption: below the image, centred
	words fig | awk '$6 ~ /区位图/' > "$tmp/cap"
	read -r cp cx0 cy0 cx1 cy1 cw < "$tmp/cap" 2> /dev/null
	if [ -z "$cy0" ]; then
		bad caption "no caption text: $(pdftotext "$tmp/fig.pdf" - | head -5)"
	else
		python3 -c "assert $cy0 > $y + $h - 0.5, 'caption at %.1f above the image bottom %.1f' % ($cy0, $y + $h)" \
		    2> "$tmp/py.err" && ok || bad caption "$(tail -1 "$tmp/py.err")"
	fi
	pdftotext "$tmp/fig.pdf" - | grep -q '嵩县区位图' && ok || bad caption "caption text missing"
	pdftotext "$tmp/fig.pdf" - | grep -q '嵩县示意' && bad alt "the description is printed" || ok
fi

# the image is an input: no output over it
cp "$tmp/pic.png" "$tmp/pic.keep"
$bin render -t "$tmp/fig.md" -d "$data" -o "$tmp/pic.png" 2> "$tmp/over.err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q 'output-refused' "$tmp/over.err" && cmp -s "$tmp/pic.png" "$tmp/pic.keep"; then
	ok
else
	bad clobber "-o the image: exit $rc, $(cat "$tmp/over.err")"
fi

# ---- scaling: wide, tall, dpi; JPEG --------------------------------------
$mkpng "$tmp/wide.png" 2000 100
$mkpng "$tmp/tall.png" 300 2400
$mkpng "$tmp/dpi.png" 300 150 rgb 8 dpi=300
pdftoppm -jpeg -scale-to-x 320 -scale-to-y 200 -singlefile "$tmp/fig.pdf" "$tmp/photo"
# pdftoppm's JFIF header gives the scaled dpi (38 x 17): say none (units 0)
python3 -c "
d = bytearray(open('$tmp/photo.jpg', 'rb').read())
assert d[6:11] == b'JFIF\\0', d[:12]
d[13] = 0
open('$tmp/photo.jpg', 'wb').write(d)"
printf -- '%s%s\n\n![](wide.png)\n\n![](tall.png)\n\n![](dpi.png)\n\n![](photo.jpg "图2 照片")\n' \
    "$para" "$para" > "$tmp/scale.md"
render scale
if [ "$rc" -ne 0 ]; then
	bad scale "exit $rc: $(cat "$tmp/scale.err")"
else
	set -- $(block_edges scale)
	left=$1 right=$2
	images scale > "$tmp/scale.img"
	python3 - "$tmp/scale.img" "$left" "$right" <<'PY' 2> "$tmp/py.err" && ok || bad scaling "$(tail -1 "$tmp/py.err")"
import sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
l, r = float(sys.argv[2]), float(sys.argv[3])
assert len(rows) == 4, rows
(_, x, y, w, h), (_, tx, ty, tw, th), (_, dx, dy, dw, dh), (_, jx, jy, jw, jh) = rows
assert abs(w - (r - l)) < 1, 'wide: %.1f wide, the text block %.1f' % (w, r - l)
assert abs(w / h - 20) < 0.05, 'wide: ratio %.3f' % (w / h)
assert abs(tw / th - 0.125) < 0.001, 'tall: ratio %.4f' % (tw / th)
# half the text block: between 40 % and 50 % of the page's height, far under 1800 pt
assert 0.35 * 841.89 < th <= 0.5 * 841.89, 'tall: %.1f pt high' % th
assert abs(dw - 72) < 0.1 and abs(dh - 36) < 0.1, 'dpi 300: %.2f x %.2f, want 72 x 36' % (dw, dh)
assert abs(jw - 240) < 0.1 and abs(jh - 150) < 0.1, 'jpeg: %.2f x %.2f' % (jw, jh)
for (p, x, y, w, h) in rows:
    assert x >= l - 0.5 and x + w <= r + 0.5 and abs(x + w / 2 - (l + r) / 2) < 0.5, (x, w, l, r)
PY
	pdfimages -list "$tmp/scale.pdf" | awk 'NR > 2 { print $4 "x" $5, $9 }' | tr '\n' ' ' > "$tmp/scale.list"
	[ "$(cat "$tmp/scale.list")" = "2000x100 image 300x2400 image 300x150 image 320x200 jpeg " ] && ok ||
	    bad pdfimages "got: $(cat "$tmp/scale.list")"
	qpdf --check "$tmp/scale.pdf" > /dev/null 2>&1 && ok || bad qpdf "scale: qpdf --check fails"
fi

# ---- an image that does not fit goes to the next page, with its caption --
i=1
: > "$tmp/brk.md"
while [ $i -le 5 ]; do printf '%s%s\n\n' "$para" "$para" >> "$tmp/brk.md"; i=$((i + 1)); done
printf '![](pic.png "图3 换页")\n\n后文。\n' >> "$tmp/brk.md"
render brk
images brk > "$tmp/brk.img"
read -r pg x y w h < "$tmp/brk.img"
words brk > "$tmp/brk.words"
# the lowest text of page 1 above the folio, and the folio
last=$(awk '$1 == 1 && $6 !~ /—/ { if ($5 > m) m = $5 } END { print m }' "$tmp/brk.words")
folio=$(awk '$1 == 1 && $6 ~ /—/ { print $3; exit }' "$tmp/brk.words")
cap=$(awk '$6 ~ /换页/ { print $1, $3 }' "$tmp/brk.words")
if [ "$rc" -ne 0 ] || [ -z "$pg" ] || [ -z "$folio" ]; then
	bad break "exit $rc, image page ${pg:-none}, folio ${folio:-none}"
else
	python3 -c "
pg, y, h, last, folio = $pg, $y, $h, $last, $folio
cp, cy = '$cap'.split()
assert pg == 2, 'the image is on page %d' % pg
assert last + h > folio, 'it would have fitted on page 1 (text to %.1f, folio at %.1f)' % (last, folio)
assert y < 200, 'not at the top of page 2: y %.1f' % y
assert int(cp) == 2 and float(cy) > y + h, 'caption on page %s at %s' % (cp, cy)
" 2> "$tmp/py.err" && ok || bad break "$(tail -1 "$tmp/py.err")"
fi

# ---- bad input --------------------------------------------------------------
# bad NAME FILE WANT [OPTION]: ![x](FILE) at 3:1 of a template: an error
# matching WANT at NAME.md:3:1, exit 2, no PDF
mkdir "$tmp/adir.png"
printf 'not an image\n' > "$tmp/text.png"
head -c 60 "$tmp/pic.png" > "$tmp/trunc.png"
python3 -c "
d = bytearray(open('$tmp/pic.png', 'rb').read()); d[20] ^= 1
open('$tmp/crc.png', 'wb').write(d)"
head -c 400 "$tmp/photo.jpg" > "$tmp/trunc.jpg"
# chunks whole, CRCs right, but the image data bad: libpng would abort the
# process (libharu gives it no way back), so it is checked before
python3 -c "
import struct, zlib
def chunk(k, d):
    return struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d))
ihdr = chunk(b'IHDR', struct.pack('>IIBBBBB', 30, 20, 8, 2, 0, 0, 0))
for name, raw in (('zlib', b'\\x78\\x9cnot deflate data'),
                  ('short', zlib.compress(b'\\0' * 91 * 19)),
                  ('filter', zlib.compress(b'\\x07' + b'\\0' * (91 * 20 - 1)))):
    open('$tmp/' + name + '.png', 'wb').write(b'\\x89PNG\\r\\n\\x1a\\n' + ihdr +
        chunk(b'IDAT', raw) + chunk(b'IEND', b''))"
$mkpng "$tmp/deep.png" 20 20 rgb 16
$mkpng "$tmp/inter.png" 20 20 rgb 8 interlace
$mkpng "$tmp/huge.png" 20001 2 gray
$mkpng "$tmp/alpha.png" 40 30 rgba
python3 -c "
d = bytearray(open('$tmp/photo.jpg', 'rb').read())
i = 2
while not (d[i] == 0xFF and d[i + 1] == 0xC0):
    i += 2 + (d[i + 2] << 8 | d[i + 3])
d[i + 9] = 4
open('$tmp/cmyk.jpg', 'wb').write(d)"
check_bad() {
	n=$1 file=$2 want=$3
	shift 3
	printf '前文。\n\n![x](%s)\n' "$file" > "$tmp/$n.md"
	rm -f "$tmp/$n.pdf"
	render "$n" "$@"
	if [ "$rc" -ne 2 ]; then
		bad "$n" "exit $rc, want 2: $(cat "$tmp/$n.err")"
	elif ! grep -q "^$tmp/$n.md:3:1: error: .*$want" "$tmp/$n.err"; then
		bad "$n" "want '$tmp/$n.md:3:1: error: ...$want', got: $(cat "$tmp/$n.err")"
	elif [ -e "$tmp/$n.pdf" ]; then
		bad "$n" "a PDF was written"
	else
		ok
	fi
}
check_bad missing nosuch.png "cannot read image.*nosuch.png.*\[image\]"
check_bad directory adir.png "cannot read image.*adir.png.*\[image\]"
check_bad notimage text.png "neither a PNG nor a JPEG.*\[image\]"
check_bad truncated trunc.png "PNG file is truncated.*\[image\]"
check_bad crc crc.png "PNG file is corrupt.*CRC.*\[image\]"
check_bad badzlib zlib.png "image data does not inflate.*\[image\]"
check_bad shortdata short.png "image data is shorter.*\[image\]"
check_bad badfilter filter.png "unknown filter.*\[image\]"
check_bad jpegcut trunc.jpg "JPEG file is truncated.*\[image\]"
check_bad deep deep.png "16 bits per sample.*\[image\]"
check_bad interlaced inter.png "interlaced.*\[image\]"
check_bad huge huge.png "20001 x 2 pixels: the limit is 20000.*\[image\]"
check_bad cmyk cmyk.jpg "CMYK.*\[image\]"
check_bad placeholder "{{region.name}}.png" "holds a placeholder.*\[image-path\]"
check_bad url 'https://example.org/a.png' "is a URL.*\[image-path\]"
check_bad pdfa alpha.png "transparency.*PDF/A-1.*\[image\]" --pdfa
# the same image is fine without --pdfa, and an opaque one with it
render pdfa && [ "$rc" -eq 0 ] && ok || bad alpha "exit $rc: $(cat "$tmp/pdfa.err")"
printf '![x](pic.png)\n' > "$tmp/pdfa2.md"
render pdfa2 --pdfa
[ "$rc" -eq 0 ] && qpdf --check "$tmp/pdfa2.pdf" > /dev/null 2>&1 && ok ||
    bad pdfa "opaque image under --pdfa: exit $rc: $(cat "$tmp/pdfa2.err")"

# an image in running text keeps its warning, and is not drawn
printf '文中 ![示意图](pic.png) 一图。\n' > "$tmp/inline.md"
render inline
if [ "$rc" -eq 0 ] && grep -q 'inline.md:1:4: warning: .*\[markdown-ignored\]' "$tmp/inline.err" &&
    [ "$(pdfimages -list "$tmp/inline.pdf" | wc -l)" -eq 2 ]; then ok; else
	bad inline "exit $rc: $(cat "$tmp/inline.err")"; fi

# watch: a save of the image renders again (the watcher killed at the end)
mkdir "$tmp/w" "$tmp/w/img"
printf '![x](img/p.png)\n' > "$tmp/w/t.md"
$mkpng "$tmp/w/img/p.png" 400 300
: > "$tmp/w/log"
$bin watch -t "$tmp/w/t.md" -d "$data" -o "$tmp/w/out.pdf" 2> "$tmp/w/log" &
wpid=$!
trap 'kill $wpid 2> /dev/null; rm -rf "$tmp"' EXIT
renders() { grep -cE '^\[[0-9:]{8}\] ' "$tmp/w/log"; }
wait_renders() {
	i=0
	while [ "$(renders)" -lt "$1" ] && [ $i -lt 2000 ]; do sleep 0.01; i=$((i + 1)); done
	[ "$(renders)" -ge "$1" ]
}
size() { pdfimages -list "$tmp/w/out.pdf" 2> /dev/null | awk 'NR == 3 { print $4 "x" $5 }'; }
if wait_renders 1 && [ "$(size)" = 400x300 ]; then ok; else bad watch "first render: $(size) $(cat "$tmp/w/log")"; fi
$mkpng "$tmp/w/img/.p.new" 200 100 && mv "$tmp/w/img/.p.new" "$tmp/w/img/p.png"
if wait_renders 2 && [ "$(size)" = 200x100 ]; then ok; else
	bad watch "a save of the image: $(size) $(cat "$tmp/w/log")"; fi
kill $wpid 2> /dev/null
wait $wpid 2> /dev/null

echo "images.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
