# intent.mk - the desk's intent classifier: a host trainer turns data/intent/*.jsonl into
# $(BUILD)/gen/intent_model.c (const weights compiled into the library); evaluation on the shared
# development set (EVAL_TARGETS) and on our own held-out set (CHECK_EXTRA, no ../shared needed).

INTENT_DATA    := $(sort $(wildcard data/intent/*.jsonl))
INTENT_TRAINER := $(BUILD)/host/intent_train
INTENT_MODEL   := $(BUILD)/gen/intent_model.c
INTENT_HOSTSRC := tools/intent_train.c src/desk/intent_feat.c src/desk/intent_wordmap.c
# The trainer runs on the build machine only: plain flags, no sanitizers, whatever the build.
INTENT_HOSTCC  := cc
INTENT_HOSTFLAGS := -std=c11 -O2 -Wall -Wextra -Werror -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
                    -D_DEFAULT_SOURCE

GEN_SRC += $(INTENT_MODEL)

$(INTENT_TRAINER): $(INTENT_HOSTSRC) src/desk/intent_feat.h src/desk/intent_wordmap.h include/entraide/intent.h
	@mkdir -p $(@D)
	$(INTENT_HOSTCC) $(INTENT_HOSTFLAGS) $(shell pkg-config --cflags jansson libutf8proc) \
		$(INTENT_HOSTSRC) -o $@ $(shell pkg-config --libs jansson libutf8proc) -lstemmer -lpthread -lm

$(INTENT_MODEL): $(INTENT_TRAINER) $(INTENT_DATA)
	@mkdir -p $(@D)
	$(INTENT_TRAINER) -o $@.tmp $(INTENT_DATA) && mv $@.tmp $@

# The library's objects that read the model's declarations need it to exist first.
$(BUILD)/obj/src/desk/intent.o: $(INTENT_MODEL)

# K-fold cross-validation on the training data (for tuning; never on an evaluation set).
.PHONY: intent-cv intent-eval intent-heldout
intent-cv: $(INTENT_TRAINER)
	$(INTENT_TRAINER) --cv 5 $(INTENT_DATA)

intent-eval: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < $(SHARED)/data/intent-dev.jsonl > $(BUILD)/intent-dev.pred.jsonl
	python3 $(SHARED)/tools/score_intent.py $(SHARED)/data/intent-dev.jsonl $(BUILD)/intent-dev.pred.jsonl \
		--min accuracy=0.85 --min macro_f1=0.85 --min urgent_recall=0.97 --min consultation_recall=0.90

intent-heldout: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/heldout.jsonl > $(BUILD)/intent-heldout.pred.jsonl
	python3 tests/intent/score.py tests/intent/heldout.jsonl $(BUILD)/intent-heldout.pred.jsonl \
		--min accuracy=0.85 --min macro_f1=0.85 --min urgent_recall=0.97 --min consultation_recall=0.90

EVAL_TARGETS += intent-eval
CHECK_EXTRA  += intent-heldout
