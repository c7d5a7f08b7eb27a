# reportgen -- top-level Makefile
#
#   make            install missing Debian packages (as root), build, render every sample
#   make test       build and run all tests
#   make install    the program, man pages, templates, themes, fonts.conf and bash
#                   completion under $(DESTDIR)$(PREFIX) (PREFIX=/usr/local)
#   make uninstall  remove what make install wrote
#   make clean      remove build/ and out/
#   make V=1 ...    show the commands instead of "CC file" lines
#
# Sources live in generator/<stage>/; objects go to build/.  CFLAGS, CPPFLAGS
# and LDFLAGS given on the command line or in the environment (as
# dpkg-buildflags sets them) are added to the flags the build needs.

CC      ?= cc
# Debian packages: build (libicu: word breaks in table headers; libcsv: CSV
# data, generator/data/csv.c; libqpdf: object streams, generator/pdf/pack.h),
# fonts (see fonts/fonts.conf), the sRGB profile of --pdfa
# (generator/pdf/pdfa.h), and test tools (python3: tests/tools/bbox.py).
PKGS    := gcc make pkg-config libhpdf-dev libcmark-dev libxml2-dev libyaml-dev \
           libharfbuzz-dev libicu-dev libcmocka-dev libcsv-dev libopencc-dev libqpdf-dev \
           fonts-noto-cjk fonts-lxgw-wenkai texlive-lang-chinese fonts-droid-fallback \
           fonts-liberation2 \
           icc-profiles-free \
           poppler-utils qpdf mupdf-tools libxml2-utils mandoc python3
CFLAGS  ?= -O2 -g
PCMODS  := libcmark libxml-2.0 yaml-0.1 harfbuzz harfbuzz-subset zlib icu-uc glib-2.0 opencc \
           libqpdf
# what the build needs, before the user's flags (so that theirs win)
RG_CFLAGS   := -std=c11 -Wall -Wextra -Werror=implicit-function-declaration
RG_CPPFLAGS := -D_POSIX_C_SOURCE=200809L $(shell pkg-config --cflags $(PCMODS) 2>/dev/null)
RG_LDLIBS   := -lhpdf -lcsv $(shell pkg-config --libs $(PCMODS) 2>/dev/null) -lm
# SAN_CFLAGS: the sanitizer builds' own flags (check-asan, fuzz-build), last
ALL_CFLAGS   = $(RG_CPPFLAGS) $(CPPFLAGS) $(RG_CFLAGS) $(CFLAGS) $(SAN_CFLAGS)
ALL_LDFLAGS  = $(LDFLAGS)
ALL_LDLIBS   = $(LDLIBS) $(RG_LDLIBS)

# the version, written only here: `git describe` in a repository (the
# release tag, or VERSION and the commit), else VERSION
VERSION := 0.1.0
RG_VERSION := $(shell { git describe --tags --dirty 2>/dev/null || \
                  { h=$$(git rev-parse --short HEAD 2>/dev/null) && echo $(VERSION)-g$$h; } || \
                  echo $(VERSION); } | sed 's/^v//')

# installation (docs: README.md, man/reportgen.1)
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  := $(PREFIX)/bin
DATADIR := $(PREFIX)/share/reportgen
MANDIR  := $(PREFIX)/share/man
COMPDIR := $(PREFIX)/share/bash-completion/completions
MAN1    := man/reportgen.1
MAN5    := man/reportgen-template.5 man/reportgen-data.5 man/reportgen-theme.5

# quiet by default: "CC file"; V=1 prints the commands
V ?= 0
ifeq ($(V),0)
Q    := @
say   = @printf '  %-5s %s\n' $(1) $(2);
else
Q    :=
say   =
endif

