/*
 * intent_rules.c - the matcher of the intent classifier's pattern tables (intent_patterns.c).
 *
 * A pattern is a sequence of slots separated by spaces. A slot lists alternatives separated by
 * '|'; an alternative ending in '*' matches any token that starts with it. "~N" before a slot
 * lets up to N other tokens stand between it and the previous slot. Tokens are those of the
 * normalised text: "j'ai du mal à respirer" reads "j ai du mal a respirer", "can't" reads
 * "can t". The tables are parsed once (pthread_once) into read-only arrays.
 *
 * Flags of urgent patterns: NEG - a negation among the three tokens before the match cancels it
 * ("pas de douleur thoracique"); WEAK - a past or administrative context in the message cancels
 * it unless the message also says it is happening now ("compte rendu de mon AVC de 2019").
 * Suicidal intent, "ne respire plus", heavy bleeding and swallowed pills always win.
 */
#include "desk/intent_rules.h"
#include "desk/intent_wordmap.h"

#include <pthread.h>
#include <string.h>

#include "desk/intent_patterns.h"
#include "desk/intent_peer_rule.h"

#define MAX_SLOTS 8
#define MAX_ALTS 8192

struct alt {
	const char *s;
	uint8_t len;
	uint8_t is_prefix;
};

struct slot {
	uint16_t first, n; /* alternatives alts[first, first + n) */
	uint8_t gap;       /* tokens allowed between the previous slot and this one */
};

struct pattern {
	struct slot slots[MAX_SLOTS];
	uint8_t n_slots;
};

/* The count rule: "j'ai pris 20 doliprane", "took 16 ibuprofen", "avale une trentaine de cachets".
 * A number of at least COUNT_MIN (COUNT_MIN_HEAVY for sedatives, opioids and insulin) just before
 * a medicine, after a verb of taking in the few tokens before it. */
#define COUNT_MIN 10
#define COUNT_MIN_HEAVY 5
#define COUNT_VERB_WINDOW 8
static const char count_heavy[] =
	"xanax|lexomil|temesta|valium|stilnox|zolpidem|tramadol|codein*|codamol|cocodamol|codoliprane|"
	"ixprim|lamaline|izalgi|sleeping|somnif*|anxiolyt*|oxycodone|oxycontin|morphin*|seresta|lysanxia|"
	"imovane|zopiclone|diazepam|lorazepam|alprazolam|benzo*|insulin*|lithium|lyrica|laroxyl|fentanyl|"
	"methadone|subutex";
static const char count_verbs[] =
	"pris|pri|prit|prise|prises|avale*|gobe*|bu|took|taken|swallowed|ate|eaten|mange*|drank|had|"
	"popped|overdosed|od|oded|necked|downed";
static const char count_skip[] = "de|d|of|x|mes|my|his|her|ses|sa|son|the|les|des|du";
static struct pattern count_pat[4]; /* drugs, heavy, verbs, skip: one slot each */

static struct alt alts[MAX_ALTS];
static size_t n_alts;
static struct pattern patterns[INTENT_PATTERNS_MAX];
/* The words that can start each pattern (value: pattern index), and the negations. */
static struct intent_wordmap_slot first_slots[8192], neg_slots[64];
static struct intent_wordmap first = {.slots = first_slots, .n_slots = 8192};
static struct intent_wordmap negations = {.slots = neg_slots, .n_slots = 64};
static int parse_ok;
static pthread_once_t parse_once = PTHREAD_ONCE_INIT;

static int parse_pattern(const char *s, struct pattern *p)
{
	unsigned gap = 0;
	p->n_slots = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (*s == '~') {
			gap = 0;
			for (s++; *s >= '0' && *s <= '9'; s++)
				gap = gap * 10 + (unsigned)(*s - '0');
			continue;
		}
		if (p->n_slots == MAX_SLOTS)
			return 0;
		struct slot *sl = &p->slots[p->n_slots++];
		sl->first = (uint16_t)n_alts;
		sl->n = 0;
		sl->gap = (uint8_t)gap;
		gap = 0;
		while (*s && *s != ' ') {
			const char *e = s;
			while (*e && *e != ' ' && *e != '|')
				e++;
			if (n_alts == MAX_ALTS || e == s)
				return 0;
			struct alt *a = &alts[n_alts++];
			a->s = s;
			a->is_prefix = e[-1] == '*';
			a->len = (uint8_t)(e - s - a->is_prefix);
			sl->n++;
			s = *e == '|' ? e + 1 : e;
		}
	}
	return p->n_slots > 0;
}

static void parse_all(void)
{
	for (size_t i = 0; i < intent_patterns_n; i++)
		if (!parse_pattern(intent_patterns[i].text, &patterns[i]) ||
		    !intent_wordmap_add_list(&first, intent_patterns[i].text, (uint16_t)i))
			return;
	const char *count_src[4] = {intent_patterns_drugs, count_heavy, count_verbs, count_skip};
	for (size_t i = 0; i < 4; i++)
		if (!parse_pattern(count_src[i], &count_pat[i]) || count_pat[i].n_slots != 1)
			return;
	if (!intent_wordmap_add_list(&negations, "pas|aucun|aucune|sans|no|not|never|jamais|ni|without|non|nor|t|none", 0))
		return;
	parse_ok = 1;
}

static int slot_matches(const struct slot *sl, const char *w, size_t wl)
{
	for (size_t i = sl->first; i < (size_t)sl->first + sl->n; i++) {
		const struct alt *a = &alts[i];
		if (a->s[0] != w[0])
			continue;
		if (a->is_prefix ? wl >= a->len && memcmp(a->s, w, a->len) == 0
		                 : wl == a->len && memcmp(a->s, w, wl) == 0)
			return 1;
	}
	return 0;
}

