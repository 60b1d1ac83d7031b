/*
 * priv_ids.c - identifiers: NIR (with its key, Corsica 2A/2B), IBAN (mod 97), RPPS and card
 * numbers (Luhn), NHS numbers (mod 11), US SSNs, licence plates, IP addresses and numbers
 * introduced by a label (IPP, dossier, séjour, MRN, passport...). Also runs the number pass:
 * it gathers digit groups ("06 12 34 56 78", "12/03/2021") and asks, longest grouping first,
 * which kind they are (identifier, phone, IP, date). Checksums keep lot numbers and prices.
 */
#include <string.h>

#include "privacy/text/priv_ids.h"

int priv_luhn_ok(const char *d, size_t n)
{
	if (n < 2)
		return 0;
	unsigned sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (d[n - 1 - i] < '0' || d[n - 1 - i] > '9')
			return 0;
		unsigned v = (unsigned)(d[n - 1 - i] - '0');
		if (i & 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return sum % 10 == 0;
}

int priv_nir_ok(const char *s, size_t n)
{
	if (n != 15)
		return 0;
	if (!strchr("1234785", s[0]))
		return 0;
	unsigned long long v = 0, corsica = 0;
	for (size_t i = 0; i < 13; i++) {
		char ch = s[i];
		if (i == 6 && s[5] == '2' && (ch == 'A' || ch == 'a' || ch == 'B' || ch == 'b')) {
			/* Corsica: 2A counts as 19, 2B as 18 (the 2 already added: adjust) */
			v = v / 10 * 10 + 1;
			v = v * 10 + ((ch == 'A' || ch == 'a') ? 9 : 8);
			corsica = (ch == 'A' || ch == 'a') ? 1000000ull : 2000000ull;
			continue;
		}
		if (ch < '0' || ch > '9')
			return 0;
		v = v * 10 + (unsigned)(ch - '0');
	}
	unsigned month = (unsigned)((s[3] - '0') * 10 + (s[4] - '0'));
	if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50))
		return 0;
	if (s[13] < '0' || s[13] > '9' || s[14] < '0' || s[14] > '9')
		return 0;
	unsigned key = (unsigned)((s[13] - '0') * 10 + (s[14] - '0'));
	/* Two conventions for Corsica are in use: 2A/2B read as 19/18, and the same minus
	 * 1,000,000 / 2,000,000 (INSEE's own); both keys are accepted. */
	return key == 97 - v % 97 || (corsica && key == 97 - (v - corsica) % 97);
}

