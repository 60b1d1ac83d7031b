# entraide - build, run and test.
#
#   make run      install what is missing, build, create the demo data, serve on 127.0.0.1:8080
#   make check    every test: unit (plain and ASan+UBSan), fuzz corpora, API, browser, evaluations
#   make          build build/entraide
#
# Sources are found by wildcard: a new file in src/ or tests/unit/ needs no edit here.
# Subsystems that need build steps of their own (generated data, evaluations, extra
# libraries) add them in a fragment under mk/ (see mk/README); this file stays small.

BUILD   ?= build
SHARED  ?= ../shared
CC      ?= cc
CXX     ?= c++
HOST    ?= 127.0.0.1
PORT    ?= 8080
DATA    ?= var

# Libraries with a pkg-config file. Fragments append to PKGS and LIBS.
PKGS    := libmicrohttpd sqlite3 libsodium jansson libcmark libjpeg libpng libwebp libheif \
           lcms2 libutf8proc libpcre2-8 libpq libseccomp zlib
LIBS    := -lstemmer -lpthread -lm
GEN_SRC :=

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wvla
CPPFLAGS += -Iinclude -Isrc -I$(BUILD)/gen -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 $(WARN) -fvisibility=hidden -fno-strict-aliasing -fstack-protector-strong
CXXFLAGS ?= -O2 -g
CXXFLAGS += -std=c++17 -Wall -Wextra -Werror -fvisibility=hidden
LDFLAGS  += -Wl,-z,relro,-z,now -Wl,--as-needed

ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
CFLAGS   += $(SANFLAGS)
CXXFLAGS += $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)
endif
ifeq ($(FUZZ),1)
CFLAGS   += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -DENT_FUZZING
CXXFLAGS += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -DENT_FUZZING
endif

