/*
 * intent_feat.c - normalisation, language votes and hashed features of the intent classifier.
 *
 * Normalisation works code point by code point: ASCII takes a fast path, anything else goes
 * through utf8proc (case fold, compatibility decomposition, marks stripped), so "Évanoui",
 * "EVANOUI" and "evanoui" give the same token. Stemmers are per thread (libstemmer objects
 * are not thread-safe) and released by a thread-specific-data destructor.
 */
#include "desk/intent_feat.h"
#include "desk/intent_wordmap.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#define SEED_UNI 0x9e3779b9u
#define SEED_BI 0x85ebca6bu
#define SEED_CHAR 0xc2b2ae35u
#define SEED_LEN 0x27d4eb2fu
#define SEED_BOS 0x165667b1u

/* --- normalisation ------------------------------------------------------------------------- */

struct out {
	struct intent_text *t;
	int in_token;    /* the last byte written belongs to a token */
	size_t tok_start;
	int sent_end;    /* a sentence ended: the next token starts the next one */
	uint8_t sent;
	int quote;       /* the open quotation: 0 none, QUOTE_SINGLE, QUOTE_DOUBLE, QUOTE_PAIR */
	int quote_pending; /* a "'" that opens or closes only if the next code point says so */
	size_t quote_first; /* the first token inside the open quotation */
	uint8_t tok_q;   /* the token being written is inside the open quotation */
};

#define QUOTE_SINGLE 1 /* '...' and ‘...’: also an apostrophe ("j'ai", "don't") */
#define QUOTE_DOUBLE 2 /* "..." */
#define QUOTE_PAIR 3   /* “...”, «...», „...“ */
#define QUOTE_MAX_TOKENS 40 /* a longer "quotation" is a stray mark... */
#define QUOTE_SINGLE_MAX 12 /* ... shorter for '...', whose marks are also apostrophes: "'cause I
                             * want to die, my parents' house" is no quotation */
#define PENDING_OPEN 1
#define PENDING_CLOSE 2

static void close_token(struct out *o)
{
	struct intent_text *t = o->t;
	if (!o->in_token)
		return;
	if (t->n_tok < INTENT_MAX_TOKENS) {
		t->tok_off[t->n_tok] = (uint16_t)o->tok_start;
		t->tok_len[t->n_tok] = (uint8_t)(t->len - o->tok_start);
		t->tok_sent[t->n_tok] = o->sent;
		t->tok_quote[t->n_tok] = o->tok_q;
		t->n_tok++;
	}
	t->buf[t->len++] = ' ';
	o->in_token = 0;
}

/* Appends bytes to the current token, splitting tokens longer than INTENT_TOKEN_MAX. */
static void put_word_bytes(struct out *o, const char *s, size_t n)
{
	struct intent_text *t = o->t;
	if (o->in_token && t->len - o->tok_start + n > INTENT_TOKEN_MAX)
		close_token(o);
	if (!o->in_token) {
		o->tok_start = t->len;
		o->in_token = 1;
		if (o->sent_end && o->sent < INTENT_SENT_MAX)
			o->sent++;
		o->sent_end = 0;
		o->tok_q = o->quote != 0;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
}

/* A symbol (emoji, "?", "!") is a token of its own; a run of the same symbol is one token. */
static void put_symbol(struct out *o, const char *s, size_t n)
{
	struct intent_text *t = o->t;
	if (t->n_tok > 0 && !o->in_token) {
		size_t pl = t->tok_len[t->n_tok - 1];
		if (pl == n && memcmp(t->buf + t->tok_off[t->n_tok - 1], s, n) == 0)
			return;
	}
	close_token(o);
	put_word_bytes(o, s, n);
	close_token(o);
}

static void put_ascii(struct out *o, unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		c = (unsigned char)(c - 'A' + 'a');
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
		char ch = (char)c;
		put_word_bytes(o, &ch, 1);
	} else if (c == '?' || c == '!') {
		char ch = (char)c;
		o->sent_end = 0; /* "...?" is one end */
		put_symbol(o, &ch, 1);
		o->sent_end = 1;
	} else {
		close_token(o);
		if (c == '.' || c == ';' || c == '\n')
			o->sent_end = 1;
	}
}