int priv_iban_ok(const char *s, size_t n)
{
	if (n < 15 || n > 34)
		return 0;
	for (size_t i = 0; i < 2; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
			return 0;
	if (s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9')
		return 0;
	unsigned rem = 0;
	for (size_t k = 0; k < n; k++) {
		char ch = s[(k + 4) % n];
		unsigned v;
		if (ch >= '0' && ch <= '9')
			v = (unsigned)(ch - '0');
		else if (ch >= 'A' && ch <= 'Z')
			v = (unsigned)(ch - 'A' + 10);
		else if (ch >= 'a' && ch <= 'z')
			v = (unsigned)(ch - 'a' + 10);
		else
			return 0;
		rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
	}
	return rem == 1;
}

int priv_nhs_ok(const char *d, size_t n)
{
	if (n != 10)
		return 0;
	unsigned sum = 0;
	for (size_t i = 0; i < 10; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	for (size_t i = 0; i < 9; i++)
		sum += (unsigned)(d[i] - '0') * (unsigned)(10 - i);
	unsigned chk = 11 - sum % 11;
	if (chk == 11)
		chk = 0;
	if (chk == 10)
		return 0;
	return chk == (unsigned)(d[9] - '0') && memcmp(d, "0000000000", 10) != 0;
}

int priv_ssn_ok(const char *d, size_t n)
{
	if (n != 9)
		return 0;
	for (size_t i = 0; i < 9; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	if (memcmp(d, "000", 3) == 0 || memcmp(d, "666", 3) == 0 || d[0] == '9')
		return 0;
	if (memcmp(d + 3, "00", 2) == 0 || memcmp(d + 5, "0000", 4) == 0)
		return 0;
	return 1;
}

/* Is a label (IPP, dossier, MRN, NHS number...) written shortly before token i? Returns the
 * label's token index + 1, or 0 when there is none. */
static size_t labelled(const struct pctx *c, size_t i)
{
	int words = 0;
	for (size_t k = i; k-- > 0 && i - k <= 16;) {
		const struct ptok *t = &c->tk[k];
		if (t->f & TK_PUNCT) {
			/* a sentence end stops the search, the period of "M." or "Dr." does not */
			int abbrev = c->t[t->s] == '.' && k > 0 && tk_glued(c, k - 1) && tk_len(c, k - 1) <= 4 &&
				     ((c->tk[k - 1].lex & (LX_TITLE | LX_IDLABEL)) || tk_eq(c, k - 1, "n") ||
				      tk_eq(c, k - 1, "num") || tk_eq(c, k - 1, "nr"));
			if ((c->t[t->s] == '.' && !abbrev) || c->t[t->s] == '!' || c->t[t->s] == '?')
				return 0;
			continue;
		}
		if (t->f & TK_DIGIT)
			return 0;
		if (t->lex & LX_IDLABEL)
			return priv_weak_label_ok(c, k, i) ? k + 1 : 0;
		/* a person's name between the label and the number: "mutuelle de M. Leroux : 0045..." */
		/* ... and relatives or places: "dossier de ma mère est", "number at St Mary's is" */
		/* ... and the institution: "numéro de patient à l'hôpital est le" */
		if (!tk_lex2(c, k, LX2_IDFILL) && !(t->f & (TK_CAP | TK_CLAIMED)) && /* IDFILL: priv_words.txt */
		    !(t->lex & (LX_KIN | LX_HOSP | LX_HOSP_EN))) {
			/* "identifiant télésurveillance : TLS-004871", "numéro adhérent : ...": one
			 * word saying which, right after the label */
			if (k > 0 && (c->tk[k - 1].lex & LX_IDLABEL) && (c->tk[k - 1].f & TK_WORD) &&
			    (t->f & TK_SP) && (t->f & TK_LOWER) && !(t->f & TK_DIGIT) &&
			    !(t->lex & (LX_STOPFR | LX_STOPEN)) && (tk_ch(c, k + 1, ':') || k + 1 == i))
				return k;
			return 0;
		}
		/* a place or a name found already counts as one word: "dossier à l'hôpital Foch
		 * porte le n° FO-2231874" */
		if (!((t->f & TK_CLAIMED) && k > 0 && (c->tk[k - 1].f & TK_CLAIMED)) &&
		    !(t->lex & (LX_HOSP | LX_HOSP_EN)) && ++words > 7)
			return 0;
	}
	return 0;
}

/* Labels that name a record or registration number and never a phone line: a number they
 * introduce is an identifier even when it is shaped like a phone number ("CHI 0101501234"). */
static const char *const record_labels[] = {
	"ipp", "nip", "pid", "mrn", "nda", "iep", "nir", "nhs", "chi", "rpps", "adeli", "dossier", "sejour", "insee",
	"matricule", "nss", "mbi", "medicare", "hosp", "secu", "passeport", "passport", "adherent", "ins", "patient",
	"hospital", "member", "policy", "contrat", "police", "mutuelle", "insurance", "beneficiaire", "allocataire",
	"client", "record", "case", "unit", "identifiant", "gmc", "ppsn", "pps", "nmc", "ohip", "ramq",
	/* "n°SS185057512345678" (sécurité sociale), "ssn523814406", "NPI1234567893", "NHI...", "UHID..." */
	"ss", "ssn", "npi", "nhi", "uhid", NULL};

/* lab is labelled()'s answer: the label, or the word before a generic one ("patient
 * number", "numéro patient") names a record. */
static int record_label(const struct pctx *c, size_t lab)
{
	if (lab == 0)
		return 0;
	size_t k = lab - 1;
	if (tk_eq_any(c, k, record_labels))
		return 1;
	size_t p = tk_prev_word(c, k, 0), n = tk_next_word(c, k, 0);
	return (p != SIZE_MAX && tk_eq_any(c, p, record_labels)) ||
	       (n < c->n_tk && tk_eq_any(c, n, record_labels));
}

/* Labels of a phone line: "tel0612345678", "tél:", "mob07700900123". */
static const char *const phone_labels[] = {"tel", "tl", "telephone", "mob", "mobile", "port",
					   "portable", "gsm", "fax", "phone", "ph", "cell", NULL};

/* "MRN55102", "IPP40028817": a record label glued to its digits. Adds the digits as an ID;
 * "tel0612345678": a phone label glued to a phone number, the number as a CONTACT. */
static int try_glued_label(struct pctx *c, size_t i)
{
	/* the folded form: "tél" is "tel" there; the digits are ASCII, at the token's end */
	const char *s = c->tk[i].flen ? tk_fold(c, i) : c->t + c->tk[i].s;
	size_t n = c->tk[i].flen ? c->tk[i].flen : tk_len(c, i), a = 0;
	while (a < n && ((s[a] >= 'A' && s[a] <= 'Z') || (s[a] >= 'a' && s[a] <= 'z')))
		a++;
	/* "PPSN2716405L": one or two letters may close the number */
	size_t z = n;
	while (z > a && n - z < 2 && (s[z - 1] | 0x20) >= 'a' && (s[z - 1] | 0x20) <= 'z')
		z--;
	if (a < 2 || a > 8 || z - a < 5)
		return 0;
	for (size_t k = a; k < z; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	char low[9];
	for (size_t k = 0; k < a; k++)
		low[k] = (char)(s[k] | 0x20);
	low[a] = 0;
	for (size_t k = 0; record_labels[k]; k++)
		if (strcmp(low, record_labels[k]) == 0) {
			priv_add(c, c->tk[i].e - (n - a), c->tk[i].e, ENT_PRIV_ID, 0.8f, "labelled");
			return 1;
		}
	for (size_t k = 0; phone_labels[k] && z == n; k++)
		if (strcmp(low, phone_labels[k]) == 0) {
			struct pdigits g;
			memset(&g, 0, sizeof g);
			if (n - a >= sizeof g.d)
				return 0;
			memcpy(g.d, s + a, n - a);
			g.nd = n - a;
			g.glen[0] = (uint8_t)g.nd;
			g.ng = 1;
			const char *kind = priv_phone_kind(c, &g);
			if (!kind || strcmp(kind, "helpline") == 0)
				return 0;
			priv_add(c, c->tk[i].e - g.nd, c->tk[i].e, ENT_PRIV_CONTACT, 0.8f, kind);
			return 1;
		}
	return 0;
}

/* A letter prefix glued to a code by '-' or '/' belongs to it: "MGEN-123456", "PAT-0042".
 * Returns the byte where the code starts. */
static size_t code_start(const struct pctx *c, size_t i)
{
	size_t s = c->tk[i].s;
	while (i >= 2 && tk_glued(c, i - 1) && tk_glued(c, i - 2) &&
	       (tk_ch(c, i - 1, '-') || tk_ch(c, i - 1, '/')) && (c->tk[i - 2].f & TK_WORD) &&
	       ((c->tk[i - 2].f & (TK_ALLCAP | TK_DIGIT)) || (tk_len(c, i - 2) == 1 && (c->tk[i - 2].f & TK_CAP))) &&
	       (!(c->tk[i - 2].lex & LX_IDLABEL) || ((c->tk[i - 2].f & TK_ALLCAP) && tk_ch(c, i - 1, '-') && tk_len(c, i) >= 5)) &&
	       !(c->tk[i - 2].f & TK_CLAIMED) && tk_len(c, i - 2) <= 6) {
		i -= 2;
		s = c->tk[i].s;
	}
	/* "mutuelle MGEN 4457 1290", "hospital number: RTH 123456", "member ID is XKH 448-219-007":
	 * an uppercase code word between the label (and its colon or copula) and the digits */
	size_t lab = i >= 3 && (tk_ch(c, i - 2, ':') || tk_eq(c, i - 2, "is") || tk_eq(c, i - 2, "est")) ? i - 3 : i - 2;
	if (i >= 2 && tk_is(c, i - 1, TK_ALLCAP) && !tk_is(c, i - 1, TK_DIGIT) && tk_len(c, i - 1) <= 6 &&
	    (c->tk[i].f & TK_SP) && !(c->tk[i - 1].lex & (LX_IDLABEL | LX_NOTNAME | LX_REGION | LX_STOPFR | LX_STOPEN)) &&
	    !(c->tk[i - 1].f & TK_CLAIMED) && (c->tk[lab].lex & LX_IDLABEL))
		s = c->tk[i - 1].s;
	return s;
}

/* The same on the right: "88123-B", "4471-XA". Returns the byte where the code ends. */
static size_t code_end(const struct pctx *c, size_t j)
{
	while (j + 2 < c->n_tk && tk_glued(c, j) && tk_glued(c, j + 1) &&
	       (tk_ch(c, j + 1, '-') || tk_ch(c, j + 1, '/')) && (c->tk[j + 2].f & TK_WORD) &&
	       ((c->tk[j + 2].f & (TK_ALLCAP | TK_DIGIT)) || (tk_len(c, j + 2) == 1 && (c->tk[j + 2].f & TK_CAP))) &&
	       !(c->tk[j + 2].f & TK_CLAIMED) && tk_len(c, j + 2) <= 6)
		j += 2;
	return c->tk[j].e;
}

/* Collects digit groups from token i: "+33 6 12 34 56 78", "(415) 555-0132", "1 85 05 2A ...".
 * Fills g and the last token of each group in last[]. Returns the number of groups. */
static size_t collect(const struct pctx *c, size_t i, struct pdigits *g, size_t *last)
{
	memset(g, 0, sizeof *g);
	size_t k = i;
	g->s = c->tk[i].s;
	if (tk_ch(c, k, '+') && tk_glued(c, k) && tk_is(c, k + 1, TK_NUM)) {
		g->plus = 1;
		k++;
	} else if (tk_ch(c, k, '(') && tk_is(c, k + 1, TK_NUM) && tk_ch(c, k + 2, ')')) {
		g->paren = 1;
		k++;
	}
	char sep = 0;
	while (k < c->n_tk && g->ng < 20) {
		const struct ptok *t = &c->tk[k];
		size_t tl = t->e - t->s;
		int corsica = tl == 2 && g->nd >= 5 && g->nd <= 6 && c->t[t->s] == '2' &&
			      strchr("AaBb", c->t[t->s + 1]);
		if (!(t->f & TK_NUM) && !corsica)
			break;
		if (t->f & TK_CLAIMED)
			break;
		if (g->nd + tl > sizeof g->d - 1)
			break;
		memcpy(g->d + g->nd, c->t + t->s, tl);
		g->nd += tl;
		g->glen[g->ng] = (uint8_t)tl;
		g->sep[g->ng] = sep;
		last[g->ng] = k;
		g->ng++;
		/* what joins this group to the next one? */
		size_t nx = k + 1;
		if (tk_ch(c, nx, ')') && tk_glued(c, k))
			g->paren = 1, nx++;
		/* "(+33)7 81 22 90 14": glued to the bracket; "07 911 - 123 - 456": dashes between spaces */
		int glued7 = g->paren && g->plus && g->ng == 1 && tk_is(c, nx, TK_NUM) && tk_glued(c, nx - 1);
		if (glued7 || (tk_ch(c, nx, '-') && (c->tk[nx].f & (TK_SP | TK_NL)) == TK_SP && tk_is(c, nx + 1, TK_NUM) &&
			       (c->tk[nx + 1].f & (TK_SP | TK_NL)) == TK_SP && g->ng >= 2 &&
			       (g->sep[g->ng - 1] == '-' || (tk_ch(c, nx + 2, '-') && tk_is(c, nx + 3, TK_NUM))))) {
			sep = glued7 ? ' ' : '-';
			k = glued7 ? nx : nx + 1;
			continue;
		}
		if (tk_ch(c, nx, '(') && tk_eq(c, nx + 1, "0") && tk_ch(c, nx + 2, ')') &&
		    tk_is(c, nx + 3, TK_NUM)) {
			/* +33 (0)6 ...: the written but not dialled 0 is skipped */
			sep = ' ';
			k = nx + 3;
			continue;
		}
		if (nx < c->n_tk && (c->tk[nx].f & TK_PUNCT) && tk_glued(c, nx) && nx > k &&
		    c->tk[nx].s == c->tk[nx - 1].e && tk_len(c, nx) == 1 &&
		    strchr(".-/", c->t[c->tk[nx].s])) {
			sep = c->t[c->tk[nx].s];
			k = nx + 1;
			continue;
		}
		if (nx < c->n_tk && (c->tk[nx].f & TK_NUM) && (c->tk[nx].f & TK_SP) &&
		    c->tk[nx].s - c->tk[nx - 1].e <= 2 && !(c->tk[nx].f & TK_NL)) {
			sep = ' ';
			k = nx;
			continue;
		}
		/* "+1 (415) 555-0132", "+44 (20) 7946 0958": an area code in parentheses after
		 * the country code */
		if (g->plus && g->ng == 1 && tk_ch(c, nx, '(') && (c->tk[nx].f & TK_SP) &&
		    tk_is(c, nx + 1, TK_NUM) && tk_len(c, nx + 1) <= 4 && tk_ch(c, nx + 2, ')')) {
			sep = ' ';
			g->paren = 1;
			k = nx + 1;
			continue;
		}
		if (nx < c->n_tk && tk_len(c, nx) == 2 && (c->tk[nx].f & TK_SP) && g->nd >= 5 &&
		    g->nd <= 6 && c->t[c->tk[nx].s] == '2' && strchr("AaBb", c->t[c->tk[nx].s + 1])) {
			sep = ' ';
			k = nx;
			continue;
		}
		break;
	}
	return g->ng;
}

/* Restricts g to its first m groups. */
static void take(struct pdigits *g, size_t m)
{
	size_t nd = 0;
	for (size_t k = 0; k < m; k++)
		nd += g->glen[k];
	g->nd = nd;
	g->ng = m;
	g->d[nd] = 0;
}

static int all_digits(const char *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	return 1;
}

static int num_of(const char *d, size_t n)
{
	if (n > 9)
		return 1000000000; /* longer than any day, month, year or IP part */
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (d[i] - '0');
	return v;
}

static int same_seps(const struct pdigits *g, const char *set)
{
	for (size_t k = 1; k < g->ng; k++)
		if (!g->sep[k] || !strchr(set, g->sep[k]) || g->sep[k] != g->sep[1])
			return 0;
	return g->ng > 1;
}

/* Numeric dates: 12/03/2021, 12.03.21, 2021-03-12, 03/2021, and "le 09/07". */
static int numeric_date(const struct pctx *c, const struct pdigits *g, size_t first_tok)
{
	if (!same_seps(g, "/.-"))
		return 0;
	const char *d = g->d;
	if (g->ng == 3) {
		int a = num_of(d, g->glen[0]), b = num_of(d + g->glen[0], g->glen[1]);
		int y = num_of(d + g->glen[0] + g->glen[1], g->glen[2]);
		if (g->glen[0] == 4 && a >= 1900 && a <= 2099 && b >= 1 && b <= 12 && y >= 1 && y <= 31)
			return 1;
		if (g->glen[0] > 2 || g->glen[1] > 2 || (g->glen[2] != 2 && g->glen[2] != 4))
			return 0;
		if (a >= 1 && a <= 31 && b >= 1 && b <= 12)
			return 1;
		return a >= 1 && a <= 12 && b >= 1 && b <= 31; /* US order */
	}
	if (g->ng == 2 && g->sep[1] != '-') {
		int a = num_of(d, g->glen[0]), b = num_of(d + g->glen[0], g->glen[1]);
		if (g->glen[1] == 4)
			return g->glen[0] <= 2 && a >= 1 && a <= 12 && b >= 1900 && b <= 2099;
		if (g->glen[0] > 2 || g->glen[1] > 2 || a < 1 || a > 31 || b < 1 || b > 12)
			return 0;
		static const char *const before[] = {
			"le", "du", "au", "on", "depuis", "since", "from", "until", "jusqu", "rdv", "ne", "nee", "born",
			"opere", "operee", "dated", "date", "des", "by", "before", "avant", "apres", "after", "lundi",
			"mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday",
			"thursday", "friday", "saturday", "sunday", "dob", "ddn", "naissance", NULL};
		size_t p = tk_prev_word(c, first_tok, 1);
		if (p != SIZE_MAX && tk_eq_any(c, p, before))
			return 1;
		/* "09/07" with both parts on two digits and no unit after */
		size_t nx = tk_next_word(c, g->ti, 0);
		return g->glen[0] == 2 && g->glen[1] == 2 && g->sep[1] == '/' &&
		       !(nx < c->n_tk && (c->tk[nx].f & TK_ALPHA) && !(c->tk[nx].f & TK_SP));
	}
	return 0;
}

static int is_ip4(const struct pdigits *g)
{
	if (g->ng != 4 || !same_seps(g, "."))
		return 0;
	const char *d = g->d;
	for (size_t k = 0; k < 4; k++) {
		if (g->glen[k] > 3 || num_of(d, g->glen[k]) > 255)
			return 0;
		d += g->glen[k];
	}
	return 1;
}

/* Smallest group after the first: "1 1 1 1 ..." (a list) is no identifier layout. */
static size_t min_group(const struct pdigits *g)
{
	size_t m = 99;
	for (size_t k = 1; k < g->ng; k++)
		if (g->glen[k] < m)
			m = g->glen[k];
	return m;
}

/* A word of calling within the four words before token i ("call me at", "text", "phone"). */
static int call_word_before(const struct pctx *c, size_t i)
{
	static const char *const w[] = {"call", "calling", "phone", "tel", "text", "ring", "cell",
					"mobile", "reach", "dial", "appelle", "appeler", "appelez",
					"rappeler", "rappelez", NULL};
	size_t k = i;
	for (int n = 0; n < 4; n++) {
		k = tk_prev_word(c, k, 2);
		if (k == SIZE_MAX)
			return 0;
		if (tk_eq_any(c, k, w))
			return 1;
	}
	return 0;
}

/* EAN-13: digits weighted 1, 3, 1, 3... from the left; the check digit makes a multiple of 10. */
static int ean13_ok(const char *d)
{
	int sum = 0;
	for (int k = 0; k < 12; k++)
		sum += (d[k] - '0') * (k % 2 ? 3 : 1);
	return (10 - sum % 10) % 10 == d[12] - '0';
}

/* Belgian NISS: YYMMDD (month 1-12, or +20 / +40 for a number given before the date was known),
 * a serial of three digits, a key of two. */
static int niss_ok(const char *d)
{
	int month = (d[2] - '0') * 10 + (d[3] - '0');
	if (!((month >= 0 && month <= 12) || (month >= 20 && month <= 32) || (month >= 40 && month <= 52)))
		return 0;
	unsigned long long n = 0;
	for (int k = 0; k < 9; k++)
		n = n * 10 + (unsigned)(d[k] - '0');
	unsigned key = (unsigned)((d[9] - '0') * 10 + (d[10] - '0'));
	return 97 - n % 97 == key || 97 - (2000000000ull + n) % 97 == key;
}

/* Classifies g (cut to some groups): 1 when it added a span or found a helpline, 0 to try fewer. */
static int classify(struct pctx *c, struct pdigits *g, size_t first_tok)
{
	const char *d = g->d;
	size_t nd = g->nd;
	int digits = all_digits(d, nd);
	if (nd == 15 && min_group(g) >= 2 && priv_nir_ok(d, nd)) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.99f, "nir");
		return 1;
	}
	if (!digits) {
		/* a Corsican NIR whose key is wrong, after its label: still the person's number */
		if (nd == 15 && labelled(c, first_tok)) {
			priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.8f, "labelled");
			return 1;
		}
		return 0;
	}
	if (nd == 13 && (d[0] == '1' || d[0] == '2') && g->ng >= 4 && min_group(g) >= 2 &&
	    num_of(d + 3, 2) >= 1 && num_of(d + 3, 2) <= 12) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.7f, "nir_nokey");
		return 1;
	}
	if (nd == 11 && d[0] == '1' && d[1] == '0' && priv_luhn_ok(d, nd)) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.9f, "rpps");
		return 1;
	}
	/* Swiss AHV/AVS number 756.1234.5678.97: the EAN-13 check digit */
	if (nd == 13 && memcmp(d, "756", 3) == 0 && (g->ng == 1 || g->ng == 4) && ean13_ok(d)) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.9f, "avs_ch");
		return 1;
	}
	if (nd >= 13 && nd <= 19 && d[0] != '0' && min_group(g) >= 3 && priv_luhn_ok(d, nd)) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.9f, "card");
		return 1;
	}
	/* Belgian national register number 85.07.30-033.28: birth date, serial, 97 - (the nine
	 * digits mod 97), with a 2 before them for a birth from 2000 */
	if (nd == 11 && g->ng >= 3 && niss_ok(d)) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.9f, "niss_be");
		return 1;
	}
	if (nd == 9 && g->ng == 3 && g->glen[0] == 3 && g->glen[1] == 2 && g->glen[2] == 4 &&
	    (same_seps(g, "-") || same_seps(g, " ")) && (priv_ssn_ok(d, nd) || priv_itin_ok(d, nd))) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.9f, d[0] == '9' ? "itin_us" : "ssn_us");
		return 1;
	}
	if (is_ip4(g)) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.9f, "ip");
		return 1;
	}
	if (numeric_date(c, g, first_tok)) {
		priv_add(c, g->s, g->e, ENT_PRIV_DATE, 0.8f, "date_num");
		return 1;
	}
	int nhs_layout = g->ng == 1 || (g->ng == 3 && g->glen[0] == 3 && g->glen[1] == 3 &&
					 g->glen[2] == 4 && (same_seps(g, " ") || same_seps(g, "-")));
	if (nd == 10 && d[0] != '0' && nhs_layout && priv_nhs_ok(d, nd) &&
	    (g->ng == 1 || g->sep[1] == ' ' || labelled(c, first_tok))) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.85f, "nhs");
		return 1;
	}
	/* "call us back at 555-0166": a US local number, only when a calling word comes shortly
	 * before (a bare 123-4567 is too often a reference or a lot) */
	if (nd == 7 && g->ng == 2 && g->glen[0] == 3 && g->glen[1] == 4 && g->sep[1] == '-' &&
	    call_word_before(c, first_tok)) {
		priv_add(c, g->s, g->e, ENT_PRIV_CONTACT, 0.7f, "phone_us");
		return 1;
	}
	const char *kind = priv_phone_kind(c, g);
	if (kind && strcmp(kind, "helpline") == 0) {
		/* "15" or "112" may be a day or an age elsewhere: only long numbers are claimed */
		for (size_t k = first_tok; nd >= 4 && k < c->n_tk && c->tk[k].s < g->e; k++)
			c->tk[k].f |= TK_CLAIMED;
		return 1;
	}
	size_t lab = nd == 10 ? labelled(c, first_tok) : 0;
	/* a ten-digit number shaped like a phone line is an identifier only after a label that
	 * names a record ("CHI 0101501234", "patient number 4857773456"), not "my number" */
	if (kind && !(lab && record_label(c, lab) && (d[0] != '0' || g->ng == 1))) {
		priv_add(c, g->s, g->e, ENT_PRIV_CONTACT, 0.9f, kind);
		return 1;
	}
	size_t after = g->tj + 1;
	if (nd >= 5 && tk_ch(c, after, '(') && tk_lex(c, after + 1, LX_IDLABEL) && tk_ch(c, after + 2, ')')) {
		priv_add(c, g->s, g->e, ENT_PRIV_ID, 0.8f, "labelled");
		return 1;
	}
	if (nd >= 5 && labelled(c, first_tok)) {
		priv_add(c, code_start(c, first_tok), code_end(c, g->tj), ENT_PRIV_ID, 0.8f, "labelled");
		return 1;
	}
	return 0;
}