/* True when token ti ends its sentence: the last token, one before a new sentence, or one before
 * a closing "!" (END). */
static int ends_sentence(const struct intent_text *t, size_t ti)
{
	size_t wl;
	if (ti + 1 >= t->n_tok || t->tok_sent[ti + 1] != t->tok_sent[ti])
		return 1;
	const char *w = intent_tok(t, ti + 1, &wl);
	return wl == 1 && w[0] == '!' && (ti + 2 >= t->n_tok || t->tok_sent[ti + 2] != t->tok_sent[ti]);
}

/* True when pattern p matches with slot si at token ti (and the following slots after it); *end
 * is the token of the last slot. With end_sent the match must end its sentence. */
static int match_from(const struct pattern *p, size_t si, const struct intent_text *t, size_t ti, int end_sent,
                      size_t *end)
{
	size_t wl;
	const char *w = intent_tok(t, ti, &wl);
	if (!slot_matches(&p->slots[si], w, wl))
		return 0;
	if (si + 1 == p->n_slots) {
		*end = ti;
		return !end_sent || ends_sentence(t, ti);
	}
	size_t gap = p->slots[si + 1].gap;
	for (size_t tj = ti + 1; tj < t->n_tok && tj <= ti + 1 + gap; tj++)
		if (match_from(p, si + 1, t, tj, end_sent, end))
			return 1;
	return 0;
}

static void set_flag(uint16_t value, void *ctx)
{
	(void)value;
	*(int *)ctx = 1;
}

static int negated_before(const struct intent_text *t, size_t ti)
{
	int neg = 0;
	for (size_t k = ti >= 3 ? ti - 3 : 0; k < ti && !neg; k++) {
		size_t wl;
		const char *w = intent_tok(t, k, &wl);
		intent_wordmap_find(&negations, w, wl, set_flag, &neg);
	}
	return neg;
}

/* True when a negation stands from token from up to token to, or (before) among the three tokens
 * before from: "il ne va pas bien maintenant" is no word of being well. */
static int negated_within(const struct intent_text *t, size_t from, size_t to, int before)
{
	int neg = before && negated_before(t, from);
	for (size_t k = from; k <= to && k < t->n_tok && !neg; k++) {
		size_t wl;
		const char *w = intent_tok(t, k, &wl);
		intent_wordmap_find(&negations, w, wl, set_flag, &neg);
	}
	return neg;
}

static int word_in(const char *const *list, size_t n, const char *w, size_t wl)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == wl && memcmp(list[i], w, wl) == 0)
			return 1;
	return 0;
}

#define FIRED_WORDS ((INTENT_PATTERNS_MAX + 63) / 64)

struct scan {
	const struct intent_text *t;
	size_t ti;
	int negated;
	uint64_t fired[FIRED_WORDS];
	/* The sentences (bit = tok_sent) holding a cue of danger, a calm context, a cue of now. */
	uint64_t cue, calm, now;
	/* ... a farewell and an everyday departure (a farewell counts as a cue only in a sentence
	 * without the second or with a cue of now), a bare "now" and a word of being well (the bare
	 * "now" counts only in a sentence without the second: "tout va bien maintenant"). */
	uint64_t farewell, depart, now_bare, well;
	/* ... and affairs put in order (K_ORDER): anywhere in the message, no departure takes back a
	 * farewell. */
	uint64_t order;
	/* Whose words the patterns of suicidal intent that fired are (speaker_of). */
	int own, third, reported;
	/* The sentences holding the writer's own wish to die, and those with a context of time, a
	 * hypothetical, "it's over", a joke or reassurance (what can calm the writer's own words). */
	uint64_t own_sent, tcalm;
	/* Laughing markers (LAUGH, calm unless a REVEAL) and the sentences of a goodbye to the group
	 * (BYE), with whose words they are and the first such pattern. */
	uint64_t laugh, bye_sent, bye_own_sent;
	/* Sentences with a cue of suicide or overdose other than a wish (a K_URGENT pattern of those
	 * rules, not a goodbye: means at hand, an act): what must stand beside a goodbye, with the
	 * writer's own wish, for it to be forced, and in a laughing marker's sentence for a joke
	 * taken back to count. */
	uint64_t self_danger;
	uint64_t bye_tok; /* the tokens (of the first 64) a goodbye's words cover */
	uint64_t peer_sent; /* a peer's alarm (intent_peer_rule.h): its sentences, its cues' rules, an errand */
	unsigned peer_cue, peer_veto, peer_strong;
	int reveal, bye_pi, bye_own, bye_third, bye_reported;
};

/* A pattern of suicidal intent ("je veux mourir", "kill myself", "lettre d'adieu"), not its
 * topic ("suicide", "idées noires") nor a weak or hypothetical cue. */
static int is_intent(const struct pattern_src *src)
{
	return src->kind == K_URGENT && src->rule == ENT_INTENT_RULE_SUICIDE && !(src->flags & (TOPIC | WEAK | HYPO));
}

enum speaker { SPK_OWN, SPK_THIRD, SPK_REPORTED };

/* Whose words a cue at token ti is: the nearest subject among the few tokens before it (before
 * the quotation it stands in, if any) in its sentence - the writer's ("je", "I"), someone
 * else's ("elle", "he", "une patiente", "the heroine", "mon fils"). "You" or "tu" just before it
 * is the reader's ("feeling like you want to disappear is scary"; not "thank you, I want to
 * die"). Outside a quotation nothing found is the writer's: a missed crisis costs more than a
 * false alarm, so only a subject seen makes it someone else's. Inside one it is reported
 * ("'je vais me tuer', il a répété toute la nuit", "the receptionist said 'you're not going to
 * die'") unless a subject says whose ("I keep saying 'I want to die'", "my son just texted me
 * 'I'm going to kill myself'"). */
