#!/bin/sh
# tests/privacy/run.sh BIN OUTDIR - `make check-privacy-text`: runs `entraide redact` on our own
# annotated texts and scores them with our own scorer (tests/privacy/score.py). The held-out
# sets decide: heldout-5.jsonl to heldout-10.jsonl (each with its .md), each with a floor. The
# tuning sets are reported too (tuning-2.jsonl to tuning-7.jsonl: texts written blind by a
# helper for issue 19, see their first lines; tuning-5 to tuning-7 with a floor); tuning-8.jsonl (tuning-8.md) and
# tuning-9.jsonl (tuning-9.md), the first two held-out sets, retired into tuning material in
# the twentieth session, and tuning-10.jsonl (tuning-10.md), the third, retired in the
# twenty-first, keep their floors as regression floors (tuning-8 the dev-set evaluation's
# bars); numwords.jsonl (ages and dates in words, numwords.txt) with a floor.
set -u
bin=$1
out=$2
here=$(dirname "$0")
mkdir -p "$out"
bars="--min direct_recall=0.97 --min direct_precision=0.90 --min quasi_recall=0.90 --min direct_doc_full=0.90"
status=0
# tuning-5 is held to a floor a notch below what the rules reach on it (it was scored blind first)
floor5="--min direct_recall=0.955 --min direct_precision=0.99"
floor6="--min direct_recall=0.945 --min direct_precision=0.985"
floor7="--min direct_recall=0.93 --min direct_precision=0.985"
# tuning-8 (the first held-out set until the twentieth session, tuning-8.md) keeps the bars of
# the dev-set evaluation ($bars) as its floor.
# tuning-9 (held-out set 2 until the twentieth session, written blind by W19 in the fifteenth,
# tuning-9.md): its first score, blind, on main's engine (3d05481): direct recall 0.9933,
# precision 0.9900, quasi recall 0.9760, direct_doc_full 0.9831; the floor holds that (the
# issue's bar: direct recall >= 0.99)
floort9="--min direct_recall=0.99 --min direct_precision=0.989 --min quasi_recall=0.975 --min direct_doc_full=0.983"
# tuning-10 (held-out set 3 until the twenty-first session, written blind by H19 in the
# seventeenth, a writer new to the project who read only the product rules and the annotation
# conventions, tuning-10.md): its first score,
# blind, on main's engine (28a40c8): direct recall 0.9415, precision 0.9966, quasi recall 0.8340,
# direct_doc_full 0.8889 (ages written in words, AGE 0.36 by bytes): far below the first two
# held-out sets (now tuning-8 and tuning-9), which had been scored many times while rules were
# chosen. The floor holds that (and stays as a regression floor).
floort10="--min direct_recall=0.941 --min direct_precision=0.996 --min quasi_recall=0.886 --min direct_doc_full=0.888"
# tuning-11 (held-out set 4 until the twenty-second session, written blind by H19-4 in the
# eighteenth, another writer new to the project under the same rules, tuning-11.md; retired after
# four sessions of aggregate scores while rules were chosen): its first score, blind, on main's engine
# (7228799): direct recall 0.9633, precision 0.9905, quasi recall 0.8529, direct_doc_full
# 0.9098 (AGE 0.48 by bytes again, DATE 0.88); its last, on main ae95d23: 0.9633 / 0.9905 / 0.9373 /
# 0.9098. Twenty-second session (T19), rules drawn from the classes of its misses: direct recall
# 0.9928, precision 0.9907, quasi recall 0.9373, direct_doc_full 0.9672; after R19's probes (T19c)
# an auxiliary is a name only when the text names the person so elsewhere ('my mum may has
# vascular dementia' is missed again, as 'my dad may has dementia' must stay a verb): 0.9913 /
# 0.9907 / 0.9373 / 0.9590. The floor holds that.
floort11="--min direct_recall=0.991 --min direct_precision=0.990 --min quasi_recall=0.937 --min direct_doc_full=0.959"
# Nineteenth session: ages and dates in words (priv_when.c, T19) raised quasi recall on held-out
# 3 (now tuning-10; 0.834 -> 0.887), 4 (0.853 -> 0.937) and 5 (0.899 -> 0.947), every other
# figure the same; their quasi-recall floors hold that.
# held-out set 5 (nineteenth session, written blind by H19-5, new to the project, under the same
# rules, heldout-5.md): its first score, blind, on main's engine (08f94e9): direct recall 0.9712,
# precision 0.9920, quasi recall 0.8990, direct_doc_full 0.9265 (AGE 0.57 by bytes). The floor
# holds that. Twenty-third session (T19: vocatives, greetings, nicknames, lowercase signers,
# word-names after a relative): 0.9746 / 0.9920 / 0.9545 / 0.9338 (aggregates only).
floorh5="--min direct_recall=0.974 --min direct_precision=0.991 --min quasi_recall=0.954 --min direct_doc_full=0.933"
# held-out set 6 (twentieth session, written blind by W19-6, new to the project, under the same
# rules, heldout-6.md): its first score, blind, on main's engine (b80752f): direct recall 0.9798,
# precision 0.9718, quasi recall 0.9074, direct_doc_full 0.9407 (LOCATION 0.91, AGE 0.82 by
# bytes); 0.9816 with the same session's rules. The floor holds that.
floorh6="--min direct_recall=0.981 --min direct_precision=0.971 --min quasi_recall=0.909 --min direct_doc_full=0.940"
# held-out set 7 (twenty-first session, written blind by W19-7, new to the project, under the same
# rules, heldout-7.md): its first score, blind, on main's engine (18cc62a): direct recall 0.9844,
# precision 0.9608, quasi recall 0.9100, direct_doc_full 0.9521; the same with the session's
# rules. The floor holds that.
floorh7="--min direct_recall=0.984 --min direct_precision=0.960 --min quasi_recall=0.920 --min direct_doc_full=0.952"
# held-out set 8 (twenty-second session, written blind by W19-8, new to the project, under the
# same rules, heldout-8.md): its first score, blind, on main's engine (ae95d23): direct recall
# 0.9840, precision 0.9873, quasi recall 0.9457, direct_doc_full 0.9714; with the same session's
# rules (T19, T19b after their reviews) 0.9942 / 0.9874 / 0.9474 / 0.9786. The floor holds that.
# The same rules raised quasi recall on held-out 5 (0.9545), 6 (0.9096) and 7 (0.9203, precision
# 0.9608 -> 0.9605): their quasi-recall floors rose with it. Twenty-third session (T19's names
# where no capital says so): 0.9978 / 0.9875 / 0.9474 / 0.9857 (aggregates only).
floorh8="--min direct_recall=0.997 --min direct_precision=0.987 --min quasi_recall=0.947 --min direct_doc_full=0.985"
# held-out set 9 (twenty-third session, written blind by W19-9, new to the project, under the
# same rules, heldout-9.md): its first score, blind, on main's engine (2465901, with the session's
# rules; fd99b76 gave the same): direct recall 0.9788, precision 0.9979, quasi recall 0.9493,
# direct_doc_full 0.9586. The floor holds that.
floorh9="--min direct_recall=0.978 --min direct_precision=0.997 --min quasi_recall=0.949 --min direct_doc_full=0.958"
# held-out set 10 (twenty-fourth session, written blind by W19-10h, new to the project, under the
# same rules, heldout-10.md: 200 texts, 522 spans, 2.6 a text): its first score, blind, on main's
# engine (96f7632): direct recall 1.0000, precision 0.9898, quasi recall 0.9338, direct_doc_full
# 1.0000. The floor holds that.
floorh10="--min direct_recall=0.999 --min direct_precision=0.989 --min quasi_recall=0.933 --min direct_doc_full=0.999"
# tuning-12 (twenty-second session, written blind by W19t, new to the project, on the registers
# the issue names: text-message spelling, no capitals, lists, signatures, names that are words,
# labels glued to codes; tuning-12.md): scored once as it came, on main (ae95d23): direct recall
# 0.9443, precision 0.9837, quasi recall 0.8947, direct_doc_full 0.8849. Tuning material, held
# to what the rules reach on it: after the twenty-second session's rules for identifiers, contacts,
# places and ages (T19b), 0.9711 / 0.9841 / 0.9609 / 0.9137 (its misses left are names); with
# T19's names on main (138b4aa) 0.9789 / 0.9842; with T19e's signer before a mail client's line
# or with a trade in brackets and the birthday wish 0.9842 / 0.9843 / 0.9609 / 0.9424; with the
# lowercase nickname before a bare age ("im kev, 23,") 0.9855 / 0.9843 / 0.9609 / 0.9496; with the
# twenty-third session's names where no capital says so (T19) 0.9890 / 0.9843 / 0.9609 / 0.9640;
# with the twenty-fourth session's towns and hospitals in lowercase quasi recall 0.9692.
floort12="--min direct_recall=0.988 --min direct_precision=0.984 --min quasi_recall=0.969 --min direct_doc_full=0.963"
# tuning-13 (twenty-third session, written blind by W19-13, new to the project: vocatives,
# nicknames, lowercase and capitals, word- and town-names, hospitals without a head noun,
# signatures, lists, odd phones and e-mails; tuning-13.md): scored once as it came, on main
# (fd99b76) and on T19's first rules (4244b96) the same, direct recall 0.8922, precision 0.9835,
# quasi recall 0.8373, direct_doc_full 0.7403. Tuning material since, held to what the rules
# reach on it: T19's names 0.9625 / 0.9847 / 0.8373 / 0.9351; with five hospitals on the hand
# list 0.9625 / 0.9847 / 0.8567 / 0.9351; with the word-names thanked or asked for 0.9677 /
# 0.9848 / 0.8567 / 0.9481; with the twenty-fourth session's towns and hospitals in lowercase and
# labels glued to codes (T19) 0.9755 / 0.9848 / 0.8900 / 0.9545; with a lowercase list read back to
# its head 0.9786 / 0.9849.
floort13="--min direct_recall=0.978 --min direct_precision=0.984 --min quasi_recall=0.889 --min direct_doc_full=0.954"
# tuning-14 (twenty-fourth session, written blind by W19-14, new to the project, on the weak spots
# the issue names: hospitals without a head noun, names that are words, towns as first names and
# first names as towns, labels glued to codes, lists, no capitals; tuning-14.md): scored once as
# it came, on main (96f7632, b60bbc1 the same engine): direct recall 0.9840, precision 0.9815,
# quasi recall 0.9297, direct_doc_full 0.9412. Every third line kept out of the tuning until
# measured (T19). Tuning material since, held to what the rules reach on it: with the twenty-fourth
# session's rules 0.9944 / 0.9814 / 0.9510 / 0.9779.
floort14="--min direct_recall=0.994 --min direct_precision=0.981 --min quasi_recall=0.950 --min direct_doc_full=0.977"
# numwords: ages and dates written in words and their hard negatives (durations, doses, counts,
# thresholds, times), written with the rules of priv_when.c (nineteenth session, T19): tuning
# material, held to what the rules reach on it
floornw="--min AGE_recall=0.99 --min DATE_recall=0.99 --min quasi_precision=0.99"
for set in tuning tuning-2 tuning-3 tuning-4 tuning-5 tuning-6 tuning-7 tuning-8 tuning-9 tuning-10 tuning-11 tuning-12 tuning-13 tuning-14 numwords heldout-5 heldout-6 heldout-7 heldout-8 heldout-9 heldout-10; do
	gold="$here/$set.jsonl"
	"$bin" redact --jsonl --policy report <"$gold" >"$out/own-$set.pred.jsonl" || status=1
	echo "--- own $set set"
	case $set in
	heldout-5) floor=$floorh5 ;;
	heldout-6) floor=$floorh6 ;;
	heldout-7) floor=$floorh7 ;;
	heldout-8) floor=$floorh8 ;;
	heldout-9) floor=$floorh9 ;;
	heldout-10) floor=$floorh10 ;;
	tuning-5) floor=$floor5 ;;
	tuning-6) floor=$floor6 ;;
	tuning-7) floor=$floor7 ;;
	tuning-8) floor=$bars ;;
	tuning-9) floor=$floort9 ;;
	tuning-10) floor=$floort10 ;;
	tuning-11) floor=$floort11 ;;
	tuning-12) floor=$floort12 ;;
	tuning-13) floor=$floort13 ;;
	tuning-14) floor=$floort14 ;;
	numwords) floor=$floornw ;;
	*) floor= ;;
	esac
	if [ -n "$floor" ]; then
		# shellcheck disable=SC2086
		python3 "$here/score.py" "$gold" "$out/own-$set.pred.jsonl" $floor || status=1
	else
		python3 "$here/score.py" "$gold" "$out/own-$set.pred.jsonl"
	fi
done
# golden redactions: exact output of mask and pseudonymise on a few texts
"$bin" redact --jsonl --policy mask <"$here/golden.in.jsonl" >"$out/golden.mask.jsonl" || status=1
if ! cmp -s "$out/golden.mask.jsonl" "$here/golden.mask.jsonl"; then
	echo "golden mask output differs:"
	diff "$here/golden.mask.jsonl" "$out/golden.mask.jsonl" | head -20
	status=1
fi
# the command line's fast path (src/cli/redact_jsonl.c) and its general path (jansson) must
# write the same bytes: odd lines (escapes, surrogates, ids of every type, duplicate keys,
# bad JSON, bad bytes), their output as the general path alone wrote it
"$bin" redact --jsonl <"$here/jsonl_edge.in.jsonl" >"$out/jsonl_edge.mask.jsonl" || status=1
if ! cmp -s "$out/jsonl_edge.mask.jsonl" "$here/jsonl_edge.mask.jsonl"; then
	echo "jsonl edge-case output differs:"
	diff "$here/jsonl_edge.mask.jsonl" "$out/jsonl_edge.mask.jsonl" | head -20
	status=1
fi
exit $status