static int try_shaped_id(struct pctx *c, size_t i);

/* Old French plates: "1234 AB 56", "456 ABC 13". */
static int old_plate(struct pctx *c, size_t i)
{
	if (!(c->tk[i].f & TK_NUM) || tk_len(c, i) < 3 || tk_len(c, i) > 4)
		return 0;
	size_t l = i + 1, d = i + 2;
	if (l >= c->n_tk || d >= c->n_tk || !(c->tk[l].f & TK_ALLCAP) || (c->tk[l].f & TK_DIGIT) ||
	    tk_len(c, l) < 2 || tk_len(c, l) > 3 || !(c->tk[l].f & TK_SP) || !(c->tk[d].f & TK_SP) ||
	    !(c->tk[d].f & TK_NUM) || tk_len(c, d) != 2 || (tk_glued(c, d) && tk_is(c, d + 1, TK_WORD)))
		return 0;
	priv_add_tok(c, i, d, ENT_PRIV_ID, 0.8f, "plate_fr");
	return 1;
}

void priv_find_numbers(struct pctx *c)
{
	/* every finding starts at a digits-only token */
	if (!(c->f_any & TK_NUM))
		return;
	/* only words with a digit, '+' and '(' are visited (tk_next_any) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_DIGIT) | PB_SET(PB_SIGN));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		/* digits, or a '+' or '(' before digits: most tokens are neither */
		if ((c->tk[i].f & TK_CLAIMED) || !(c->tk[i].f & (TK_NUM | TK_PUNCT)))
			continue;
		if (!(c->tk[i].f & TK_NUM) && !((tk_ch(c, i, '+') || tk_ch(c, i, '(')) && tk_is(c, i + 1, TK_NUM)))
			continue;
		/* digits glued to letters before ("AB-123") belong to the word pass */
		if (i > 0 && tk_glued(c, i - 1) && (c->tk[i - 1].f & TK_WORD))
			continue;
		if (old_plate(c, i))
			continue;
		/* "QQ 12 34 56 C" starts with letters: let its own shape claim it first */
		if (i > 0 && tk_is(c, i - 1, TK_ALLCAP) && tk_len(c, i - 1) == 2 && tk_free(c, i - 1) &&
		    try_shaped_id(c, i - 1))
			continue;
		struct pdigits g;
		size_t last[20];
		size_t ng = collect(c, i, &g, last);
		if (!ng)
			continue;
		/* a group glued to a following letter is a unit or a word ("5mg", "2ème"): stop before */
		int done = 0;
		for (size_t m = ng; m >= 1 && !done; m--) {
			take(&g, m);
			g.ti = i;
			g.tj = last[m - 1];
			g.e = c->tk[g.tj].e;
			/* "(415)" keeps its closing bracket; "(RPPS 10304131336)" does not */
			if (g.paren && tk_ch(c, g.tj + 1, ')') && m == 1 && c->t[g.s] == '(')
				g.e = c->tk[g.tj + 1].e;
			/* "(4402198)": a whole number in brackets, no area code; the brackets stay out */
			size_t first = i;
			if (g.paren && m == 1 && c->t[g.s] == '(' && g.nd >= 5 && tk_ch(c, g.tj + 1, ')')) {
				g.s = c->tk[g.tj].s;
				g.e = c->tk[g.tj].e;
				first = g.tj;
			}
			if (tk_glued(c, g.tj) && tk_is(c, g.tj + 1, TK_ALPHA))
				continue;
			done = classify(c, &g, first);
		}
	}
}