-include $(sort $(wildcard mk/*.mk))

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS   += $(PKG_CFLAGS)

LIB_C   := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
LIB_CXX := $(sort $(shell find src -name '*.cc'))
CLI_C   := $(sort $(wildcard src/cli/*.c src/cli/demo/*.c))
LIB_OBJ := $(LIB_C:%.c=$(BUILD)/obj/%.o) $(LIB_CXX:%.cc=$(BUILD)/obj/%.o) \
           $(GEN_SRC:$(BUILD)/%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_C:%.c=$(BUILD)/obj/%.o)
LIBENT  := $(BUILD)/libentraide.a
BIN     := $(BUILD)/entraide

UNIT_SRC  := $(sort $(shell find tests/unit -name 'test_*.c' 2>/dev/null))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz/%)

.PHONY: all run deps deps-check unit asan-unit fuzz fuzz-replay api-test e2e eval check clean demo serve
.DEFAULT_GOAL := all

all: $(BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -MMD -MP -c $< -o $@

$(LIBENT): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBENT)
	$(CXX) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIBENT) $(PKG_LIBS) $(LIBS)

$(BUILD)/tests/unit/%: tests/unit/%.c $(LIBENT)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -Wno-unused-parameter $< -o $@.o -c
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBENT) $(PKG_LIBS) $(LIBS) $(shell pkg-config --libs cmocka)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# --- installing and running -------------------------------------------------------------

deps:
	@scripts/install-deps.sh

deps-check:
	@scripts/install-deps.sh --check

run: deps
	$(MAKE) all
	$(BIN) demo --data $(DATA)
	$(BIN) serve --data $(DATA) --listen $(HOST):$(PORT)

# --- tests --------------------------------------------------------------------------------

unit: $(UNIT_BIN)
	@tests/run_unit.sh $(BUILD)/tests/unit

# The sanitizer build uses clang, so that every file (the binary too) is also compiled by the
# second compiler the project supports.
asan-unit:
	$(MAKE) SAN=1 CC=clang CXX=clang++ BUILD=$(BUILD)/asan all unit

# The instrumented library is made by a sub-make that knows its sources; the harnesses depend
# on that step (always run, cheap when nothing changed) so a changed engine is never fuzzed
# through a stale binary.
.PHONY: fuzzlib
fuzzlib:
	$(MAKE) FUZZ=1 CC=clang CXX=clang++ BUILD=$(BUILD)/fuzzlib $(BUILD)/fuzzlib/libentraide.a

$(BUILD)/fuzz/%: fuzz/%.c fuzzlib
	@mkdir -p $(@D)
	clang++ -fsanitize=fuzzer,address,undefined $(CPPFLAGS) -x c -std=c11 $< -x none \
		$(BUILD)/fuzzlib/libentraide.a $(PKG_LIBS) $(LIBS) -o $@

fuzz: $(FUZZ_BIN)

# Replays every stored corpus input once through its harness (no new inputs are made). A
# replay needs no coverage feedback, so its harnesses link the ASan+UBSan library of asan-unit
# (made once for both, UBSan errors fatal) instead of compiling every source a third time with
# the fuzzing instrumentation; `make fuzz` still makes the instrumented harnesses.
FUZZ_REPLAY_BIN := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz-replay/%)
.PHONY: asanlib
asanlib:
	$(MAKE) SAN=1 CC=clang CXX=clang++ BUILD=$(BUILD)/asan $(BUILD)/asan/libentraide.a

$(BUILD)/fuzz-replay/%: fuzz/%.c asanlib
	@mkdir -p $(@D)
	clang++ -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(CPPFLAGS) -x c -std=c11 $< -x none \
		$(BUILD)/asan/libentraide.a $(PKG_LIBS) $(LIBS) -o $@

fuzz-replay: $(FUZZ_REPLAY_BIN)
	@tests/run_fuzz_replay.sh $(BUILD)/fuzz-replay fuzz/corpus

# The suite makes the demo data once (tests/lib/server.mjs, ENTRAIDE_DEMO_CACHE) in a
# directory of its own, emptied first.
# API test files run API_JOBS at a time (each has its own server, port and data directory),
# except those whose header has a line "// test alone: REASON" (a latency bound, say): they
# run first, one at a time, with nothing else running beside them.
API_TESTS := $(sort $(wildcard tests/api/*.test.mjs))
API_ALONE := $(shell grep -l '^// test alone:' $(API_TESTS) /dev/null 2>/dev/null)
API_JOBS  ?= 2
api-test: $(BIN)
	@rm -rf $(BUILD)/test-demo/api
	@export ENTRAIDE_BIN=$(BIN) ENTRAIDE_DEMO_CACHE=$(BUILD)/test-demo/api; rc=0; \
	$(if $(API_ALONE),node --test --test-concurrency=1 $(API_ALONE) || rc=1;) \
	node --test --test-concurrency=$(API_JOBS) $(filter-out $(API_ALONE),$(API_TESTS)) || rc=1; \
	exit $$rc

# The demo data made once per run too (ENTRAIDE_DEMO_CACHE, as for api-test). Browser test
# files run E2E_JOBS at a time (each has its own server and browser), "// test alone: REASON"
# files first, one at a time. One by default: on two cores a second file doubled each test's
# time (CI run 52: 1,116 s of tests in ~580 s) and a CPU-throttled page load ran out of its
# 60 s; a machine with more cores may ask for more (make e2e E2E_JOBS=4).
E2E_TESTS := $(sort $(wildcard tests/e2e/*.test.mjs))
E2E_ALONE := $(shell grep -l '^// test alone:' $(E2E_TESTS) /dev/null 2>/dev/null)
E2E_JOBS  ?= 1
e2e: $(BIN)
	@rm -rf $(BUILD)/test-demo/e2e
	@export ENTRAIDE_BIN=$(BIN) ENTRAIDE_DEMO_CACHE=$(BUILD)/test-demo/e2e; rc=0; \
	$(if $(E2E_ALONE),node --test --test-concurrency=1 $(E2E_ALONE) || rc=1;) \
	node --test --test-concurrency=$(E2E_JOBS) $(filter-out $(E2E_ALONE),$(E2E_TESTS)) || rc=1; \
	exit $$rc

# Evaluations on the shared development data; fragments add to EVAL_TARGETS.
eval: $(BIN)
	@if [ -d "$(SHARED)" ]; then $(MAKE) --no-print-directory $(EVAL_TARGETS); \
	else echo "eval: $(SHARED) not present, evaluations skipped"; fi

check: deps-check
	@tests/check.sh "$(MAKE)" "$(BUILD)"

clean:
	rm -rf $(BUILD)

print-%:
	@echo $($*)