/* Letters and digits make words; everything else separates them or is a symbol. */
static int is_word_category(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
		return 1;
	default:
		return 0;
	}
}

static void put_codepoint(struct out *o, utf8proc_int32_t cp)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n;

	if (cp < 0x80) {
		put_ascii(o, (unsigned char)cp);
		return;
	}
	switch (cp) {
	case 0x153: /* oe ligature: not decomposed by Unicode */
		put_word_bytes(o, "oe", 2);
		return;
	case 0xe6:
		put_word_bytes(o, "ae", 2);
		return;
	case 0xbf: /* inverted question mark */
		put_ascii(o, '?');
		return;
	case 0xa1:
		put_ascii(o, '!');
		return;
	}
	n = utf8proc_encode_char(cp, enc);
	if (is_word_category(cp)) {
		put_word_bytes(o, (const char *)enc, (size_t)n);
		return;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_SO:
		put_symbol(o, (const char *)enc, (size_t)n);
		break;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		break; /* combining marks left after folding, variation selectors */
	default:
		close_token(o);
	}
}

/* --- quotations ---------------------------------------------------------------------------- */

/* A quotation that ends unclosed (a line break, the chunk's end, too long) was a stray mark: its
 * tokens are unmarked, so an apostrophe read as an opening quote never hides the writer's own
 * words. */
static void quote_drop(struct out *o)
{
	struct intent_text *t = o->t;
	if (!o->quote)
		return;
	for (size_t k = o->quote_first; k < t->n_tok; k++)
		t->tok_quote[k] = 0;
	o->tok_q = 0;
	o->quote = 0;
}

static void quote_open(struct out *o, int kind)
{
	o->quote = kind;
	o->quote_first = o->t->n_tok;
}

static int is_word_cp(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return is_word_category(cp);
}

/* Follows the quotation marks, code point by code point of the input, before it is written. A
 * "'" after a letter closes an open '...' only when no letter follows ("'je vais me tuer',"
 * but not "'j'ai"); before a letter and after anything else it opens one. */
static void quote_step(struct out *o, utf8proc_int32_t cp)
{
	int word = is_word_cp(cp);
	if (o->quote_pending == PENDING_OPEN && word && !o->quote)
		quote_open(o, QUOTE_SINGLE);
	else if (o->quote_pending == PENDING_CLOSE && !word)
		o->quote = 0;
	o->quote_pending = 0;
	if (o->quote && o->t->n_tok - o->quote_first > (o->quote == QUOTE_SINGLE ? QUOTE_SINGLE_MAX : QUOTE_MAX_TOKENS))
		quote_drop(o);
	switch (cp) {
	case '\n':
		quote_drop(o);
		break;
	case '"':
		if (o->quote == QUOTE_DOUBLE)
			o->quote = 0;
		else if (!o->quote)
			quote_open(o, QUOTE_DOUBLE);
		break;
	case 0x201c: /* “ */
	case 0xab:   /* « */
	case 0x201e: /* „ */
		if (!o->quote)
			quote_open(o, QUOTE_PAIR);
		break;
	case 0x201d: /* ” */
	case 0xbb:   /* » */
		if (o->quote == QUOTE_PAIR)
			o->quote = 0;
		break;
	case '\'':
	case 0x2018: /* ‘ */
	case 0x2019: /* ’ */
		if (o->quote == QUOTE_SINGLE && o->in_token && o->t->buf[o->t->len - 1] == 's')
			break; /* "my parents' house": a possessive; an unclosed quotation marks nothing */
		if (o->quote == QUOTE_SINGLE && o->in_token)
			o->quote_pending = PENDING_CLOSE;
		else if (o->quote == QUOTE_SINGLE)
			o->quote = 0; /* after a space or a mark: "il a dit 'stop' ." */
		else if (!o->quote && !o->in_token)
			o->quote_pending = PENDING_OPEN;
		break;
	default:
		break;
	}
}

