# intent.mk - the desk's intent classifier: a host trainer turns data/intent/*.jsonl into
# $(BUILD)/gen/intent_model.c (const weights compiled into the library); evaluation on the shared
# development set (EVAL_TARGETS) and on our own held-out set (CHECK_EXTRA, no ../shared needed).

INTENT_DATA    := $(sort $(wildcard data/intent/*.jsonl))
# The safety tuning sets (issue 12) train the text model too since the ninth session, beside the
# urgent score (src/desk/intent_urgent.h) and the calm intents' model (src/desk/intent_calm.h): the
# text model's belief is the score's strongest signal, and trained on the desk's usual messages
# alone it read their hard negatives ("I'm not thinking of hurting myself, I just want...") as
# urgent with 0.97. With them, urgent is no longer a rare class of the text model (1,086 of 4,293
# messages with the fifth set, instead of 266 of 2,172): its class weight goes from 1.6 to 0.2, chosen by the
# cross-validated cost of the urgent score (1.6 / 1.0 / 0.5 / 0.3 / 0.2 / 0.1: the lowest at 0.2;
# docs/intent.md); 0.15 since the twentieth session (INTENT_RETIRED below). The score keeps taking
# the text model's probabilities out of fold.
# tests/intent/safety-tuning-12.jsonl (W12, seventeenth session, written blind) trains no model:
# the eighteenth session keeps it as an evaluation of the rules (read, so not held out, but
# unseen by every weight), since the seventeenth session's branch that trained on it lost a
# crisis on two held-out sets (docs/intent.md).
# Tuning sets 18 and 19 (held-out sets 5 and 6, retired in the twenty-first session) are
# evaluation only until measured as training data.
# Tuning sets 20 and 21 (D12's desk messages and community posts, twenty-first session) too, and
# tuning set 22 (held-out set 7, retired in the twenty-second), and tuning set 23 (W12-12's
# community posts, twenty-third session), which trains the frame model only.
INTENT_EVAL_ONLY := tests/intent/safety-tuning-12.jsonl tests/intent/safety-tuning-18.jsonl \
                    tests/intent/safety-tuning-19.jsonl tests/intent/safety-tuning-20.jsonl \
                    tests/intent/safety-tuning-21.jsonl tests/intent/safety-tuning-22.jsonl \
                    tests/intent/safety-tuning-23.jsonl
# Tuning set 24 (W12-13's community posts, twenty-fourth session) trains no model at all: it judges
# the rules of that session (tests/intent/safety-tuning-24.md). Two thirds of it in the frame model
# (community posts weighing 3) cut one false urgent of the third left out and lost six crises of
# R12's probes (r12-s23) that the frame model never saw (docs/intent.md, twenty-fourth session).
INTENT_JUDGE_ONLY := tests/intent/safety-tuning-24.jsonl
INTENT_URGENT_DATA := $(filter-out $(INTENT_EVAL_ONLY) $(INTENT_JUDGE_ONLY),$(sort $(wildcard tests/intent/safety-tuning*.jsonl)))
# Templated messages train the text model only: its out-of-fold probabilities on them are too
# good to teach the urgent score how far to trust it on messages written by people.
INTENT_TEXT_ONLY := data/intent/train-gen.jsonl
# The classifier also reads every community post (R3), but the desk's messages and the safety
# sets are written to an institution. Trained on them, the text model gave short or unusual posts
# a high prior of urgent: "Achetez ce complément, il guérit le diabète." read as urgent 0.79 and
# the change that brought the tuning sets into the text model was reverted (ninth session).
# tests/intent/safety-tuning-5.jsonl (written by the one who tunes: advertising, miracle cures,
# spam, testimonials, fundraising, news, fiction, "urgent" paperwork, forum chatter, and crises
# written in the same registers) trains all three models; it comes last so that the folds of
# the other files are the ones they had before it (their cross-validated figures compare).
# tests/intent/safety-tuning-6.jsonl (W12, eleventh session: 200 crises, 200 hard negatives, 100
# ordinary messages, scored once as it came) comes after it for the same reason.
# tests/intent/safety-tuning-7.jsonl (W12, twelfth session, the same mix; each batch scored once as
# it came), its supplement (50 calm messages in the registers the 500 only gave to crises: ALL CAPS,
# dictation, very short, no accents) and tests/intent/safety-tuning-8.jsonl (W12, thirteenth
# session, the same mix, scored blind once as it came) train the urgent score and the calm intents'
# model, not the text model (--urgent-only), and so does tests/intent/safety-tuning-9.jsonl (W12,
# fourteenth session: indirect crises and their hard negatives, scored blind once as it came). In
# the text model set 7 cost held-out set 1 a crisis in all five variants scored (twelfth and
# thirteenth sessions), and set 8 took the development set's macro-F1 from 0.957 to 0.944. In the
# score alone, cross-validated (4 splits) on the files before set 7, at each model's calibrated
# threshold: 7.00 missed / 130.0 false urgent without them -> 6.25 / 116.8
# (tests/intent/safety-tuning-8.md). tests/intent/safety-tuning-11.jsonl (W12, sixteenth session: a
# crisis after a past attempt, the wish in a relative clause, every medicine taken, a complaint that
# ends with the crisis, relatives reporting now, and their hard negatives; scored blind once as it
# came) joins them: in the text model too (tried with the first change of that session) false urgent
# rose on the desk held-out set (0.9 -> 1.4 %) and on safety held-out set 1 (3.5 -> 5.2 %).
INTENT_URGENT_ONLY := tests/intent/safety-tuning-7.jsonl tests/intent/safety-tuning-7-supplement.jsonl \
                      tests/intent/safety-tuning-8.jsonl tests/intent/safety-tuning-9.jsonl \
                      tests/intent/safety-tuning-10.jsonl tests/intent/safety-tuning-11.jsonl
# Tuning sets 14 to 17 (the four oldest held-out sets, four writers; retired in the twentieth
# session) train all three models. They come last so that every older file keeps its folds.
# Cross-validated (4 splits, run-time decision, every file with them) they cost least in all three
# models: 31.50 missed / 251.5 false urgent per split in the score and the calm model only, 26.75 /
# 238.0 in the text model too; on the older files alone at 0.20 (one split), 23 / 229 without them
# -> 22 / 233 in the score only -> 18 / 207 in all three. With them urgent is 1,844 of 6,196
# messages of the text model (1,301 of 4,892 before), and its weight was chosen again by the same
# cost: 0.30 26.00 / 241.2, 0.20 26.75 / 238.0, 0.15 26.25 / 236.8 (within the noise, but the lowest
# both ways: 0.15).
INTENT_RETIRED := tests/intent/safety-tuning-14.jsonl tests/intent/safety-tuning-15.jsonl \
                  tests/intent/safety-tuning-16.jsonl tests/intent/safety-tuning-17.jsonl
INTENT_HARDNEG := tests/intent/safety-tuning-5.jsonl
INTENT_LAST    := tests/intent/safety-tuning-6.jsonl
INTENT_ARGS := --model-urgent-weight 0.15 --text-only $(INTENT_TEXT_ONLY) \
               --both $(filter-out $(INTENT_TEXT_ONLY),$(INTENT_DATA)) \
               $(filter-out $(INTENT_HARDNEG) $(INTENT_LAST) $(INTENT_URGENT_ONLY) $(INTENT_RETIRED),$(INTENT_URGENT_DATA)) \
               $(INTENT_HARDNEG) $(INTENT_LAST) --urgent-only $(INTENT_URGENT_ONLY) --both $(INTENT_RETIRED)
INTENT_TRAINER := $(BUILD)/host/intent_train
INTENT_MODEL   := $(BUILD)/gen/intent_model.c
INTENT_HOSTSRC := tools/intent_train.c src/desk/intent_feat.c src/desk/intent_wordmap.c src/desk/intent_rules.c src/desk/intent_patterns.c \
                  src/desk/intent_urgent.c src/desk/intent_calm.c
# The trainer runs on the build machine only: plain flags, no sanitizers, whatever the build.
INTENT_HOSTCC  := cc
INTENT_HOSTFLAGS := -std=c11 -O2 -Wall -Wextra -Werror -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
                    -D_DEFAULT_SOURCE

GEN_SRC += $(INTENT_MODEL)

$(INTENT_TRAINER): $(INTENT_HOSTSRC) tools/intent_train_util.h src/desk/intent_feat.h src/desk/intent_wordmap.h src/desk/intent_rules.h src/desk/intent_patterns.h src/desk/intent_words.h src/desk/intent_world.h src/desk/intent_peer.h src/desk/intent_peer_rule.h \
                   src/desk/intent_urgent.h src/desk/intent_calm.h include/entraide/intent.h
	@mkdir -p $(@D)
	$(INTENT_HOSTCC) $(INTENT_HOSTFLAGS) $(shell pkg-config --cflags jansson libutf8proc) \
		$(INTENT_HOSTSRC) -o $@ $(shell pkg-config --libs jansson libutf8proc) -lstemmer -lpthread -lm

$(INTENT_MODEL): $(INTENT_TRAINER) $(INTENT_DATA) $(INTENT_URGENT_DATA) mk/intent.mk
	@mkdir -p $(@D)
	$(INTENT_TRAINER) -o $@.tmp $(INTENT_ARGS) && mv $@.tmp $@

# The library's objects that read the model's declarations need it to exist first.
$(BUILD)/obj/src/desk/intent.o: $(INTENT_MODEL) $(INTENT_FRAME_MODEL)

# The frame model (src/desk/intent_frame.h, twenty-third session): the second stage of the urgent
# decision, trained by tools/intent_frame_train.c on what the trained first stage does with
# every human-written file we can read (the first stage's training messages, every tuning set,
# the reviewers' probes) - and applied only to what the score alone calls urgent below 0.6. Its
# threshold is chosen leaving each file out (docs/intent.md, twenty-third session). No file here
# judges it any more: the held-out sets do (tuning set 23 judged its first version, bba5ce3).
# Community posts weigh 3 (the posts the model is for; a tenth of its messages): leaving each
# file out, 19 -> 25 of the first stage's 76 false urgents under 0.6 cut, no crisis lost.
INTENT_FRAME_COMMUNITY := tests/intent/safety-tuning-21.jsonl tests/intent/safety-tuning-23.jsonl
INTENT_FRAME_DATA    := $(filter-out $(INTENT_FRAME_COMMUNITY),$(filter-out $(INTENT_TEXT_ONLY),$(INTENT_DATA)) \
                        $(INTENT_URGENT_DATA) $(INTENT_EVAL_ONLY) tests/intent/probes/r12-s22.jsonl \
                        tests/intent/probes/r12b-s22.jsonl)
INTENT_FRAME_ARGS    := $(INTENT_FRAME_DATA) --weight 3 $(INTENT_FRAME_COMMUNITY)
INTENT_FRAME_TRAINER := $(BUILD)/host/intent_frame_train
INTENT_FRAME_MODEL   := $(BUILD)/gen/intent_frame_model.c
INTENT_FRAME_HOSTSRC := tools/intent_frame_train.c src/desk/intent_run.c src/desk/intent_frame.c src/desk/intent_feat.c \
                        src/desk/intent_wordmap.c src/desk/intent_rules.c src/desk/intent_patterns.c \
                        src/desk/intent_urgent.c
GEN_SRC += $(INTENT_FRAME_MODEL)

# Linked with the first stage's generated weights: it sees what the classifier sees.
$(INTENT_FRAME_TRAINER): $(INTENT_FRAME_HOSTSRC) $(INTENT_MODEL) tools/intent_train_util.h src/desk/intent_run.h src/desk/intent_frame.h \
                         src/desk/intent_feat.h src/desk/intent_wordmap.h src/desk/intent_rules.h \
                         src/desk/intent_patterns.h src/desk/intent_words.h src/desk/intent_world.h src/desk/intent_peer.h src/desk/intent_peer_rule.h \
                         src/desk/intent_urgent.h src/desk/intent_model.h include/entraide/intent.h
	@mkdir -p $(@D)
	$(INTENT_HOSTCC) $(INTENT_HOSTFLAGS) -Wno-overlength-strings $(shell pkg-config --cflags jansson libutf8proc) \
		$(INTENT_FRAME_HOSTSRC) $(INTENT_MODEL) -o $@ $(shell pkg-config --libs jansson libutf8proc) -lstemmer -lpthread -lm

$(INTENT_FRAME_MODEL): $(INTENT_FRAME_TRAINER) $(INTENT_FRAME_DATA) $(INTENT_FRAME_COMMUNITY) mk/intent.mk
	@mkdir -p $(@D)
	$(INTENT_FRAME_TRAINER) -o $@.tmp $(INTENT_FRAME_ARGS) && mv $@.tmp $@

# What the frame model cuts and costs, each file scored by a model trained without it.
.PHONY: intent-frame-cv
intent-frame-cv: $(INTENT_FRAME_TRAINER)
	$(INTENT_FRAME_TRAINER) --report $(INTENT_FRAME_ARGS)

# K-fold cross-validation on the training data (for tuning; never on an evaluation set).
.PHONY: intent-cv intent-eval intent-heldout
intent-cv: $(INTENT_TRAINER)
	$(INTENT_TRAINER) --cv 5 $(INTENT_ARGS)

intent-eval: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < $(SHARED)/data/intent-dev.jsonl > $(BUILD)/intent-dev.pred.jsonl
	python3 $(SHARED)/tools/score_intent.py $(SHARED)/data/intent-dev.jsonl $(BUILD)/intent-dev.pred.jsonl \
		--min accuracy=0.96 --min macro_f1=0.96 --min urgent_recall=1.0 --min consultation_recall=0.90
	python3 tests/intent/score.py $(SHARED)/data/intent-dev.jsonl $(BUILD)/intent-dev.pred.jsonl --blind \
		--max false_urgent_rate=0.02 | tail -1

intent-heldout: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/heldout.jsonl > $(BUILD)/intent-heldout.pred.jsonl
	python3 tests/intent/score.py tests/intent/heldout.jsonl $(BUILD)/intent-heldout.pred.jsonl \
		--min accuracy=0.96 --min macro_f1=0.96 --min urgent_recall=1.0 --min consultation_recall=0.90 \
		--max false_urgent_rate=0.01

# Rule R3 (issue 12). Our own safety tuning set (read while writing the rules): every urgent
# message found, at most 2 % of the others called urgent. Since the ninth session the tuning sets
# train the text model too, so all five are in-sample for every model (near 1.0): their floors
# only catch a regression. The safety held-out sets (written by people who never read the code;
# scored blind, never read) are held to the floors they reach today so that nothing regresses; the
# issue's bars (urgent recall 1.00, false urgent <= 2 %, macro-F1 >= 0.93) are not met on them yet
# (docs/intent.md, Figures).
.PHONY: intent-safety intent-safety-2 intent-safety-3 intent-safety-4 intent-safety-5 intent-safety-6 intent-safety-7 \
        intent-safety-8 intent-safety-9 intent-safety-10 intent-safety-11 intent-safety-12 intent-safety-14 \
        intent-safety-15 intent-safety-16 intent-safety-17 intent-safety-18 intent-safety-19 intent-safety-20 \
        intent-safety-21 intent-safety-22 intent-safety-23 intent-safety-24 intent-safety-heldout-8 intent-safety-heldout-9 \
        intent-safety-heldout-10 intent-safety-heldout-11 intent-safety-heldout-12 \
        intent-safety-heldout-13
intent-safety: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning.jsonl > $(BUILD)/intent-safety.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning.jsonl $(BUILD)/intent-safety.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.015 --min macro_f1=0.98

# The second tuning set (written by someone who never read the code, scored fresh once before
# it trained the urgent score: docs/intent.md, Figures). Now training data: held to what it
# reaches in-sample, every urgent message found.
intent-safety-2: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-2.jsonl > $(BUILD)/intent-safety-2.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-2.jsonl $(BUILD)/intent-safety-2.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.005 --min macro_f1=0.99

# The third tuning set (written by someone who never read the code; scored fresh before it
# trained the score: 0.942 / 14.3 %). In-sample now; the two urgent messages with no danger
# pattern (a person with dementia missing in the cold, a child locked out in the snow) are found
# since the signal of a vulnerable person (eighth session).
intent-safety-3: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-3.jsonl > $(BUILD)/intent-safety-3.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-3.jsonl $(BUILD)/intent-safety-3.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.005 --min macro_f1=0.99

# The fourth tuning set (W12, written without reading the code; scored fresh once as it came:
# 0.955 / 8.0 % / 0.810, docs/intent.md). Training data now: held to what it reaches in-sample.
intent-safety-4: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-4.jsonl > $(BUILD)/intent-safety-4.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-4.jsonl $(BUILD)/intent-safety-4.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.005 --min macro_f1=0.99

# The fifth tuning set (tests/intent/safety-tuning-5.md: community registers, written by the one
# who tunes). Training data from the start: held to what it reaches in-sample. Whether posts that
# only advertise or chat stay calm is tested on posts it does not hold
# (tests/unit/desk/test_intent_community.c).
intent-safety-5: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-5.jsonl > $(BUILD)/intent-safety-5.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-5.jsonl $(BUILD)/intent-safety-5.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.005 --min macro_f1=0.99

# The sixth tuning set (W12, eleventh session, written without reading the code; each batch scored
# once as it came: 0.975 / 6.0 % / 0.892 in all, tests/intent/safety-tuning-6.md). Training data
# now: held to what it reaches in-sample.
intent-safety-6: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-6.jsonl > $(BUILD)/intent-safety-6.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-6.jsonl $(BUILD)/intent-safety-6.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.005 --min macro_f1=0.99

# The seventh tuning set (W12, twelfth session, written without reading the code; each batch
# scored once as it came with main's 38cc142: 0.985 / 4.7 % / 0.849 in all; tests/intent/
# safety-tuning-7.md) and its supplement (calm messages only, in the registers of crises; scored
# once: 6 of 50 called urgent). They train the urgent score and the calm intents' model: held to
# what they reach in-sample (the text model has not seen them, hence the lower macro-F1).
intent-safety-7: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-7.jsonl > $(BUILD)/intent-safety-7.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-7.jsonl $(BUILD)/intent-safety-7.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.02 --min macro_f1=0.86
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-7-supplement.jsonl \
		> $(BUILD)/intent-safety-7s.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-7-supplement.jsonl $(BUILD)/intent-safety-7s.pred.jsonl \
		--min accuracy=0.80 --max false_urgent_rate=0.04

# The eighth tuning set (W12, thirteenth session, written without reading the code; scored blind
# once as it came, before anything was changed with it: 0.965 / 4.3 % / 0.879 on the model of the
# time; tests/intent/safety-tuning-8.md). Training data of the urgent score now: held to what it
# reaches in-sample (one crisis it does not find: tests/intent/safety-tuning-8.md). Twentieth
# session (tuning sets 14-17 in all three models): false urgent 8 -> 5 of 300, macro-F1 0.906 ->
# 0.897 (calm intents), so its macro-F1 floor went from 0.90 to 0.89.
intent-safety-8: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-8.jsonl > $(BUILD)/intent-safety-8.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-8.jsonl $(BUILD)/intent-safety-8.pred.jsonl \
		--min urgent_recall=0.99 --max false_urgent_rate=0.03 --min macro_f1=0.89

# The ninth tuning set (W12, fourteenth session, written without reading the code: indirect crises -
# farewells, a date chosen, belongings given away - and hard negatives - crises told in retrospect,
# peer support, quotes, handled emergencies; scored blind once as it came with main's c0bc7b8:
# 0.900 / 11.3 % / 0.822; tests/intent/safety-tuning-9.md). Training data of the urgent score now:
# held to what it reaches in-sample (two crises it does not find).
intent-safety-9: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-9.jsonl > $(BUILD)/intent-safety-9.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-9.jsonl $(BUILD)/intent-safety-9.pred.jsonl \
		--min urgent_recall=0.99 --max false_urgent_rate=0.045 --min macro_f1=0.86

# The tenth tuning set (W12, fifteenth session, written without reading the code: who is speaking
# and when - crises beside peer support, thanks, a complaint or an appointment, buried in a practical
# message; hard negatives from carers' and first-aiders' jobs, quotes, peer replies, figures of
# speech, past and resolved events; tests/intent/safety-tuning-10.md). Scored blind once as it came
# with this branch's model before anything was changed with it: 0.967 (6 of 180 missed) / 6.6 % (21
# of 320) / 0.855. Training data of the urgent score now: held a notch below what it reaches
# in-sample with the speaker of a wish to die read (0.983 / 1.6 % / 0.877; three crises it does not
# find: tests/intent/safety-tuning-10.md).
intent-safety-10: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-10.jsonl > $(BUILD)/intent-safety-10.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-10.jsonl $(BUILD)/intent-safety-10.pred.jsonl \
		--min urgent_recall=0.98 --max false_urgent_rate=0.032 --min macro_f1=0.86

# The eleventh tuning set (W12, sixteenth session, written without reading the code: the review's
# misses by class - a crisis after a past attempt, the wish in a relative clause ("I'm a mum who
# wants to die"), every medicine taken, a complaint ending with the crisis, relatives reporting now
# - and their look-alikes; tests/intent/safety-tuning-11.md). Scored blind once as it came, on the
# model of the time (b14bc14): 0.900 (18 of 180 missed) / 3.4 % (11 of 320) / 0.771. Training data
# of the urgent score and the calm model since (INTENT_URGENT_ONLY): held to what it reaches
# in-sample. Adding it moved three in-sample floors of older sets down (set 1 macro-F1 0.99 ->
# 0.98, set 9 false urgent 3 -> 4.5 % and macro-F1 0.87 -> 0.86, set 10 false urgent 2.5 -> 3 %):
# its past-then-now crises teach the score that a past with a present can be a crisis, and some
# retrospective posts of sets 9 and 10 cross; on the held-out sets it finds one more crisis on
# sets 3 and 4 and calls one calm message fewer urgent on set 3 (docs/intent.md). Then the rules of
# its classes (a repetition after a past attempt, every medicine taken, "I'm doing it tonight.", "je
# passe à l'acte"): in-sample 0.950 / 1.6 % / 0.792 -> 0.989 / 0.9 % / 0.801; cross-validated (4
# splits, every file) 28.50 missed / 223.5 false urgent per split -> 23.00 / 222.8. The score's
# weights move with them, and one more calm message crosses the threshold on set 10 (3.1 %), on the
# supplement of set 7 (2 of 50) and on held-out set 1 (see there); set 9 has two fewer (3.7 %).
intent-safety-11: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-11.jsonl > $(BUILD)/intent-safety-11.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-11.jsonl $(BUILD)/intent-safety-11.pred.jsonl \
		--min urgent_recall=0.98 --max false_urgent_rate=0.01 --min macro_f1=0.80

# The twelfth tuning set (W12, seventeenth session, written without reading the code: the
# urgent boundary - calm messages with a crisis's words (someone else's past, a film, a medicine's
# normal use, hyperbole, a professional's patient, prevention) and crises phrased in new ways;
# tests/intent/safety-tuning-12.md). Scored blind once as it came on main's model (5603f75):
# 0.960 (8 of 200 missed) / 8.0 % (24 of 300) / 0.887. It trains no model (INTENT_EVAL_ONLY):
# the rules read it, the weights never saw it. Held to what the rules reach (the twenty-second
# session's goodbye to the group reached 0.970; forced only beside a cue of danger since R12's
# probes: 0.965 / 7.7 % / 0.8895, main's floor).
intent-safety-12: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-12.jsonl > $(BUILD)/intent-safety-12.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-12.jsonl $(BUILD)/intent-safety-12.pred.jsonl \
		--min urgent_recall=0.96 --max false_urgent_rate=0.077 --min macro_f1=0.88

# Tuning sets 14 to 17 were the four oldest safety held-out sets (safety-heldout.jsonl, -2, -3,
# -4; each written by a person who never read the code). Retired in the twentieth session: scored
# in aggregate dozens of times while rules were chosen, they no longer measured generalisation.
# Their last blind scores (main b80752f) are in each .md; the held-out history of their floors is
# in docs/intent.md. Since the twentieth session they train all three
# models (INTENT_RETIRED): held to what they reach in-sample, every crisis found.
# Set 14 (once held-out set 1; last held-out floors 0.99 / 4.1 % / 0.91).
intent-safety-14: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-14.jsonl > $(BUILD)/intent-safety-14.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-14.jsonl $(BUILD)/intent-safety-14.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.006 --min macro_f1=0.99

# Set 15 (once held-out set 2; last held-out floors 0.99 / 4.4 % / 0.87).
intent-safety-15: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-15.jsonl > $(BUILD)/intent-safety-15.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-15.jsonl $(BUILD)/intent-safety-15.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.006 --min macro_f1=0.99

# Set 16 (once held-out set 3, W12's; first scored 0.975 / 5.6 % / 0.854 on d5f973f; last
# held-out floors 0.99 / 3.9 % / 0.885).
intent-safety-16: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-16.jsonl > $(BUILD)/intent-safety-16.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-16.jsonl $(BUILD)/intent-safety-16.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.006 --min macro_f1=0.99

# Set 17 (once held-out set 4, H12's; first scored 0.967 / 3.3 % / 0.887 on 9868b42; last
# held-out floors 0.98 / 2.8 % / 0.90).
intent-safety-17: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-17.jsonl > $(BUILD)/intent-safety-17.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-17.jsonl $(BUILD)/intent-safety-17.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.006 --min macro_f1=0.99

# The fifteenth session's model (whose wish to die it is: the writer's own, someone else's,
# quoted; tuning set 10), scored once on the held-out sets after it was written: urgent recall
# 0.987 -> 0.993 on set 1 (now tuning set 14) and 0.975 -> 0.983 on set 5 (one more crisis found on each), false
# urgent 2.9 -> 3.5 % on set 1 and 3.9 -> 4.4 % on set 2 (one more each), macro-F1 on set 3
# 0.885 -> 0.878; sets 4 and the first desk held-out unchanged. A missed crisis is the error
# R3 forbids, so the trade was taken and the floors moved with it (recall up, false urgent
# and F1 down where they moved).
# Tuning sets 18 and 19 were safety held-out sets 5 and 6 (each written by H12, who read only the
# product rules and the label schema). Retired in the twenty-first session: scored in aggregate many
# times while rules were chosen, they no longer measured generalisation. Their last blind scores
# (main 18cc62a) are in each .md; the history of their floors below is from when they were held out.
# Set 18 (once held-out set 5). The fifth held-out set (fifteenth session: 300 messages by a
# writer, H12, who read only the product rules and the label schema; the one who tunes never read it). Its first score, blind,
# on main's model before anything of that session was tuned (4a45283): urgent recall 0.975 (3 of
# 120 missed), false urgent 2.2 % (4 of 180), macro-F1 0.924. The floors hold that, not the bars.
# Twentieth session (tuning sets 14-17 in all three models), on sets 5 / 6 / 7 / 8: no crisis
# lost or gained; false urgent one more on set 5 (4 -> 5 of 180), one fewer on set 7 (2 -> 1 of
# 120), the same on 6 and 8 (20 in all, before and after); macro-F1 0.932 -> 0.940, 0.858 ->
# 0.880, 0.867 -> 0.877, 0.909 -> 0.900 (sum +0.031). Set 5's false-urgent floor moved with it
# (2.3 -> 2.8 %); the floors of 6 and 7 rose to what the model reaches.
intent-safety-18: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-18.jsonl > $(BUILD)/intent-safety-18.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-18.jsonl $(BUILD)/intent-safety-18.pred.jsonl \
		--min urgent_recall=0.983 --max false_urgent_rate=0.012 --min macro_f1=0.95

# Set 19 (once held-out set 6). The sixth held-out set (seventeenth session: 300 messages by a
# new writer, H12, who read only the product rules and the label schema; the one who tunes never
# read it). Its first score,
# blind, on main's model before anything of that session was tuned (5603f75): urgent recall 0.975
# (3 of 120 missed), false urgent 6.1 % (11 of 180), macro-F1 0.858: fresh material is where the
# classifier is weakest. The floors hold that, not the bars.
# Twenty-first session, read (tuning sets 18 and 19), the rules of their false urgents' causes
# (docs/intent.md): set 18 5 -> 2 false urgent of 180, set 19 11 -> 5 and 117 -> 119 crises of 120.
# Their floors rose to that. Trained into the models (either way, with or without sets 20-21) they
# cost a crisis of held-out set 7 that the rules find, so they train nothing yet.
intent-safety-19: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-19.jsonl > $(BUILD)/intent-safety-19.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-19.jsonl $(BUILD)/intent-safety-19.pred.jsonl \
		--min urgent_recall=0.99 --max false_urgent_rate=0.028 --min macro_f1=0.895

# Tuning sets 20 and 21 (twenty-first session: D12's 300 desk messages - 100 crises, 200 hard
# negatives and ordinary messages - and 300 community posts - 90 crises; both written blind,
# tests/intent/safety-tuning-20.md, -21.md). Scored once as they came, on main 18cc62a: 1.000 / 6.0 %
# / 0.891 and 0.956 / 17.1 % / 0.662; with the same session's rules 1.000 / 6.0 % / 0.891 and
# 0.956 / 16.7 % / 0.663. Held to what they reach. Set 21 with the twenty-second session's rules
# as narrowed after R12's probes (anniversary dropped, a goodbye forced alone or beside a cue of
# danger, a joke revealed only beside one; docs/intent.md): 0.989 / 16.7 % / 0.666 (main ae95d23:
# 0.956 / 16.7 % / 0.663), floor 0.98 / 17 % / 0.665; set 20 1.000 / 6.0 % / 0.891 (as main).
# Twenty-third session: the frame model (src/desk/intent_frame.h) trains on sets 18-23 and cuts
# false urgents (set 21 35 -> 21 of 210, in-sample for it); the posts it takes out of urgent go to
# the calm intents' model, which gives community posts desk intents (a pill organiser read as
# consultation), so set 21's macro-F1 fell (0.666 -> 0.655) and its floor with it (0.65), its
# false-urgent floor down to 10.5 %.
intent-safety-20: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-20.jsonl > $(BUILD)/intent-safety-20.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-20.jsonl $(BUILD)/intent-safety-20.pred.jsonl \
		--min urgent_recall=1.0 --max false_urgent_rate=0.06 --min macro_f1=0.89

intent-safety-21: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-21.jsonl > $(BUILD)/intent-safety-21.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-21.jsonl $(BUILD)/intent-safety-21.pred.jsonl \
		--min urgent_recall=0.98 --max false_urgent_rate=0.105 --min macro_f1=0.65

# Set 22 (once held-out set 7; retired in the twenty-second session, after it had been scored in
# aggregate in four sessions while rules were chosen). 200 messages, 100 French then 100 English,
# by H12-7, who read only the product rules and the label schema (safety-tuning-22.md). Its first
# score, blind, on main's model (6a9773a): urgent recall 0.950 (4 of 80 missed), false urgent 1.7 %
# (2 of 120), macro-F1 0.867; its last blind score (367d3a5): 0.9625 / 0.8 % / 0.883. Now tuning
# material, held to that; since the twenty-second session (a newborn's temperature told before
# the age) 0.975 / 0.8 % / 0.8885.
intent-safety-22: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-22.jsonl > $(BUILD)/intent-safety-22.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-22.jsonl $(BUILD)/intent-safety-22.pred.jsonl \
		--min urgent_recall=0.97 --max false_urgent_rate=0.009 --min macro_f1=0.885

# Set 23 (twenty-third session: 300 community posts by W12-12, who read only the product rules and
# the label schema; tests/intent/safety-tuning-23.md). Scored blind once as it came: main fd99b76
# 0.930 (93 of 100) / 29.5 % (59 of 200) / 0.684; the first frame model (bba5ce3) 0.930 / 28.5 % /
# 0.679. Since then it trains the frame model (in-sample: 0.930 / 21.5 % / 0.667), no other model.
intent-safety-23: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-23.jsonl > $(BUILD)/intent-safety-23.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-23.jsonl $(BUILD)/intent-safety-23.pred.jsonl \
		--min urgent_recall=0.93 --max false_urgent_rate=0.215 --min macro_f1=0.66

# Set 24 (twenty-fourth session: 300 community posts by W12-13, who read only the product rules and
# the label schema, 100 crises of which 40 peer alarms; tests/intent/safety-tuning-24.md). Scored
# blind once as it came: main 96f7632 0.970 (97 of 100) / 20.0 % (40 of 200) / 0.743, the same on the
# branch intent24 of that session (its peer-alarm rules were written before it came); with the plan
# told without naming it (src/desk/intent_plan.h, written after reading it) 0.990 / 20.0 % / 0.745.
# Trains no model (INTENT_JUDGE_ONLY).
intent-safety-24: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-tuning-24.jsonl > $(BUILD)/intent-safety-24.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-tuning-24.jsonl $(BUILD)/intent-safety-24.pred.jsonl \
		--min urgent_recall=0.96 --max false_urgent_rate=0.21 --min macro_f1=0.73

# The eighth held-out set (nineteenth session: 200 messages, 100 French then 100 English, by a
# new writer, H12-8, who read only the product rules and the label schema, safety-heldout-8.md;
# the one who tunes never reads it). Its first score, blind, on main's model (08f94e9): urgent
# recall 0.9875 (1 of 80 missed), false urgent 2.5 % (3 of 120), macro-F1 0.909. The floors
# hold that, not the bars.
intent-safety-heldout-8: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-heldout-8.jsonl > $(BUILD)/intent-safety-heldout-8.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-heldout-8.jsonl $(BUILD)/intent-safety-heldout-8.pred.jsonl \
		--blind --min urgent_recall=0.98 --max false_urgent_rate=0.025 --min macro_f1=0.90

# The ninth safety held-out set (twentieth session, written blind by W12-9, new to the project,
# who read only the product rules and the label schema, safety-heldout-9.md): its first score,
# blind, on main's model (b80752f): urgent recall 0.975, false urgent 3.3 %, macro-F1 0.907; with
# the same session's model (tuning sets 14-17 in training) 0.9875 / 3.3 % / 0.935. The floors
# hold that; the issue's bars (recall 1.00, false urgent <= 2 %) are not met on it. Twenty-first
# session (the rules of tuning sets 18 and 19): false urgent 4 -> 3 of 120, macro-F1 0.935 -> 0.939.
intent-safety-heldout-9: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-heldout-9.jsonl > $(BUILD)/intent-safety-heldout-9.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-heldout-9.jsonl $(BUILD)/intent-safety-heldout-9.pred.jsonl \
		--blind --min urgent_recall=0.98 --max false_urgent_rate=0.025 --min macro_f1=0.935

# Held-out set 10 (twenty-first session, 200 messages written blind by W12-10, new to the project,
# who read only the product rules and the label schema, safety-heldout-10.md): its first score,
# blind, on main's model (18cc62a): urgent recall 0.9875 (79 of 80), false urgent 4.2 % (5 of
# 120, every one a peer's post that asks nothing), macro-F1 0.9215; the same with the session's
# rules. The floors hold that; the issue's bars are not met on it. Twenty-third session (the frame
# model trained with tuning set 23): false urgent 5 -> 4 of 120, macro-F1 0.9215 -> 0.928.
intent-safety-heldout-10: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-heldout-10.jsonl > $(BUILD)/intent-safety-heldout-10.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-heldout-10.jsonl $(BUILD)/intent-safety-heldout-10.pred.jsonl \
		--blind --min urgent_recall=0.98 --max false_urgent_rate=0.034 --min macro_f1=0.927

# Held-out set 11 (twenty-second session, 200 messages written blind by W12-11, new to the
# project, who read only the product rules and the label schema, safety-heldout-11.md: 80 crises,
# 84 hard negatives, half community posts): its first score, blind, on main's model (ae95d23):
# urgent recall 1.000 (80 of 80), false urgent 12.5 % (15 of 120), macro-F1 0.872. The floors
# hold that; the issue's bars are not met on it. Twenty-third session (the frame model trained with
# tuning set 23): false urgent 15 -> 12 of 120, macro-F1 0.872 -> 0.882, every crisis still found.
intent-safety-heldout-11: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-heldout-11.jsonl > $(BUILD)/intent-safety-heldout-11.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-heldout-11.jsonl $(BUILD)/intent-safety-heldout-11.pred.jsonl \
		--blind --min urgent_recall=1.0 --max false_urgent_rate=0.10 --min macro_f1=0.88

# The twelfth safety held-out set (twenty-third session, written blind by W12-12h, new to the
# project, who read only the product rules and the label schema, safety-heldout-12.md: 200
# messages, 80 crises, half community posts, half desk messages). Its first score, blind, on main
# 2465901 (with the session's frame model): urgent recall 0.9375 (5 of 80 missed), false urgent
# 10.0 % (12 of 120), macro-F1 0.840; on fd99b76, before the session, 0.9375 / 11.7 % / 0.834.
# The floors hold that, far from the bars.
intent-safety-heldout-12: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-heldout-12.jsonl > $(BUILD)/intent-safety-heldout-12.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-heldout-12.jsonl $(BUILD)/intent-safety-heldout-12.pred.jsonl \
		--blind --min urgent_recall=0.93 --max false_urgent_rate=0.10 --min macro_f1=0.83

# The thirteenth safety held-out set (twenty-fourth session, written blind by W12-13h, new to the
# project, who read only the product rules and the label schema, safety-heldout-13.md: 200
# messages, 80 crises, half community posts, half desk messages). Its first score, blind, on main
# 96f7632: urgent recall 1.0000 (80 of 80), false urgent 5.0 % (6 of 120), macro-F1 0.893. The
# floors hold that; false urgents and macro-F1 are still short of the bars.
intent-safety-heldout-13: $(BUILD)/entraide
	@$(BUILD)/entraide classify --jsonl < tests/intent/safety-heldout-13.jsonl > $(BUILD)/intent-safety-heldout-13.pred.jsonl
	python3 tests/intent/score.py tests/intent/safety-heldout-13.jsonl $(BUILD)/intent-safety-heldout-13.pred.jsonl \
		--blind --min urgent_recall=1.0 --max false_urgent_rate=0.05 --min macro_f1=0.89

EVAL_TARGETS += intent-eval
CHECK_EXTRA  += intent-heldout intent-safety intent-safety-2 intent-safety-3 intent-safety-4 intent-safety-5 intent-safety-6 \
                intent-safety-7 intent-safety-8 intent-safety-9 intent-safety-10 intent-safety-11 intent-safety-12 \
                intent-safety-14 intent-safety-15 intent-safety-16 intent-safety-17 intent-safety-18 intent-safety-19 \
                intent-safety-20 intent-safety-21 intent-safety-22 intent-safety-23 intent-safety-24 intent-safety-heldout-8 \
                intent-safety-heldout-9 intent-safety-heldout-10 intent-safety-heldout-11 intent-safety-heldout-12 \
                intent-safety-heldout-13