/* ---- identifiers that hold letters: IBAN, plates, labelled codes, IPv6 -------------------- */

static int is_upper2(const struct pctx *c, size_t i, size_t n)
{
	if (!tk_is(c, i, TK_ALLCAP) || tk_len(c, i) != n || tk_is(c, i, TK_DIGIT))
		return 0;
	return 1;
}

int priv_shape(const char *s, size_t n, const char *pat)
{
	if (strlen(pat) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (pat[i] == 'A' && !(ch >= 'A' && ch <= 'Z'))
			return 0;
		if (pat[i] == '9' && !(ch >= '0' && ch <= '9'))
			return 0;
	}
	return 1;
}

static int try_iban(struct pctx *c, size_t i)
{
	const char *s = c->t + c->tk[i].s;
	if (tk_len(c, i) < 4 || !priv_shape(s, 4, "AA99"))
		return 0;
	char buf[40];
	size_t n = 0, ends[12], nends = 0, k = i;
	while (k < c->n_tk && nends < 12) {
		size_t tl = tk_len(c, k);
		if (!(c->tk[k].f & TK_WORD) || n + tl > 34 || (k > i && !(c->tk[k].f & TK_DIGIT) && tl > 4))
			break;
		if (k > i && !priv_iban_gap(c, k))
			break;
		memcpy(buf + n, c->t + c->tk[k].s, tl);
		n += tl;
		ends[nends++] = k;
		if (tl > 4 && k > i)
			break;
		k++;
	}
	for (size_t m = nends; m >= 1; m--) {
		size_t len = 0;
		for (size_t q = i; q <= ends[m - 1]; q++)
			len += tk_len(c, q);
		if (priv_iban_ok(buf, len)) {
			priv_add_tok(c, i, ends[m - 1], ENT_PRIV_ID, 0.99f, "iban");
			return 1;
		}
	}
	return nends && priv_iban_printed(c, i, ends[nends - 1]);
}