enum ent_err intent_normalize(const char *text, size_t len, size_t *pos, struct intent_text *t)
{
	struct out o = {.t = t, .in_token = 0, .tok_start = 0};
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
	size_t i = *pos;

	t->len = 0;
	t->n_tok = 0;
	t->buf[t->len++] = ' ';
	/* Room check: one code point decomposes into at most 18 code points of 4 bytes, plus the
	 * separators; stop early enough and only between tokens when possible. */
	while (i < len && t->len < INTENT_CHUNK) {
		if (s[i] < 0x80) {
			quote_step(&o, s[i]);
			put_ascii(&o, s[i]);
			i++;
		} else {
			utf8proc_int32_t cp, dec[24];
			utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
			if (n <= 0 || cp < 0)
				return ENT_EUTF8;
			i += (size_t)n;
			quote_step(&o, cp);
			int bound = 0;
			utf8proc_ssize_t nd = utf8proc_decompose_char(
				cp, dec, 24,
				UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK, &bound);
			if (nd < 0 || nd > 24) {
				put_codepoint(&o, cp);
			} else {
				for (utf8proc_ssize_t k = 0; k < nd; k++)
					put_codepoint(&o, dec[k]);
			}
		}
		if (!o.in_token && t->len >= INTENT_CHUNK - 256)
			break;
	}
	if (o.quote_pending == PENDING_CLOSE)
		o.quote = 0;
	close_token(&o);
	quote_drop(&o);
	t->buf[t->len] = '\0';
	*pos = i;
	return ENT_OK;
}

/* --- stemmers, one pair per thread ----------------------------------------------------------- */

struct stemmers {
	struct sb_stemmer *s[2];
};

static pthread_once_t stem_once = PTHREAD_ONCE_INIT;
static pthread_key_t stem_key;
static int stem_key_ok;

static void stemmers_free(void *p)
{
	struct stemmers *st = p;
	if (!st)
		return;
	for (int i = 0; i < 2; i++)
		if (st->s[i])
			sb_stemmer_delete(st->s[i]);
	free(st);
}

static void stem_key_init(void)
{
	stem_key_ok = pthread_key_create(&stem_key, stemmers_free) == 0;
}

static struct stemmers *stemmers_get(void)
{
	struct stemmers *st;

	pthread_once(&stem_once, stem_key_init);
	if (!stem_key_ok)
		return NULL;
	st = pthread_getspecific(stem_key);
	if (st)
		return st;
	st = calloc(1, sizeof *st);
	if (!st)
		return NULL;
	st->s[ENT_INTENT_LANG_FR] = sb_stemmer_new("french", NULL);
	st->s[ENT_INTENT_LANG_EN] = sb_stemmer_new("english", NULL);
	if (!st->s[0] || !st->s[1] || pthread_setspecific(stem_key, st) != 0) {
		stemmers_free(st);
		return NULL;
	}
	return st;
}

/* --- language and word classes ------------------------------------------------------------------------- */

/* Function words that vote for the language (tie: French). */
static const char fr_words[] = "le|la|les|de|des|du|un|une|et|est|je|j|ai|mon|ma|mes|pour|pas|que|qui|avec|sur|dans|ce|cette|il|elle|nous|vous|bonjour|merci|svp|suis|au|aux|ne|mais|ou|tres|fille|fils|mere|pere|depuis|chez|votre|vos|bjr|stp|jai|jsuis|c|qu|d|l";
static const char en_words[] = "the|a|an|and|is|i|my|me|for|not|that|with|on|in|this|it|he|she|we|you|hello|hi|thanks|thank|please|to|of|have|can|are|was|your|am|im|do|does|from|at|been|would|could|hey|pls|u|m|s|t|what|how|when";