#define SPEAKER_WINDOW 6
#define COPULA_WINDOW 6
#define IN(list, w, wl) word_in(list, sizeof list / sizeof list[0], w, wl)

/* True when the "who" / "qui" at token k stands for the writer: a first-person copula a few
 * tokens before it with only the description between ("I'm a mum who wants to die", "je suis une
 * maman qui veut mourir", "I'm the kind of person who..."; the session's review), not a relative
 * or a friend met on the way ("I'm worried about my friend who...", "I know someone who..."). */
static int who_is_writer(const struct intent_text *t, size_t k)
{
	static const char *const copula_one[] = {"im", "jsuis", "chui", "chuis"};
	static const char *const copula[] = {"m", "am", "suis", "was", "etais"};
	static const char *const first_person[] = {"i", "je", "j"};
	static const char *const stop[] = {"about", "with", "for", "to", "avec", "pour", "know", "met", "have", "has",
	                                   "connais", "ai", "de", "worried", "inquiet", "inquiete", "and", "et"};
	for (size_t j = k; j-- > 0 && k - j <= COPULA_WINDOW && t->tok_sent[j] == t->tok_sent[k];) {
		size_t wl, pl = 0;
		const char *w = intent_tok(t, j, &wl);
		if (IN(copula_one, w, wl))
			return 1;
		if (IN(copula, w, wl)) {
			const char *pw = j >= 1 ? intent_tok(t, j - 1, &pl) : "";
			return j >= 1 && IN(first_person, pw, pl);
		}
		if (IN(stop, w, wl))
			return 0;
	}
	return 0;
}

static enum speaker speaker_of(const struct intent_text *t, size_t ti)
{
	static const char *const you_words[] = {"you", "u", "tu"};
	static const char *const object_words[] = {"thank", "thanks", "love", "miss", "of", "for", "to", "with", "and", "merci", "a"};
	static const char *const own_words[] = {"je", "j", "i", "im", "ive", "id", "moi", "jsuis", "jveux", "chui"};
	static const char *const other_words[] = {
		"il", "elle", "ils", "elles", "he", "she", "they", "patient", "patiente", "patients", "heroine", "heros",
		"hero", "character", "personnage", "who", "qui", "resident", "residente", "client", "cliente", "customer", "narrator",
		"narrateur", "fils", "fille", "mari", "femme", "epouse", "mere", "pere", "maman", "papa", "frere", "soeur",
		"ami", "amie", "copain", "copine", "son", "daughter", "husband", "wife", "mum", "mom", "mother", "dad",
		"father", "brother", "sister", "friend", "boyfriend", "girlfriend", "ex", "partner"};
	static const char *const who_words[] = {"who", "qui"};
	size_t wl;
	const char *w;
	size_t at = ti;
	int quoted = t->tok_quote[ti];
	while (quoted && at > 0 && t->tok_quote[at - 1])
		at--; /* the subject of a quotation stands before it */
	if (!quoted && at >= 1) {
		w = intent_tok(t, at - 1, &wl);
		if (IN(you_words, w, wl) && t->tok_sent[at - 1] == t->tok_sent[at]) {
			size_t pl = 0;
			const char *pw = at >= 2 ? intent_tok(t, at - 2, &pl) : "";
			if (!(at >= 2 && IN(object_words, pw, pl)))
				return SPK_REPORTED;
		}
	}
	for (size_t k = at; k-- > 0 && at - k <= SPEAKER_WINDOW && t->tok_sent[k] == t->tok_sent[at];) {
		w = intent_tok(t, k, &wl);
		if (IN(own_words, w, wl))
			return SPK_OWN;
		if (IN(who_words, w, wl) && who_is_writer(t, k))
			return SPK_OWN;
		if (IN(other_words, w, wl))
			return SPK_THIRD;
		if (IN(you_words, w, wl) && quoted)
			return SPK_REPORTED;
	}
	return quoted ? SPK_REPORTED : SPK_OWN;
}
#undef IN

/* The sentence mask a pattern of kind k marks when it fires, or NULL. */
static uint64_t *clause_mask(struct scan *s, enum kind k)
{
	switch (k) {
	case K_URGENT:
	case K_DANGER_WORD:
	case K_VULNERABLE:
		return &s->cue;
	case K_FAREWELL:
		return &s->farewell;
	case K_DEPART:
		return &s->depart;
	case K_ORDER:
		return &s->order;
	case K_PAST:
	case K_HYPO:
	case K_RECOVERED:
	case K_ADMIN:
	case K_CHRONIC:
	case K_FRAME:
	case K_REASSURE:
	case K_JOKE:
	case K_DENIED: /* "I'm not thinking of hurting myself, I just want..." (fifteenth session) */
		return &s->calm;
	case K_PRESENT:
	case K_WORSE:
		return &s->now;
	default:
		return NULL;
	}
}

#define WORD_IN(list, w, wl) word_in(list, sizeof list / sizeof list[0], w, wl)

/* Token i, in sentence sent: a time told right away after a bare "attempt" / "tentative" ("in the
 * summer", "en août", "last spring", "l'an dernier", "il y a un an", "2 years ago", "in 2019"). */