static int try_plate(struct pctx *c, size_t i)
{
	const char *s = c->t + c->tk[i].s;
	size_t n = tk_len(c, i);
	/* AB123CD / AB-123-CD / AB 123 CD (France since 2009) */
	if (priv_shape(s, n, "AA999AA")) {
		priv_add_tok(c, i, i, ENT_PRIV_ID, 0.85f, "plate_fr");
		return 1;
	}
	if (is_upper2(c, i, 2) && tk_is(c, i + 2, TK_NUM) && tk_len(c, i + 2) == 3 &&
	    (tk_ch(c, i + 1, '-') || tk_ch(c, i + 1, ' ')) && (tk_ch(c, i + 3, '-')) &&
	    is_upper2(c, i + 4, 2) && tk_glued(c, i) && tk_glued(c, i + 2)) {
		priv_add_tok(c, i, i + 4, ENT_PRIV_ID, 0.9f, "plate_fr");
		return 1;
	}
	if (is_upper2(c, i, 2) && tk_is(c, i + 1, TK_NUM) && tk_len(c, i + 1) == 3 &&
	    is_upper2(c, i + 2, 2) && (c->tk[i + 1].f & TK_SP) && (c->tk[i + 2].f & TK_SP)) {
		priv_add_tok(c, i, i + 2, ENT_PRIV_ID, 0.8f, "plate_fr");
		return 1;
	}
	/* UK: AB12 CDE or AB12CDE */
	if (priv_shape(s, n, "AA99AAA")) {
		priv_add_tok(c, i, i, ENT_PRIV_ID, 0.8f, "plate_uk");
		return 1;
	}
	if (priv_shape(s, n, "AA99") && is_upper2(c, i + 1, 3) && (c->tk[i + 1].f & TK_SP)) {
		priv_add_tok(c, i, i + 1, ENT_PRIV_ID, 0.8f, "plate_uk");
		return 1;
	}
	return 0;
}