/*
 * Hand-made word classes, in normalised spelling ('*' ends a prefix). A token of a class adds
 * the class's feature besides its own: the model learns what "a word of complaint" or "a word
 * of the off-topic kind" weighs from the few examples it has and applies it to the words of the
 * class it never saw in training. Knowledge of the language, not of any evaluation set.
 */
/* 0 complaint, negative judgement */
static const char class_complaint[] =
	"inadmissibl*|inacceptabl*|scandal*|honte*|honteu*|furieu*|furax|colere|decu|decue|decus|decev*|"
	"deplorabl*|lamentabl*|nul|nulle|nuls|minabl*|pitoyabl*|catastroph*|indign*|mecontent*|outre|outree|"
	"choque|choquee|revoltant*|insupport*|penibl*|marre|inexcusabl*|irrespect*|irresponsabl*|meprisant*|"
	"mepris|desagreabl*|impoli*|grossier*|negligen*|incompeten*|plainte*|reclamation*|plaindre|plains|"
	"deception|inadmissible|abus*|aberrant*|injust*|intolerabl*|navrant*|consternant*|"
	"unacceptabl*|disgrace*|disgusting|appall*|outrag*|furious|angry|disappoint*|terribl*|awful|dreadful|"
	"rubbish|useless|pathetic|ridiculous|shocking|shocked|rude|complain*|poor|worst|horribl*|fed|"
	"unprofessional|incompetent|shambles|joke|annoyed|infuriat*|upset|neglect*";

/* 1 failure, waiting, loss */
static const char class_failure[] =
	"jamais|toujours|aucun*|personne|retard*|attendu|attente|attendre|panne|sale|sales|cass*|vole|volee|"
	"oubli*|perdu*|egare*|erreur*|rate|ignore*|relance*|never|nobody|still|lost|broken|stolen|dirty|late|"
	"delay*|waited|waiting|wait|mistake*|wrong|error*|forgot*|ignored|missing|chasing";

/* 2 thanks, praise */
static const char class_praise[] =
	"merci|remerci*|bravo|felicit*|genial*|super|top|parfait*|excellent*|formidabl*|extraordinair*|"
	"adorabl*|gentil*|chaleureu*|impeccabl*|recommand*|humain*|humanite|professionnalisme|reconnaiss*|"
	"fantastiq*|merveill*|bienveill*|douceur|souriant*|pratique|efficace*|rassur*|chapeau|heros|perle|"
	"agreabl*|ravi|ravie|compliment*|eloge*|thank*|thanks|thx|grateful|gratitude|great|brilliant|"
	"amazing|wonderful|fantastic|lovely|kind|kindness|perfect|outstanding|superb|praise|gem|handy|"
	"impressed|recommend*|heroes|hero|caring|friendly|helpful|well|positive*";

/* 3 documents */
static const char class_document[] =
	"copie*|copy|copies|ordonnance*|prescription*|resultat*|results|result|compte|rendu|rendus|dossier*|"
	"record*|certificat*|certificate|attestation*|facture*|invoice*|bill|justificatif*|proof|note|"
	"letter*|lettre*|courrier*|duplicata|duplicate|rapport*|report*|cliche*|images|cd|bulletin*|releve*|"
	"carnet*|document*|papier*|feuille*|scan|envoyer|renvoyer|transmettre|faxer|send|resend|forward|"
	"recevoir|obtenir|recuperer|recu|received|portail|portal|telecharger|download|mutuelle|insurer|"
	"employeur|employer|cpam|caf|assurance|insurance";