static int time_at(const struct intent_text *t, size_t i, unsigned sent)
{
	static const char *const alone[] = {"last", "dernier", "derniere", "ago", "yesterday", "hier"};
	static const char *const before[] = {"in", "en", "au", "during", "over", "this", "cet", "cette", "l",
	                                     "a", "an", "one", "un", "une"};
	static const char *const when[] = {
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "janvier", "fevrier", "mars", "avril", "mai", "juin",
		"juillet", "aout", "septembre", "octobre", "novembre", "decembre", "summer", "spring",
		"winter", "autumn", "fall", "ete", "printemps", "hiver", "automne", "year", "month", "week",
		"an", "annee", "mois", "semaine", "few", "couple", "the", "debut", "fin"};
	static const char *const spans[] = {"years", "months", "weeks", "days", "ans", "mois", "semaines",
	                                    "jours", "year", "month", "week", "an"};
	/* words of `when` that need a time after them */
	static const char *const leads[] = {"the", "few", "couple", "debut", "fin"};
	size_t wl;
	if (i >= t->n_tok || t->tok_sent[i] != sent)
		return 0;
	const char *w = intent_tok(t, i, &wl);
	if (WORD_IN(alone, w, wl))
		return 1;
	if (wl == 2 && memcmp(w, "il", 2) == 0 && i + 1 < t->n_tok && t->tok_sent[i + 1] == sent) {
		w = intent_tok(t, i + 1, &wl);
		return wl == 1 && w[0] == 'y'; /* "il y a" */
	}
	int digits = wl > 0;
	for (size_t k = 0; k < wl; k++)
		digits &= w[k] >= '0' && w[k] <= '9';
	int before_time = WORD_IN(before, w, wl);
	if (!digits && !before_time)
		return 0;
	if (i + 1 >= t->n_tok || t->tok_sent[i + 1] != sent)
		return 0;
	size_t nl;
	const char *n = intent_tok(t, i + 1, &nl);
	if (digits) /* "2 years ago", "3 mois" */
		return WORD_IN(spans, n, nl);
	if (nl == 4 && (memcmp(n, "19", 2) == 0 || memcmp(n, "20", 2) == 0) && n[2] >= '0' && n[2] <= '9' &&
	    n[3] >= '0' && n[3] <= '9')
		return 1; /* "in 2019" */
	if (!WORD_IN(when, n, nl))
		return 0;
	if (WORD_IN(leads, n, nl)) /* "in the summer", "a few months", "début juin" */
		return i + 2 < t->n_tok && t->tok_sent[i + 2] == sent &&
		       (n = intent_tok(t, i + 2, &nl)) != NULL && WORD_IN(when, n, nl) &&
		       !(nl == 3 && memcmp(n, "the", 3) == 0);
	return 1;
}

/* A bare noun "attempt" / "tentative" at ti (not "de suicide": attempt_is_suicidal) for a NOUN
 * pattern: it names a suicide attempt only opening its sentence or after "my", "failed", "first",
 * "last", "ma", "première" ("Failed attempt in the summer.", "Tentative ratée en août."), then,
 * past "failed" / "ratée", a time right away. A thesis, a marathon, the bac or the driving test
 * has its own word before or after it ("My thesis attempt got rejected", "Ma première tentative
 * au bac a raté", "Tentative ratée pour le permis"): the twentieth session's review. */
static int attempt_noun_dated(const struct intent_text *t, size_t ti)
{
	static const char *const openers[] = {"my", "failed", "first", "last", "ma", "premiere", "derniere"};
	static const char *const failed[] = {"failed", "ratee", "rate", "echouee", "manquee"};
	size_t wl;
	const char *w = intent_tok(t, ti, &wl);
	if (!((wl == 7 && memcmp(w, "attempt", 7) == 0) || (wl == 9 && memcmp(w, "tentative", 9) == 0)))
		return 1; /* "ts", "attempted", "overdosed", "oded" as before */
	unsigned sent = t->tok_sent[ti];
	if (ti >= 1 && t->tok_sent[ti - 1] == sent) {
		w = intent_tok(t, ti - 1, &wl);
		if (!WORD_IN(openers, w, wl))
			return 0;
	}
	size_t i = ti + 1;
	if (i < t->n_tok && t->tok_sent[i] == sent) {
		w = intent_tok(t, i, &wl);
		if (WORD_IN(failed, w, wl))
			i++;
	}
	return time_at(t, i, sent);
}

#undef WORD_IN

/* A LATE pattern starts on an attempt told in the past: "attempted" and "tentative" are also the
 * plain verb and noun ("I attempted to book online", "3 tentatives d'appel"), so one followed by
 * "to", "de", "pour" counts only before suicide or oneself ("tentative de suicide", "tentative de me
 * tuer", "attempted to kill myself"). */