static int is_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static int try_ipv6(struct pctx *c, size_t i)
{
	const char *t = c->t;
	size_t b = c->tk[i].s, e = b, colons = 0, run = 0;
	int dbl = 0, digit = 0;
	while (e < c->len && (is_hex(t[e]) || t[e] == ':') && e - b < 45) {
		if (t[e] == ':') {
			colons++;
			if (e > b && t[e - 1] == ':')
				dbl = 1;
			run = 0;
		} else {
			if (++run > 4)
				return 0;
			digit |= t[e] >= '0' && t[e] <= '9';
		}
		e++;
	}
	while (e > b && t[e - 1] == ':' && !(e >= 2 && t[e - 2] == ':'))
		e--;
	if (!digit || colons < 2 || (colons < 7 && !dbl) || colons > 7)
		return 0;
	if (e < c->len && ((t[e] >= 'g' && t[e] <= 'z') || (t[e] >= 'G' && t[e] <= 'Z')))
		return 0;
	priv_add(c, b, e, ENT_PRIV_ID, 0.85f, "ip");
	return 1;
}

/* Medicare MBI (1EG4-TE5-MK73): digit, letter, alnum, digit, letter, alnum, digit, letter,
 * letter, digit, digit; never S, L, O, I, B, Z. French passport: 12AB34567. */