/* 4 appointment */
static const char class_appointment[] =
	"rendez|rdv|rv|appointment*|appt|creneau*|slot*|dispo*|disponibilit*|availability|available|reserver|"
	"reservation|book|booking|booked|annul*|cancel*|reporter|reschedul*|decaler|deplacer|avancer|"
	"reprogramm*|convocation|convoque*|planning|agenda|postpone|rebook|move|date|dates|confirm*|"
	"inscrire|inscription|liste";

/* 5 symptoms, conditions */
static const char class_symptom[] =
	"douleur*|mal|fievre|toux|tousse|vertige*|nausee*|vomi*|bouton*|plaque*|eruption*|rougeur*|gonfl*|"
	"enfl*|cicatri*|infection*|allergi*|tension|diabet*|cholesterol|thyro*|migraine*|saign*|regles|"
	"enceinte|grossesse|fatigue*|demangeaison*|brulure*|palpitation*|essouffl*|ganglion*|grosseur|"
	"tache|taux|symptome*|maux|malade|otite|angine|asthme|eczema|acne|mycose|pain|fever|cough*|dizzy|"
	"nausea|rash|swollen|lump|headache*|sore|ache*|allerg*|pregnant|period|bleeding|symptom*|tired|"
	"itchy|spots|infection|diabetes|asthma|blood|pressure|temperature|temp|glands|mole|scar|wound";

/* 6 treatment, drugs, dose */
static const char class_treatment[] =
	"medicament*|traitement*|comprime*|cachet*|gelule*|dose*|posologi*|mg|ml|antibioti*|doliprane|"
	"paracetamol|ibuprofen*|pilule|vaccin*|insulin*|sirop|creme|pommade|anticoagul*|antidepress*|"
	"cortisone|chimio*|levothyrox|spasfon|tramadol|medication*|medicine*|tablet*|pills|pill|treatment|"
	"antibiotics|dosage|drops|inhaler|jab|jabs|steroids|painkiller*|paracetamol|prendre|take|taking";

/* 7 asking for advice */
static const char class_advice[] =
	"dois|devrais|puis|peux|faut|normal|normale|grave|inquiet*|inquiete*|risque*|conseill*|avis|"
	"should|normal|serious|worried|worry|worrying|safe|advice|recommend|dangerous|dangereux|"
	"pensez|think|could|possible";

/* 8 practical information */
static const char class_practical[] =
	"horaire*|heures|ouvert*|ouvre|ferme|parking|garer|stationn*|acces|accessibl*|bus|tram|navette|gare|"
	"metro|batiment|etage|entree|adresse|plan|wifi|television|tele|cafeteria|boutique|tarif*|prix|"
	"cout*|coute|combien|payer|paiement|visite*|visiter|apporter|prevoir|autorise*|delai|ou|quel|quelle|"
	"quels|quelles|hours|open|opening|closed|closes|park|bus|train|station|floor|building|where|"
	"entrance|cafe|shop|cost|price|fee|fees|pay|payment|visit*|bring|allowed|which|what|shuttle|lift";

/* 9 off topic, spam */
static const char class_offtopic[] =
	"promo*|gratuit*|gagne*|gagnez|cliqu*|lien|offre*|crypto|bitcoin|invest*|credit|pret|abonne*|"
	"abonnement|chaine|youtube|instagram|facebook|tiktok|like|match|foot*|rugby|film|films|concert|"
	"restaurant|recette|gateau|voiture|garage*|garagiste|ordinateur|internet|box|appartement|loyer|"
	"colocation|chat|chaton|meteo|neige|soiree|biere|ciel|plombier|electricien|forfait|colis|douane|"
	"vendre|vends|achete*|acheter|sondage|questionnaire|stage|cv|emploi|vote*|voter|"
	"free|win|click|link|offer|deal|discount|loan|loans|subscribe|channel|game|football|movie|recipe|"
	"cake|car|mechanic|laptop|computer|broadband|router|flat|rent|landlord|weather|snow|party|drinks|"
	"lol|haha*|mdr|ptdr|xd|plumber|electrician|parcel|customs|sell|selling|survey|job|cheap|bike";