static int attempt_is_suicidal(const struct intent_text *t, size_t ti, int noun)
{
	static const char *const linkers[] = {"to", "de", "d", "pour", "for", "at"};
	static const char *const selves[] = {"kill", "end", "take", "hang", "overdose"};
	static const char *const reflexive[] = {"me", "m", "se", "s"};
	/* after "me"/"se": a verb of self-harm, not any reflexive one ("une tentative pour me
	 * connecter": the second review) */
	static const char *const harm[] = {"tuer", "suicider", "pendre", "foutre", "supprimer", "jeter", "ouvrir",
	                                   "tailler", "taillader", "scarifier", "empoisonner", "noyer", "defenestrer"};
	/* "ts" is also text-speak for "tous" ("j'ai ts essayé"): a suicide attempt only after a
	 * determiner or a count ("une TS", "ma 2e TS", "deux TS") or opening its sentence */
	static const char *const ts_before[] = {"une", "un", "ma", "sa", "ta", "des", "la", "1", "2", "3", "deux",
	                                        "trois", "premiere", "derniere", "2e", "2eme", "fait", "faite"};
	size_t wl;
	const char *w = intent_tok(t, ti, &wl);
	if (wl == 2 && memcmp(w, "ts", 2) == 0) {
		size_t pl = 0;
		const char *pw = ti >= 1 ? intent_tok(t, ti - 1, &pl) : "";
		if (ti >= 1 && t->tok_sent[ti - 1] == t->tok_sent[ti] &&
		    !word_in(ts_before, sizeof ts_before / sizeof ts_before[0], pw, pl))
			return 0; /* (opening its sentence, "TS l'an dernier, ce soir je recommence", it counts) */
	}
	if (ti + 1 >= t->n_tok)
		return 1;
	/* "tenté" alone is also a tent or a temptation ("ça me tente"): an attempt only before "de me
	 * suicider", "de me tuer" (the twentieth session's review) */
	int tente = wl == 5 && memcmp(w, "tente", 5) == 0;
	w = intent_tok(t, ti + 1, &wl);
	if (!word_in(linkers, sizeof linkers / sizeof linkers[0], w, wl))
		return !tente && (!noun || attempt_noun_dated(t, ti));
	if (ti + 2 >= t->n_tok)
		return 0;
	w = intent_tok(t, ti + 2, &wl);
	if ((wl >= 6 && memcmp(w, "suicid", 6) == 0) || word_in(selves, sizeof selves / sizeof selves[0], w, wl))
		return 1;
	if (!word_in(reflexive, sizeof reflexive / sizeof reflexive[0], w, wl) || ti + 3 >= t->n_tok)
		return 0;
	w = intent_tok(t, ti + 3, &wl);
	return (wl >= 6 && memcmp(w, "suicid", 6) == 0) || word_in(harm, sizeof harm / sizeof harm[0], w, wl);
}

/* True when the word of danger at token ti names a medicine, a test or a department with the word
 * after it ("blood thinner", "blood test", "respiratory medicine": tuning set 19's "forgot my
 * blood thinner last night, do i double up tonight?") or "prise de sang" (a blood test). */
static int danger_compound(const struct intent_text *t, size_t ti)
{
	static const char *const after_blood[] = {"thinner", "thinners", "test", "tests", "donation", "donor", "bank"};
	static const char *const after_resp[] = {"medicine", "clinic", "department", "ward", "unit", "physio",
	                                         "physiotherapy", "team", "nurse", "service"};
	size_t wl, nl = 0;
	const char *w = intent_tok(t, ti, &wl);
	if (wl == 4 && memcmp(w, "sang", 4) == 0 && ti >= 2) {
		size_t a, b;
		const char *pw = intent_tok(t, ti - 1, &b), *ppw = intent_tok(t, ti - 2, &a);
		return a == 5 && memcmp(ppw, "prise", 5) == 0 && b == 2 && memcmp(pw, "de", 2) == 0;
	}
	if (ti + 1 >= t->n_tok || t->tok_sent[ti + 1] != t->tok_sent[ti])
		return 0;
	const char *nw = intent_tok(t, ti + 1, &nl);
	if (wl == 5 && memcmp(w, "blood", 5) == 0)
		return word_in(after_blood, sizeof after_blood / sizeof after_blood[0], nw, nl);
	if (wl == 11 && memcmp(w, "respiratory", 11) == 0)
		return word_in(after_resp, sizeof after_resp / sizeof after_resp[0], nw, nl);
	return 0;
}

/* True when the sentence of token end or the next one says death, insurance or finality: "en
 * finir avec mes dettes, ma femme touchera l'assurance", "en finir avec cette attente, de partir
 * pour de bon" (R12's probes, session 21) take no calm reading from their everyday thing. */
static int finir_final_cue(const struct intent_text *t, size_t end)
{
	static const char *const words[] = {
		"assurance", "assurances", "insurance", "deces", "mort", "morte", "mourir", "meurs", "mourrai", "crever",
		"partir", "pars", "partirai", "adieu", "adieux", "toujours", "definitivement", "dernier", "derniere",
		"testament", "lettre", "lettres", "heritage", "suicide", "tuer", "vie", "ciel"};
	static const char *const pairs[][2] = {{"de", "bon"}, {"avec", "tout"}, {"ce", "soir"}, {"cette", "nuit"},
	                                       {"cette", "fois"}, {"une", "fois"}};
	size_t sent = t->tok_sent[end];
	size_t prev_wl = 0;
	const char *prev = NULL;
	for (size_t i = 0; i < t->n_tok; i++) {
		if (t->tok_sent[i] != sent && t->tok_sent[i] != sent + 1)
			continue;
		size_t wl;
		const char *w = intent_tok(t, i, &wl);
		if (word_in(words, sizeof words / sizeof words[0], w, wl))
			return 1;
		for (size_t p = 0; prev && p < sizeof pairs / sizeof pairs[0]; p++)
			if (strlen(pairs[p][0]) == prev_wl && memcmp(pairs[p][0], prev, prev_wl) == 0 &&
			    strlen(pairs[p][1]) == wl && memcmp(pairs[p][1], w, wl) == 0)
				return 1;
		prev = w;
		prev_wl = wl;
	}
	return 0;
}

/* True when "en finir" ending at token end goes on with "avec" and a thing of everyday life
 * ("je veux en finir avec ce dossier", "en finir avec la clope"): no wish to die (FINIR). "en finir
 * avec la vie", "avec tout", "avec moi" are not on the list. */