BUILD   := build
SRCS    := $(sort $(wildcard generator/*/*.c))
OBJS    := $(SRCS:%.c=$(BUILD)/%.o)
MAIN    := $(BUILD)/generator/main.o
BIN     := $(BUILD)/reportgen

TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# Samples: every template/data pairing listed in samples.mk renders to out/.
include samples.mk

.PHONY: all deps build samples list-samples test test-run clean
# deps first, then a new make: the compiler flags come from pkg-config, which
# can only answer once the packages that deps installs are there
all: deps
	@$(MAKE) --no-print-directory build samples

deps:
	@sh tools/ensure-deps.sh $(PKGS)

build: $(BIN)

$(BIN): $(OBJS) $(MAIN)
	$(call say,LD,$@)$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(ALL_LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# the version reaches one object, through a header rewritten only when the
# version changes (so a new commit recompiles one file)
$(BUILD)/generator/cli/version.o: $(BUILD)/rg-version.h
$(BUILD)/generator/cli/version.o: ALL_CFLAGS += -I $(BUILD)
$(BUILD)/rg-version.h: FORCE
	@mkdir -p $(dir $@)
	@v='#define RG_VERSION "$(RG_VERSION)"'; \
	    [ "$$(cat $@ 2>/dev/null)" = "$$v" ] || echo "$$v" > $@
.PHONY: FORCE
FORCE:

$(BUILD)/generator/data/xsd.o: $(BUILD)/generator/data/xsd.inc
$(BUILD)/generator/data/xsd.o: ALL_CFLAGS += -I $(BUILD)/generator/data
$(BUILD)/generator/data/xsd.inc: generator/data/reportgen.xsd tools/embed.sh
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)sh tools/embed.sh rg_reportgen_xsd < $< > $@

# unit tests and fuzz targets read the tree's fonts.conf and themes by path
# (the program finds its data beside its executable: cli/datadir.c)
TREE_CPPFLAGS := -DRG_DATADIR='"$(CURDIR)"'
$(BUILD)/tests/%: tests/unit/%.c $(OBJS)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) $(TREE_CPPFLAGS) -I generator -o $@ $^ \
	    $(ALL_LDFLAGS) $(ALL_LDLIBS) -lcmocka

samples: $(SAMPLES:%=out/%.pdf)

.SECONDEXPANSION:
out/%.pdf: $(BIN) $$($$*_T) $$($$*_D) fonts/fonts.conf
	@mkdir -p out
	$(BIN) render -t $($*_T) $(addprefix -d ,$($*_D)) $($*_V) -o $@ --depfile out/$*.d

# the version the binary reports (tests compare it with --version)
.PHONY: version
version:
	@echo '$(RG_VERSION)'

# one line per sample: name|template|data files|settings (for tests)
list-samples:
	@$(foreach s,$(SAMPLES),echo '$(s)|$($(s)_T)|$($(s)_D)|$($(s)_V)';)

# what CI runs: the whole suite on the normal build, then again under
# AddressSanitizer and UndefinedBehaviorSanitizer (check-asan, below)
test: deps
	@$(MAKE) --no-print-directory test-run
test-run: build $(TEST_BINS)
	@sh tests/run.sh $(TEST_BINS)
	@$(MAKE) --no-print-directory check-asan
	@$(MAKE) --no-print-directory check-valgrind

clean:
	rm -rf $(BUILD) out build-asan build-fuzz

-include $(OBJS:.o=.d) $(MAIN:.o=.d)

# ---- installation ------------------------------------------------------------
#
# The installed program finds templates, themes and fonts.conf in
# ../share/reportgen beside its executable, so PREFIX is not compiled in and
# an installed tree can be moved (generator/cli/datadir.c).
.PHONY: install uninstall
install: build
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(DATADIR)/templates/themes $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(COMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/reportgen
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 templates/*.md $(DESTDIR)$(DATADIR)/templates/
	install -m 644 templates/themes/*.yaml $(DESTDIR)$(DATADIR)/templates/themes/
	install -m 644 fonts/fonts.conf $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 tools/reportgen.bash-completion $(DESTDIR)$(COMPDIR)/reportgen

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/reportgen $(DESTDIR)$(COMPDIR)/reportgen
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -rf $(DESTDIR)$(DATADIR)

# ---- robustness: sanitizers, valgrind, fuzzing (docs/reliability.md) -------
#
#   make check-asan       everything (binary and unit tests) built with
#                         AddressSanitizer + UndefinedBehaviorSanitizer into
#                         build-asan/, then the whole test suite against it
#   make check-valgrind   every sample rendered under valgrind: no error, no leak
#   make fuzz             the libFuzzer targets of fuzz/ (clang), each run for
#                         FUZZ_SECONDS; see fuzz/README.md
# `make test` runs check-asan after the normal suite; the others are run by
# hand.

ASAN_BUILD  := build-asan
ASAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all
ASAN_TESTS  := $(TEST_SRCS:tests/unit/%.c=$(ASAN_BUILD)/tests/%)
# a finding fails the run: a memory error or undefined behaviour changes
# the exit status every test checks, and every report (leaks included,
# which keep the exit status of a run that fails anyway, and reports of
# runs whose standard error a test discards) is written to
# $(ASAN_BUILD)/reports/: any file there fails check-asan
ASAN_REPORTS := $(abspath $(ASAN_BUILD))/reports
ASAN_ENV    := ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$(ASAN_REPORTS)/asan \
               UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(ASAN_REPORTS)/ubsan

.PHONY: check-asan check-valgrind
check-asan: deps
	$(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) SAN_CFLAGS='$(ASAN_CFLAGS)' \
	    $(ASAN_BUILD)/reportgen $(ASAN_TESTS)
	@rm -rf $(ASAN_REPORTS) && mkdir -p $(ASAN_REPORTS)
	$(ASAN_ENV) REPORTGEN=$(ASAN_BUILD)/reportgen sh tests/run.sh $(ASAN_TESTS)
	@if [ -n "$$(ls -A $(ASAN_REPORTS))" ]; then \
	    echo "check-asan: sanitizer reports in $(ASAN_REPORTS):"; \
	    for f in $(ASAN_REPORTS)/*; do echo "== $$f"; head -40 "$$f"; done; exit 1; fi

VALGRIND := valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes
check-valgrind: deps build
	@sh tools/ensure-deps.sh valgrind
	REPORTGEN=$(BIN) VALGRIND='$(VALGRIND)' sh tools/check-valgrind.sh

FUZZ_SECONDS ?= 60
FUZZ_BUILD   := build-fuzz
FUZZ_TARGETS := yaml xml csv template linebreak config theme cli
FUZZ_CFLAGS  := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
                -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
# the largest input each target is given
FUZZ_MAXLEN_yaml := 65536
FUZZ_MAXLEN_xml := 65536
FUZZ_MAXLEN_csv := 65536
FUZZ_MAXLEN_template := 16384
FUZZ_MAXLEN_linebreak := 4096
FUZZ_MAXLEN_config := 8192
FUZZ_MAXLEN_theme := 4096
FUZZ_MAXLEN_cli := 1024
# what a target needs besides: fuzz_cli's messages go to standard error
FUZZ_OPTS_cli := -close_fd_mask=2

.PHONY: fuzz fuzz-build fuzz-seeds
fuzz-build:
	@sh tools/ensure-deps.sh $(PKGS) clang libclang-rt-14-dev
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) SAN_CFLAGS='$(FUZZ_CFLAGS)' \
	    CC=clang $(FUZZ_BINS)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(wildcard fuzz/*.inc) $(OBJS)
	$(CC) $(ALL_CFLAGS) $(TREE_CPPFLAGS) -fsanitize=fuzzer -I generator -o $@ $< $(OBJS) \
	    $(ALL_LDFLAGS) $(ALL_LDLIBS)

# seed corpora from input/, templates/, tests/bad/ and the CommonMark spec
fuzz-seeds:
	sh tools/fuzz-seeds.sh build/fuzz-seeds

# each target for FUZZ_SECONDS, one after the other; new inputs are kept in
# build-fuzz/corpus/, crashes in build-fuzz/artifacts/ (make them regression
# tests in tests/fuzz-regressions/)
fuzz: fuzz-build fuzz-seeds
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@set -e; for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	    case $$t in yaml) n=$(FUZZ_MAXLEN_yaml);; xml) n=$(FUZZ_MAXLEN_xml);; csv) n=$(FUZZ_MAXLEN_csv);; \
	        template) n=$(FUZZ_MAXLEN_template);; config) n=$(FUZZ_MAXLEN_config);; \
	        theme) n=$(FUZZ_MAXLEN_theme);; cli) n=$(FUZZ_MAXLEN_cli);; \
	        *) n=$(FUZZ_MAXLEN_linebreak);; esac; \
	    opts=; [ $$t = cli ] && opts='$(FUZZ_OPTS_cli)'; \
	    dict=; [ -f fuzz/$$t.dict ] && dict=-dict=fuzz/$$t.dict; \
	    echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	    $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$n \
	        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $$dict $$opts \
	        -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
	        $(FUZZ_BUILD)/corpus/$$t build/fuzz-seeds/$$t; \
	done

# pdf.js (browsers) extracts the same text as poppler from every sample:
# needs npm (pdfjs-dist is installed into build/pdfjs)
.PHONY: check-pdfjs
check-pdfjs: all
	sh tools/check-pdfjs.sh

# ---- incremental samples and benchmarks (docs/batch.md, docs/performance.md) --
#
# Each sample's render writes out/NAME.d: the PDF depends on its template,
# data, theme, font configuration and font files, so `make -j2` re-renders
# only the samples whose inputs changed.
-include $(wildcard out/*.d)

#   make bench    reportgen against the Typst CLI and typst.ts (from npm, into
#                 bench/node_modules) and Pandoc + XeLaTeX (apt): one briefing,
#                 50 briefings, long documents, a long table, PDF bytes, peak
#                 memory; writes bench/out/results.md (docs/performance.md)
.PHONY: bench
bench: deps build
	@sh tools/ensure-deps.sh hyperfine time
	sh bench/run.sh

# rewrite the reviewed layout dumps of the samples (tests/golden/) after a
# deliberate layout change; review the diff before committing
.PHONY: regen
regen: build
	REGEN=1 sh tests/e2e/golden.sh