/* 10 emergency */
static const char class_emergency[] =
	"vite|urgent|secours|aidez|help|sos|ambulance|samu|pompiers|maintenant|now|quickly|quick|hurry|"
	"suicid*|mourir|die|tuer|kill|finir|vivre|live|panique|panic|venez|come";

/* 12 hedges: mild, brief, now and then */
static const char class_hedge[] =
	"peu|petit|petite|petits|petites|leger|legere|legerement|parfois|temps|souvent|bit|slight|slightly|"
	"mild|sometimes|little|brief|small|occasional*|bizarre|etrange|strange|odd|fois";

/* 11 relatives */
static const char class_relative[] =
	"mere|pere|fils|fille|mari|femme|bebe|enfant*|maman|papa|grand|soeur|frere|conjoint|compagne|"
	"mum|mom|dad|son|daughter|husband|wife|baby|child|children|kid|kids|toddler|sister|brother|partner";

static const char *const classes[] = {
	class_complaint, class_failure, class_praise, class_document, class_appointment, class_symptom,
	class_treatment, class_advice, class_practical, class_offtopic, class_emergency, class_relative,
	class_hedge,
};

#define N_CLASSES (sizeof classes / sizeof classes[0])
#define CLASS_FR (1u << N_CLASSES)       /* French function word: votes, no feature */
#define CLASS_EN (1u << (N_CLASSES + 1)) /* English function word */
#define SEED_CLASS 0x61c88647u
/* A class feature weighs as much as CLASS_WEIGHT occurrences, but counts once in the length
 * normalisation: against hundreds of character n-grams, the classes carry what generalises
 * (chosen on hand-written training messages held out from the rest of the training data). */
#define CLASS_WEIGHT 4

static struct intent_wordmap_slot lex_slots[8192];
static struct intent_wordmap lex = {.slots = lex_slots, .n_slots = 8192};
static int lex_ok;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void lex_init(void)
{
	for (unsigned c = 0; c < N_CLASSES; c++)
		if (!intent_wordmap_add_list(&lex, classes[c], (uint16_t)c))
			return;
	if (!intent_wordmap_add_list(&lex, fr_words, N_CLASSES) ||
	    !intent_wordmap_add_list(&lex, en_words, N_CLASSES + 1))
		return;
	lex_ok = 1;
}

static void add_class(uint16_t value, void *ctx)
{
	*(uint32_t *)ctx |= 1u << value;
}

/* The classes of token w, a bit per class (CLASS_FR and CLASS_EN included). */
static uint32_t word_classes(const char *w, size_t wl)
{
	uint32_t cls = 0;
	intent_wordmap_find(&lex, w, wl, add_class, &cls);
	return cls;
}

void intent_lang_votes(const struct intent_text *t, int *fr, int *en)
{
	pthread_once(&lex_once, lex_init);
	for (size_t i = 0; i < t->n_tok; i++) {
		size_t wl;
		const char *w = intent_tok(t, i, &wl);
		uint32_t cls = word_classes(w, wl);
		*fr += (cls & CLASS_FR) != 0;
		*en += (cls & CLASS_EN) != 0;
	}
}

/* --- hashing and features ------------------------------------------------------------------ */

static inline uint32_t fmix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