static int finir_calm_object(const struct intent_text *t, size_t end)
{
	static const char *const dets[] = {"le", "la", "les", "l", "ce", "cet", "cette", "ces", "mon", "ma", "mes",
	                                   "son", "sa", "ses", "votre", "vos", "du", "des"};
	static const char *const things[] = {
		"dossier", "dossiers", "paperasse", "papiers", "demarche", "demarches", "procedure", "formulaire",
		"tabac", "cigarette", "cigarettes", "clope", "clopes", "credit", "mutuelle", "facture", "factures",
		"travaux", "cours", "examens", "partiels", "memoire", "these", "projet", "sucre", "rdv", "rendez",
		"administration", "banque"};
	size_t i = end + 1, wl;
	if (i >= t->n_tok || t->tok_sent[i] != t->tok_sent[end])
		return 0;
	const char *w = intent_tok(t, i, &wl);
	if (!(wl == 4 && memcmp(w, "avec", 4) == 0))
		return 0;
	for (i++; i < t->n_tok && i <= end + 4 && t->tok_sent[i] == t->tok_sent[end]; i++) {
		w = intent_tok(t, i, &wl);
		if (word_in(things, sizeof things / sizeof things[0], w, wl))
			return !finir_final_cue(t, end);
		if (!word_in(dets, sizeof dets / sizeof dets[0], w, wl))
			return 0;
	}
	return 0;
}

/* True when the message is a goodbye and nothing else ("signing off for good. it was nice knowing
 * you all x", set 21): every token a goodbye's word or a filler. A reason, a thanks, a word of now
 * or an emoji beside it is more than a goodbye (R12's probes: "graduated today!! nice knowing you
 * all", "merci pour tout, ravie de vous avoir connus"). */
static int bye_alone(const struct intent_text *t, uint64_t covered)
{
	static const char *const fillers[] = {"it", "was", "s", "its", "been", "has", "x", "xx", "xxx", "c",
	                                      "etait", "ete", "a", "ca", "bye", "goodbye", "adieu", "so", "and", "et"};
	if (t->n_tok == 0 || t->n_tok > 64)
		return 0;
	for (size_t k = 0; k < t->n_tok; k++) {
		size_t wl;
		const char *w = intent_tok(t, k, &wl);
		if (!((covered >> k) & 1) && !word_in(fillers, sizeof fillers / sizeof fillers[0], w, wl))
			return 0;
	}
	return 1;
}

/* A pattern may start at token s->ti: try it unless it already fired in this chunk. */
static void try_pattern(uint16_t pi, void *ctx)
{
	struct scan *s = ctx;
	const struct pattern_src *src = &intent_patterns[pi];
	uint64_t *mask = src->flags & (PLEA | REVEAL) ? NULL
	                 : src->flags & BARE  ? &s->now_bare
	                 : src->flags & LAUGH ? &s->laugh
	                                      : clause_mask(s, src->kind);
	uint64_t sent = 1ull << s->t->tok_sent[s->ti];
	/* A pattern that fired is tried again only in a sentence its kind has not marked yet; one of
	 * suicidal intent until it fired on the writer's own words. (A LATE pattern's sentence is
	 * known after the match: it is tried again until it fired on the writer's own words.) */
	int intent = is_intent(src);
	if (((s->fired[pi / 64] >> (pi % 64)) & 1) && (!mask || (*mask & sent)) && !(intent && !s->own) &&
	    !(src->flags & LATE))
		return;
	size_t end = s->ti;
	if (!match_from(&patterns[pi], 0, s->t, s->ti, (src->flags & END) != 0, &end))
		return;
	if ((src->flags & LATE) && !attempt_is_suicidal(s->t, s->ti, (src->flags & NOUN) != 0))
		return;
	if ((src->flags & FINIR) && finir_calm_object(s->t, end))
		return;
	if (src->kind == K_DANGER_WORD && danger_compound(s->t, s->ti))
		return;
	size_t at = src->flags & LATE ? end : s->ti;
	sent = 1ull << s->t->tok_sent[at];
	if (src->flags & (PEER | PEERCUE | PEERVETO)) { /* decided at the end of the chunk */
		s->peer_sent |= src->flags & PEER ? sent : 0;
		s->peer_cue |= src->flags & PEERCUE ? 1u << src->rule : 0;
		s->peer_strong |= (src->flags & PEERCUE) && src->rule == ENT_INTENT_RULE_SUICIDE && !(src->flags & WEAK);
		return (void)(s->peer_veto |= (src->flags & PEERVETO) != 0);
	}
	if (src->kind == K_URGENT && (((src->flags & NEG) && negated_before(s->t, at)) ||
	                              ((src->flags & NEGIN) && negated_within(s->t, at > 0 ? at - 1 : 0, end, 0)))) {
		s->negated = 1;
		return;
	}
	/* A goodbye to the group is decided at the end of the chunk, once every everyday departure
	 * is known ("It was nice knowing you all. I'm moving to Canada.": no crisis). */
	if (src->flags & BYE) {
		enum speaker who = speaker_of(s->t, at);
		if (!s->bye_sent)
			s->bye_pi = (int)pi;
		s->bye_sent |= sent;
		s->bye_own_sent |= who == SPK_OWN ? sent : 0;
		s->bye_own |= who == SPK_OWN;
		s->bye_third |= who == SPK_THIRD;
		s->bye_reported |= who == SPK_REPORTED;
		for (size_t k = s->ti; k <= end && k < 64; k++)
			s->bye_tok |= 1ull << k;
		return;
	}
	if (src->kind == K_URGENT && !intent &&
	    (src->rule == ENT_INTENT_RULE_SUICIDE || src->rule == ENT_INTENT_RULE_OVERDOSE))
		s->self_danger |= sent;
	/* a cue of the present negated ("je ne suis pas en train de faire un malaise") says nothing */
	if (src->kind == K_PRESENT && (src->flags & NEG) && negated_before(s->t, at))
		return;
	s->fired[pi / 64] |= 1ull << (pi % 64);
	if (mask)
		*mask |= sent;
	if ((src->kind == K_PAST && (src->flags & TIME)) || src->kind == K_HYPO ||
	    (src->kind == K_RECOVERED && !(src->flags & THANKS)) ||
	    src->kind == K_CHRONIC || src->kind == K_REASSURE || (src->kind == K_JOKE && !(src->flags & (LAUGH | REVEAL))) ||
	    src->kind == K_DENIED)
		s->tcalm |= sent;
	if (src->flags & REVEAL)
		s->reveal = 1;
	if ((src->flags & WELL) && !negated_within(s->t, at, end, 1))
		s->well |= sent;
	if (intent) {
		enum speaker who = speaker_of(s->t, at);
		if (who == SPK_OWN)
			s->own_sent |= sent;
		s->own |= who == SPK_OWN;
		s->third |= who == SPK_THIRD;
		s->reported |= who == SPK_REPORTED;
	}
}