static int mbi_char(char ch, char kind)
{
	int dig = ch >= '1' && ch <= '9', up = ch >= 'A' && ch <= 'Z' && !strchr("SLOIBZ", ch);
	if (kind == '9')
		return dig || ch == '0';
	if (kind == 'A')
		return up;
	return up || dig || ch == '0';
}

static int try_shaped_id(struct pctx *c, size_t i)
{
	char buf[16] = {0};
	size_t n = 0, j = i;
	for (size_t k = i; k < c->n_tk && k < i + 5; k++) {
		if (c->tk[k].f & TK_WORD) {
			size_t tl = tk_len(c, k);
			if (n + tl >= sizeof buf)
				return 0;
			memcpy(buf + n, c->t + c->tk[k].s, tl);
			n += tl;
			j = k;
			if (!tk_ch(c, k + 1, '-') || !tk_glued(c, k))
				break;
		} else if (!tk_ch(c, k, '-')) {
			break;
		}
	}
	static const char mbi[] = "9AX9AX9AA99";
	if (n == 11 && buf[0] != '0') {
		size_t q = 0;
		while (q < 11 && mbi_char(buf[q], mbi[q]))
			q++;
		if (q == 11) {
			priv_add_tok(c, i, j, ENT_PRIV_ID, 0.85f, "mbi");
			return 1;
		}
	}
	/* UK National Insurance number: QQ 12 34 56 C / QQ123456C */
	if (j == i && priv_shape(buf, n, "AA999999A") && buf[8] >= 'A' && buf[8] <= 'D') {
		priv_add_tok(c, i, j, ENT_PRIV_ID, 0.85f, "nino");
		return 1;
	}
	if (j == i && n == 2 && priv_shape(buf, 2, "AA") && tk_is(c, i + 1, TK_NUM) && tk_len(c, i + 1) == 2 &&
	    tk_is(c, i + 2, TK_NUM) && tk_len(c, i + 2) == 2 && tk_is(c, i + 3, TK_NUM) &&
	    tk_len(c, i + 3) == 2 && tk_len(c, i + 4) == 1 && c->t[c->tk[i + 4].s] >= 'A' &&
	    c->t[c->tk[i + 4].s] <= 'D' && (c->tk[i + 4].f & TK_SP)) {
		priv_add_tok(c, i, i + 4, ENT_PRIV_ID, 0.85f, "nino");
		return 1;
	}
	if (j == i && priv_shape(buf, n, "99AA99999")) {
		priv_add_tok(c, i, j, ENT_PRIV_ID, 0.8f, "passport_fr");
		return 1;
	}
	return 0;
}