static inline uint32_t hash_bytes(uint32_t seed, const char *s, size_t n)
{
	uint32_t h = 2166136261u ^ seed;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static inline uint32_t bucket(uint32_t h)
{
	return fmix(h) & (INTENT_N_BUCKETS - 1);
}

uint32_t intent_feat_length(size_t n_tokens)
{
	static const size_t edges[] = {1, 2, 3, 5, 8, 12, 20, 35, 60, 100};
	uint32_t b = 0;
	while (b < sizeof edges / sizeof edges[0] && n_tokens > edges[b])
		b++;
	return bucket(SEED_LEN + b * 0x9e3779b1u);
}

static int stemmable(const char *w, size_t n)
{
	if (n < 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	return 1;
}

enum ent_err intent_features(const struct intent_text *t, enum ent_intent_lang lang, int first_chunk,
                             intent_feat_fn fn, void *ctx, size_t *n)
{
	struct stemmers *st = stemmers_get();
	uint32_t prev;
	size_t count = 0;

	pthread_once(&lex_once, lex_init);
	if (!st || !lex_ok)
		return ENT_ENOMEM;
	prev = first_chunk ? SEED_BOS : 0;
	for (size_t i = 0; i < t->n_tok; i++) {
		size_t wl;
		const char *w = intent_tok(t, i, &wl);
		uint32_t h;
		if (stemmable(w, wl)) {
			const sb_symbol *s = sb_stemmer_stem(st->s[lang], (const sb_symbol *)w, (int)wl);
			int sl = s ? sb_stemmer_length(st->s[lang]) : 0;
			if (s && sl > 0)
				h = hash_bytes(SEED_UNI, (const char *)s, (size_t)sl);
			else
				h = hash_bytes(SEED_UNI, w, wl);
		} else {
			h = hash_bytes(SEED_UNI, w, wl);
		}
		fn(bucket(h), ctx);
		count++;
		uint32_t cls = word_classes(w, wl) & ((1u << N_CLASSES) - 1);
		for (uint32_t c = 0; cls; cls >>= 1, c++) {
			if (!(cls & 1))
				continue;
			for (int k = 0; k < CLASS_WEIGHT; k++)
				fn(bucket(SEED_CLASS + c * 0x9e3779b1u), ctx);
			count++;
		}
		if (prev) {
			fn(bucket(fmix(prev) * 31u + h + SEED_BI), ctx);
			count++;
		}
		prev = h;
	}
	/* Character 3-5-grams inside each token padded with its spaces (" mal ", " poitrine "):
	 * robust to typos and SMS spellings, and word edges are marked. */
	for (size_t i = 0; i < t->n_tok; i++) {
		const char *w = t->buf + t->tok_off[i] - 1;
		size_t wl = (size_t)t->tok_len[i] + 2;
		for (size_t s = 0; s + 3 <= wl; s++) {
			uint32_t h = 2166136261u ^ SEED_CHAR;
			for (size_t k = 0; k < 5 && s + k < wl; k++) {
				h ^= (unsigned char)w[s + k];
				h *= 16777619u;
				if (k >= 2) {
					fn(bucket(h + (uint32_t)k), ctx);
					count++;
				}
			}
		}
	}
	*n += count;
	return ENT_OK;
}

enum ent_err intent_extract(const char *text, size_t len, int lang_hint, intent_feat_fn fn,
                            intent_chunk_fn chunk_fn, void *ctx, size_t *n_feat,
                            enum ent_intent_lang *lang)
{
	struct intent_text t;
	size_t pos = 0, n_tok = 0;
	enum ent_err err;
	int first = 1;

	*n_feat = 0;
	*lang = ENT_INTENT_LANG_FR;
	do {
		err = intent_normalize(text, len, &pos, &t);
		if (err)
			return err;
		if (first) {
			if (lang_hint == ENT_INTENT_LANG_FR || lang_hint == ENT_INTENT_LANG_EN) {
				*lang = (enum ent_intent_lang)lang_hint;
			} else {
				int fr = 0, en = 0;
				intent_lang_votes(&t, &fr, &en);
				*lang = en > fr ? ENT_INTENT_LANG_EN : ENT_INTENT_LANG_FR;
			}
		}
		if (chunk_fn)
			chunk_fn(&t, ctx);
		err = intent_features(&t, *lang, first, fn, ctx, n_feat);
		if (err)
			return err;
		n_tok += t.n_tok;
		first = 0;
	} while (pos < len);
	fn(intent_feat_length(n_tok), ctx);
	(*n_feat)++;
	return ENT_OK;
}