/* The value of a count token: digits, or a number word; 0 when it is not one. */
static unsigned count_value(const char *w, size_t wl)
{
	static const struct {
		const char *w;
		unsigned v;
	} words[] = {
		{"cinq", 5},      {"six", 6},         {"sept", 7},       {"huit", 8},       {"neuf", 9},
		{"dix", 10},      {"onze", 11},       {"douze", 12},     {"quinze", 15},    {"vingt", 20},
		{"trente", 30},   {"quarante", 40},   {"cinquante", 50}, {"cent", 100},     {"dizaine", 10},
		{"dizaines", 20}, {"douzaine", 12},   {"vingtaine", 20}, {"trentaine", 30}, {"quinzaine", 15},
		{"five", 5},      {"seven", 7},       {"eight", 8},      {"nine", 9},       {"ten", 10},
		{"eleven", 11},   {"twelve", 12},     {"fifteen", 15},   {"twenty", 20},    {"thirty", 30},
		{"forty", 40},    {"fifty", 50},      {"hundred", 100},  {"dozen", 12},     {"dozens", 24},
	};
	if (wl && wl <= 4 && w[0] >= '0' && w[0] <= '9') {
		unsigned v = 0;
		for (size_t i = 0; i < wl; i++) {
			if (w[i] < '0' || w[i] > '9')
				return 0;
			v = v * 10 + (unsigned)(w[i] - '0');
		}
		return v;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i].w) == wl && memcmp(words[i].w, w, wl) == 0)
			return words[i].v;
	return 0;
}

static int tok_in(const struct intent_text *t, size_t i, int which)
{
	size_t wl;
	const char *w = intent_tok(t, i, &wl);
	return slot_matches(&count_pat[which].slots[0], w, wl);
}

/* True when token i is a count of tablets large enough to be an overdose, taken. */
static int count_taken(const struct intent_text *t, size_t i)
{
	size_t wl;
	const char *w = intent_tok(t, i, &wl);
	unsigned v = count_value(w, wl);
	if (v < COUNT_MIN_HEAVY || v > 5000)
		return 0;
	size_t j = i + 1;
	while (j < t->n_tok && j <= i + 3 && !tok_in(t, j, 0) && tok_in(t, j, 3))
		j++;
	if (j >= t->n_tok || !tok_in(t, j, 0))
		return 0;
	if (v < COUNT_MIN && !tok_in(t, j, 1))
		return 0;
	for (size_t k = i > COUNT_VERB_WINDOW ? i - COUNT_VERB_WINDOW : 0; k < i; k++)
		if (tok_in(t, k, 2))
			return 1;
	return 0;
}

