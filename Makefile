# reportgen -- top-level Makefile
#
#   make          install missing Debian packages (as root), build, render every sample
#   make test     build and run all tests
#   make clean    remove build/ and out/
#
# Sources live in generator/<stage>/; objects go to build/.

CC      ?= cc
# Debian packages: build, fonts (see fonts/fonts.conf), and test tools.
PKGS    := gcc make pkg-config libhpdf-dev libcmark-dev libxml2-dev libyaml-dev \
           libharfbuzz-dev libcmocka-dev \
           fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei fonts-droid-fallback \
           fonts-liberation2 \
           poppler-utils qpdf mupdf-tools libxml2-utils
CFLAGS  ?= -O2 -g
PCMODS  := libcmark libxml-2.0 yaml-0.1 harfbuzz harfbuzz-subset
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror=implicit-function-declaration \
           -DRG_DATADIR='"$(CURDIR)"' $(shell pkg-config --cflags $(PCMODS) 2>/dev/null)
LDLIBS  += -lhpdf $(shell pkg-config --libs $(PCMODS) 2>/dev/null) -lm

BUILD   := build
SRCS    := $(sort $(wildcard generator/*/*.c))
OBJS    := $(SRCS:%.c=$(BUILD)/%.o)
MAIN    := $(BUILD)/generator/main.o
BIN     := $(BUILD)/reportgen

TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# Samples: every template/data pairing listed in samples.mk renders to out/.
include samples.mk

.PHONY: all deps build samples list-samples test clean
all: deps build samples

deps:
	@sh tools/ensure-deps.sh $(PKGS)

build: $(BIN)

$(BIN): $(OBJS) $(MAIN)
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/generator/data/xsd.o: $(BUILD)/generator/data/xsd.inc
$(BUILD)/generator/data/xsd.o: CFLAGS += -I $(BUILD)/generator/data
$(BUILD)/generator/data/xsd.inc: generator/data/reportgen.xsd tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh rg_reportgen_xsd < $< > $@

$(BUILD)/tests/%: tests/unit/%.c $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -I generator -o $@ $^ $(LDFLAGS) $(LDLIBS) -lcmocka

samples: $(SAMPLES:%=out/%.pdf)

.SECONDEXPANSION:
out/%.pdf: $(BIN) $$($$*_T) $$($$*_D) fonts/fonts.conf
	@mkdir -p out
	$(BIN) render -t $($*_T) $(addprefix -d ,$($*_D)) $($*_V) -o $@

# one line per sample: name|template|data files|settings (for tests)
list-samples:
	@$(foreach s,$(SAMPLES),echo '$(s)|$($(s)_T)|$($(s)_D)|$($(s)_V)';)

test: deps build $(TEST_BINS)
	@sh tests/run.sh $(TEST_BINS)

clean:
	rm -rf $(BUILD) out

-include $(OBJS:.o=.d) $(MAIN:.o=.d)