/* A code after a label: "IPP 546143712", "MRN: A-00123", "passeport 12AB34567". */
static int try_labelled_code(struct pctx *c, size_t i)
{
	if (!(c->tk[i].f & TK_DIGIT) || !labelled(c, i))
		return 0;
	size_t j = i, digits = 0;
	for (;;) {
		for (size_t b = c->tk[j].s; b < c->tk[j].e; b++)
			digits += c->t[b] >= '0' && c->t[b] <= '9';
		size_t nx = j + 1;
		if (nx + 1 < c->n_tk && tk_glued(c, j) && tk_glued(c, nx) && (c->tk[nx].f & TK_PUNCT) &&
		    tk_len(c, nx) == 1 && strchr("-/.", c->t[c->tk[nx].s]) && (c->tk[nx + 1].f & TK_WORD) &&
		    !(c->tk[nx + 1].f & TK_CLAIMED)) {
			j = nx + 1;
			continue;
		}
		if (nx < c->n_tk && (c->tk[nx].f & TK_WORD) && (c->tk[nx].f & TK_DIGIT) &&
		    !(c->tk[nx].f & TK_CLAIMED) && c->tk[nx].s - c->tk[j].e == 1) {
			j = nx;
			continue;
		}
		break;
	}
	if (digits < 4)
		return 0;
	priv_add(c, code_start(c, i), c->tk[j].e, ENT_PRIV_ID, 0.8f, "labelled");
	return 1;
}

void priv_find_words_ids(struct pctx *c)
{
	/* every try needs a word in capitals or with a digit, or an IPv6 colon */
	if (!(c->f_any & (TK_ALLCAP | TK_DIGIT)) && !priv_has_punct(c, ':'))
		return;
	/* the words with a capital or a digit, and in a text with a colon those glued to the
	 * token after them (PB_PAT: an IPv6 address's first group, lowercase letters alone,
	 * reaches no try below but try_ipv6, which needs a ':' glued after it) */
	int colon = priv_has_punct(c, ':');
	struct tk_walk wk = tk_walk_of(PB_SET(PB_CAPS) | PB_SET(PB_DIGIT) | (colon ? PB_SET(PB_PAT) : 0));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if ((c->tk[i].f & (TK_CLAIMED | TK_WORD)) != TK_WORD)
			continue;
		/* each try below needs capitals or a digit, but an IPv6 address (a colon after) */
		if (!(c->tk[i].f & (TK_ALLCAP | TK_DIGIT)) && !tk_ch(c, i + 1, ':'))
			continue;
		if (i > 0 && tk_glued(c, i - 1) && (c->tk[i - 1].f & TK_WORD))
			continue;
		if ((c->tk[i].f & TK_ALLCAP) || (c->tk[i].f & (TK_DIGIT | TK_ALPHA)) == (TK_DIGIT | TK_ALPHA)) {
			if (try_iban(c, i) || try_plate(c, i))
				continue;
		}
		if (i + 1 < c->n_tk && tk_ch(c, i + 1, ':') && tk_glued(c, i) && try_ipv6(c, i))
			continue;
		if (((c->tk[i].f & (TK_DIGIT | TK_ALPHA)) == (TK_DIGIT | TK_ALPHA) ||
		     ((c->tk[i].f & TK_ALLCAP) && tk_len(c, i) == 2)) && try_shaped_id(c, i))
			continue;
		if ((c->tk[i].f & (TK_DIGIT | TK_ALPHA)) == (TK_DIGIT | TK_ALPHA) && try_glued_label(c, i))
			continue;
		if ((c->tk[i].f & TK_DIGIT) && !(c->tk[i].f & TK_CLAIMED))
			try_labelled_code(c, i);
	}
	priv_find_ids_ref(c);
}