void intent_rules_scan(const struct intent_text *t, struct intent_rule_hits *h)
{
	struct scan s = {.t = t};

	pthread_once(&parse_once, parse_all);
	if (!parse_ok)
		return;
	for (s.ti = 0; s.ti < t->n_tok; s.ti++) {
		size_t wl;
		const char *w = intent_tok(t, s.ti, &wl);
		intent_wordmap_find(&first, w, wl, try_pattern, &s);
	}
	h->has_negated |= s.negated;
	/* A laughing marker calms its sentence unless the joke was taken back ("(it's me. tonight.)")
	 * and that sentence holds a cue of danger other than the words of a wish: an overdose, a
	 * means or finality (K_FAREWELL: "I bought a rope"). R12's probes (session 22) found "its
	 * me." after a fall asleep in the MRI, "c est moi" after "se pendre avec son écharpe" and
	 * "not joking ... I will kill myself lol" about hold music made urgent. */
	uint64_t laugh_kept = s.reveal ? s.laugh & ~(s.self_danger | s.farewell) : s.laugh;
	s.reveal = s.reveal && laugh_kept != s.laugh;
	s.calm |= laugh_kept;
	s.tcalm |= laugh_kept;
	s.now |= s.now_bare & ~s.well;
	/* A goodbye to the group is suicidal intent, whose words it is as for the other patterns, when
	 * the message is that goodbye alone (bye_alone), or when a cue of suicide or overdose stands
	 * beside it, even calmed ("a cure for my chronic pain 🙂 the whole bottle of it. see you
	 * never"), and the message tells nothing else: every sentence a goodbye, a cue of danger, a
	 * farewell or a cue of now. Otherwise it is nothing, as before the rule: R12's
	 * probes (session 22) found 31 everyday goodbyes forced when a word of now ("graduated
	 * today!!") or a reason joined by commas ("new phone, lost all my apps, ...") was enough, and
	 * 21 of them still urgent by the score when the goodbye was kept as a farewell. An everyday
	 * departure anywhere (K_DEPART) takes it back whole. */
	uint64_t all = 0;
	for (size_t i = 0; i < t->n_tok; i++)
		all |= 1ull << t->tok_sent[i];
	if (s.bye_sent && !s.depart &&
	    (bye_alone(t, s.bye_tok) ||
	     ((s.self_danger | s.own_sent) && !(all & ~(s.bye_sent | s.cue | s.farewell | s.now))))) {
		s.fired[s.bye_pi / 64] |= 1ull << (s.bye_pi % 64);
		s.cue |= s.bye_sent;
		s.own_sent |= s.bye_own_sent;
		s.own |= s.bye_own;
		s.third |= s.bye_third;
		s.reported |= s.bye_reported;
	}
	int peer_ok = s.peer_sent && (!s.peer_veto || s.peer_strong) && !s.laugh; /* intent_peer_rule.h */
	enum ent_intent_rule peer = peer_ok ? intent_peer_rule(s.peer_cue, s.own || s.third, s.self_danger != 0) : 0;
	s.third |= peer == ENT_INTENT_RULE_SUICIDE, s.cue |= peer ? s.peer_sent : 0;
	h->has_vulnerable |= peer_ok && !peer && s.peer_cue, h->peer_alarm |= peer != ENT_INTENT_RULE_NONE;
	h->suicide_intent |= s.own;
	h->suicide_third |= s.third;
	h->suicide_reported |= s.reported;
	h->own_plain |= (s.own_sent & ~s.tcalm) != 0;
	uint64_t farewell = s.order ? s.farewell : s.farewell & ~(s.depart & ~s.now);
	s.cue |= farewell;
	h->has_farewell |= farewell != 0;
	for (size_t i = 0; i < t->n_tok; i++)
		if (count_taken(t, i)) {
			h->urgent_count = ENT_INTENT_RULE_OVERDOSE;
			s.cue |= 1ull << t->tok_sent[i];
		}
	if (s.cue) {
		h->clause_cue = 1;
		h->clause_now |= (s.cue & s.now) != 0;
		h->clause_plain |= (s.cue & ~s.calm & ~s.now) != 0;
	}
	/* In table order, so the first urgent rule of the table is the one reported. */
	for (size_t pi = 0; pi < intent_patterns_n; pi++) {
		const struct pattern_src *src = &intent_patterns[pi];
		if (!((s.fired[pi / 64] >> (pi % 64)) & 1))
			continue;
		switch (src->kind) {
		case K_URGENT:
			if (src->flags & HYPO) {
				if (h->urgent_hypo == ENT_INTENT_RULE_NONE)
					h->urgent_hypo = src->rule;
			} else if (src->flags & WEAK) {
				if (h->urgent_weak == ENT_INTENT_RULE_NONE)
					h->urgent_weak = src->rule;
			} else {
				if (h->urgent == ENT_INTENT_RULE_NONE)
					h->urgent = src->rule;
			}
			break;
		case K_PAST:
			h->has_past = 1;
			break;
		case K_HYPO:
			h->has_hypo = 1;
			break;
		case K_RECOVERED:
			h->has_recovered = 1;
			break;
		case K_CHRONIC:
			h->has_chronic = 1;
			h->has_past = 1;
			break;
		case K_WORSE:
			h->has_worse = 1;
			break;
		case K_WHICH:
			h->has_which = 1;
			break;
		case K_ADMIN:
			h->has_admin = 1;
			h->has_past = 1;
			break;
		case K_PRESENT:
			if (!(src->flags & BARE) || (s.now_bare & ~s.well))
				h->has_present = 1;
			break;
		case K_CONSULT:
			h->consult_cue = 1;
			break;
		case K_VETO:
			h->consult_veto = 1;
			break;
		case K_DANGER_WORD:
			h->has_danger_word = 1;
			break;
		case K_FRAME:
			h->has_frame = 1;
			h->has_past = 1;
			break;
		case K_FAREWELL: /* (has_farewell above, by sentence) */
		case K_DEPART:
		case K_ORDER:
			break;
		case K_REASSURE:
			h->has_reassure = 1;
			break;
		case K_JOKE:
			if (!(src->flags & REVEAL) && (!(src->flags & LAUGH) || !s.reveal))
				h->has_joke = 1;
			break;
		case K_VULNERABLE:
			h->has_vulnerable = 1;
			break;
		case K_DENIED:
			h->has_denied = 1;
			break;
		}
	}
	h->urgent = h->urgent == ENT_INTENT_RULE_NONE ? peer : h->urgent;
}

enum ent_intent_rule intent_rules_urgent(const struct intent_rule_hits *h)
{
	/* A strong rule yields only to a message that says it is over, thanks someone for what
	 * happened ("merci au SAMU quand il ne respirait plus") or asks for paperwork about it ("la
	 * facture de l'ambulance pour ses convulsions"), with nothing of the present;
	 * suicidal intent never does. */
	if (h->urgent != ENT_INTENT_RULE_NONE &&
	    (h->urgent == ENT_INTENT_RULE_SUICIDE || !(h->has_recovered || h->has_admin) || h->has_present))
		return h->urgent;
	if (h->urgent_count != ENT_INTENT_RULE_NONE && !h->has_recovered && (!h->has_hypo || h->has_present))
		return h->urgent_count;
	/* Long-standing symptoms are calm even "now" ("for a few weeks now"), unless worse. */
	int calm = h->has_recovered || h->has_hypo || (h->has_past && !h->has_present) ||
		   (h->has_chronic && !h->has_worse);
	if (h->urgent_weak != ENT_INTENT_RULE_NONE && !calm)
		return h->urgent_weak;
	if (h->urgent_hypo != ENT_INTENT_RULE_NONE && !calm && (!h->consult_cue || h->has_present))
		return h->urgent_hypo;
	return ENT_INTENT_RULE_NONE;
}
