/*
 * priv_contact.c - contacts: e-mail addresses, personal URLs, @handles and telephone numbers.
 *
 * E-mail, URL and handle detection works on the raw bytes around '@', "://", "www." and
 * ".tld/"; phone numbers are classified from the digit groups the number pass collected
 * (priv_ids.c). Addresses on public health and government sites (ameli.fr, nhs.uk, *.gouv.fr)
 * and emergency or helpline numbers (15, 112, 3114, 999, 988, 0800...) are not contacts.
 */
#include <string.h>
#include <strings.h>

#include "privacy/text/priv_text.h"

static int is_alnum(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static int is_local(unsigned char ch)
{
	return is_alnum(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
}

static int is_host(unsigned char ch)
{
	return is_alnum(ch) || ch == '.' || ch == '-';
}

static int is_path(unsigned char ch)
{
	return ch > ' ' && ch < 0x7F && ch != '<' && ch != '>' && ch != '"' && ch != '\'' &&
	       ch != ')' && ch != ']' && ch != '}';
}

/* Length of a host name at p (labels of letters, digits and '-', at least one dot, a
 * top-level label of 2+ letters); 0 if there is none. */
static size_t host_len(const char *p, size_t n)
{
	size_t i = 0, last_dot = 0, dots = 0;
	while (i < n && is_host((unsigned char)p[i])) {
		if (p[i] == '.') {
			if (i == 0 || p[i - 1] == '.')
				break;
			last_dot = i;
			dots++;
		}
		i++;
	}
	while (i > 0 && (p[i - 1] == '.' || p[i - 1] == '-'))
		i--;
	dots = 0;
	for (size_t k = 0; k < i; k++)
		if (p[k] == '.') {
			last_dot = k;
			dots++;
		}
	if (!dots)
		return 0;
	size_t tld = i - last_dot - 1;
	if (tld < 2 || tld > 12)
		return 0;
	for (size_t k = last_dot + 1; k < i; k++)
		if (!((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z')))
			return 0;
	return i;
}

/* Does the host (or one of its labels) belong to a public institution's site? */
static int host_is_public(const char *h, size_t n)
{
	static const char *const suffixes[] = {".gouv.fr", ".gov.uk", ".nhs.uk", ".gov", ".edu",
					       ".int", ".nhs.net", ".ac.uk", ".europa.eu", NULL};
	for (const char *const *s = suffixes; *s; s++) {
		size_t sl = strlen(*s);
		if (n >= sl && strncasecmp(h + n - sl, *s, sl) == 0)
			return 1;
		if (n + 1 == sl && strncasecmp(h, *s + 1, n) == 0)
			return 1;
	}
	/* an institution's own site: "chu-rennes.fr", "hopital-foch.com", "ch-cholet.fr",
	 * "clinique-du-parc.fr", "nhs-trust.org" (a part between dots or hyphens names it) */
	static const char *const inst[] = {"chu", "ch", "chr", "chru", "chi", "hopital", "hopitaux",
					   "hospital", "hospitals", "aphp", "clinique", "clinic", "nhs",
					   "ght", "ars", "cpam", "mairie", "ville", "institut", "fondation",
					   "ligue", "asso", "association", "centre", "center", "pharmacie",
					   "ehpad", "polyclinique", "maternite", "croix", "universite",
					   "univ", "health", "sante", "trust", NULL};
	for (size_t i = 0, st = 0; i <= n; i++) {
		if (i == n || h[i] == '.' || h[i] == '-') {
			char buf[24];
			size_t fl = i - st < sizeof buf ? priv_fold(h + st, i - st, buf, sizeof buf - 1) : 0;
			buf[fl] = 0;
			for (const char *const *w = inst; fl && *w; w++)
				if (strcmp(buf, *w) == 0)
					return 1;
			st = i + 1;
		}
	}
	size_t st = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || h[i] == '.') {
			char buf[64];
			size_t fl = i - st < sizeof buf ? priv_fold(h + st, i - st, buf, sizeof buf) : 0;
			/* "has-sante" is looked up as "has sante", like the word lists */
			for (size_t k = 0; k < fl; k++)
				if (buf[k] == '-')
					buf[k] = ' ';
			if (fl && (priv_lex_get(priv_fnv(PRIV_FNV_INIT, buf, fl)) & LX_PUBLICSITE))
				return 1;
			st = i + 1;
		}
	}
	return 0;
}

/* Hosts where an address names a person: social networks, blogs, fundraising pages. */
static int host_is_social(const char *h, size_t n)
{
	static const char *const social[] = {
		"facebook", "fb", "instagram", "twitter", "x", "tiktok", "linkedin", "snapchat",
		"threads", "bsky", "mastodon", "pinterest", "tumblr", "medium", "substack", "blogspot",
		"wordpress", "over-blog", "canalblog", "skyrock", "wixsite", "gofundme", "leetchi",
		"justgiving", "helloasso", "kisskissbankbank", "ulule", "lepotcommun", "cagnotte",
		"tipeee", "patreon", "onlyfans", "youtube", "twitch", "vk", "t", "github", "about",
		"linktr", "carrd", "weebly", "jimdo", "blogger", "hautetfort", "mymajors", NULL};
	size_t st = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || h[i] == '.') {
			for (const char *const *s = social; *s; s++)
				if (strlen(*s) == i - st && strncasecmp(h + st, *s, i - st) == 0)
					return 1;
			st = i + 1;
		}
	}
	return 0;
}

/* "sandrine-et-la-sla.fr", "cagnotte-pour-lea.fr": a hyphenated host whose first label holds a
 * given name and a little word joining it to the rest (a blog's or a fundraiser's title), and
 * no surname: not "pierre-et-marie-curie.fr", nor "association-des-patients.org" (no given
 * name), which is how organisations name theirs. */
static int host_names_someone(const char *h, size_t n)
{
	static const char *const for_whom[] = {"pour", "for", "de", "avec", "with", NULL};
	int given = 0, link = 0, after_for = 0;
	for (size_t i = 0, st = 0; i <= n; i++) {
		if (i == n || h[i] == '.' || h[i] == '-') {
			char buf[32];
			size_t fl = i - st < sizeof buf ? priv_fold(h + st, i - st, buf, sizeof buf) : 0;
			uint32_t f = fl ? priv_lex_get(priv_fnv(PRIV_FNV_INIT, buf, fl)) : 0;
			if ((f & LX_PATR) && !(f & (LX_STOPFR | LX_STOPEN)))
				return 0;
			/* not a given name that is also a month, a day or a word never a name
			 * (walk-in-june.org, cure-for-june.org), nor one that is also a French word unless
			 * "pour", "de", "for" brings it (la-vie-en-rose.fr, grace-et-la-vie.org,
			 * octobre-rose-pour-toutes.fr; but ensemble-pour-claire.fr, hope-for-grace.org) */
			if ((f & (LX_PRN | LX_FIRSTNAME)) && !(f & (LX_MONTH | LX_DAY | LX_NOTNAME)) &&
			    (!(f & LX_WFR) || after_for))
				given = 1;
			link |= (f & (LX_STOPFR | LX_STOPEN)) != 0;
			after_for = 0;
			for (size_t w = 0; fl && for_whom[w]; w++)
				if (strlen(for_whom[w]) == fl && memcmp(buf, for_whom[w], fl) == 0)
					after_for = 1;
			if (i == n || h[i] == '.')
				break;
			st = i + 1;
		}
	}
	return given && link;
}

static const char *const tlds[] = {"com", "fr", "org", "net", "uk", "io", "me", "be", "ch",
				   "ca", "eu", "info", "blog", "us", "co", "ly", "gl", "tv",
				   "site", "online", "page", "app", "social", "ee", "de", "it", "es",
				   "nl", "pt", "ie", "au", "nz", "gg", "to", "link", "bio", NULL};

/* One of words (a NULL-terminated list) is the n bytes at p, in any case. */
static int word_in(const char *p, size_t n, const char *const *words)
{
	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == n && strncasecmp(p, *w, n) == 0)
			return 1;
	return 0;
}

static int known_tld(const char *p, size_t n)
{
	return word_in(p, n, tlds);
}

/* After a verb of running ending at byte p: is what the writer runs a group ("a small group",
 * "un groupe de parole", "our community": a determiner of one's own or 'a', then a group word,
 * within four words) or the URL itself (p == b)? Not "I run out of", "I run to this group",
 * "I started chemo ... this group", "I created an account to join", "on anime des ateliers". */
static int runs_what_group(const char *t, size_t p, size_t b)
{
	static const char *const det[] = {"a", "our", "my", "un", "une", "notre", "mon", NULL};
	static const char *const grp[] = {"group", "groupe", "page", "community", "communauté",
					  "communaute", "forum", NULL};
	if (p == b)
		return 1;
	int owned = 0;
	for (int nw = 0; nw < 4 && p < b; nw++) {
		size_t e = p;
		while (e < b && !strchr(" \t,;:()", t[e]))
			e++;
		if (e == p)
			return 0; /* punctuation before any group word: the phrase ended */
		if (word_in(t + p, e - p, det))
			owned = 1;
		else if (word_in(t + p, e - p, grp))
			return owned;
		p = e;
		while (p < b && (t[p] == ' ' || t[p] == '\t'))
			p++;
	}
	return 0;
}

/* "I run a small group for dads ...: facebook.com/groups/spectrumdadsuk": a group page the
 * writer says they run (a group, or the URL right after the verb: runs_what_group), in the
 * sentence before byte b (at most 200 bytes back), is theirs. */
static int runs_group(const struct pctx *c, size_t b)
{
	/* (a verb of the writer's: not "my group", "mon groupe préféré", which may be anyone's) */
	static const char *const says[] = {"i run ", "i started ", "i set up ", "i admin ", "i created ",
					   "we run ", "j'anime ", "j'ai cree ", "j'ai créé ", "on anime ", NULL};
	size_t s = b;
	while (s > 0 && b - s < 200 && !strchr(".!?\n", c->t[s - 1]))
		s--;
	for (size_t k = s; k < b; k++) {
		if (k > s && ((unsigned char)c->t[k - 1] >= 0x80 || is_alnum((unsigned char)c->t[k - 1])))
			continue; /* a phrase opens a word */
		for (const char *const *w = says; *w; w++) {
			size_t m = strlen(*w);
			if (m <= b - k && strncasecmp(c->t + k, *w, m) == 0 && runs_what_group(c->t, k + m, b))
				return 1;
		}
	}
	return 0;
}

/* A URL starting at byte b (scheme, www. or bare host with a known TLD); adds it when
 * personal. Returns the end of what was examined (b when nothing). */
static size_t try_url(struct pctx *c, size_t b)
{
	const char *t = c->t;
	size_t n = c->len, i = b;
	int scheme = 0;
	if (n - i >= 8 && strncasecmp(t + i, "https://", 8) == 0) {
		i += 8;
		scheme = 1;
	} else if (n - i >= 7 && strncasecmp(t + i, "http://", 7) == 0) {
		i += 7;
		scheme = 1;
	}
	size_t h0 = i;
	size_t hl = host_len(t + i, n - i);
	if (!hl)
		return b;
	/* a bare host must end with a known TLD and not be a word.word sentence glitch */
	size_t last_dot = h0 + hl;
	while (last_dot > h0 && t[last_dot - 1] != '.')
		last_dot--;
	if (!scheme && !(hl > 4 && strncasecmp(t + h0, "www.", 4) == 0) &&
	    !known_tld(t + last_dot, h0 + hl - last_dot))
		return b;
	/* "great.It was", "non-stop.De plus": a missing space after a period, not a host; a
	 * domain typed bare has a lowercase TLD */
	if (!scheme && !(hl > 4 && strncasecmp(t + h0, "www.", 4) == 0) && last_dot < h0 + hl &&
	    t[last_dot] >= 'A' && t[last_dot] <= 'Z')
		return b;
	i = h0 + hl;
	size_t path0 = i;
	for (;;) {
		if (i < n && is_path((unsigned char)t[i])) {
			i++;
			continue;
		}
		/* non-ASCII letters in a path ("tiktok.com/@léa"), but not a no-break space,
		 * a closing guillemet or the quotes and dashes of U+2000..U+206F */
		unsigned char ch = i < n ? (unsigned char)t[i] : 0;
		if (ch >= 0x80 && !(ch == 0xC2 && i + 1 < n && ((unsigned char)t[i + 1] == 0xA0 ||
								(unsigned char)t[i + 1] == 0xBB || (unsigned char)t[i + 1] == 0xAB)) &&
		    !(ch == 0xE2 && i + 1 < n && (unsigned char)t[i + 1] == 0x80) && i > path0) {
			i++;
			while (i < n && ((unsigned char)t[i] & 0xC0) == 0x80)
				i++;
			continue;
		}
		break;
	}
	while (i > path0 && strchr(".,;:!?", t[i - 1]))
		i--;
	const char *host = t + h0;
	if (hl > 4 && strncasecmp(host, "www.", 4) == 0) {
		host += 4;
		hl -= 4;
	}
	int has_path = i > path0 + 1;
	int personal;
	float conf = 0.9f;
	static const char *const shared_paths[] = {"/groups/", "/hashtag/", "/explore/", "/tags/",
						   "/search", "/events/", "/watch?", NULL};
	int shared = 0;
	for (const char *const *sp = shared_paths; *sp; sp++)
		if (i - path0 >= strlen(*sp) && strncasecmp(t + path0, *sp, strlen(*sp)) == 0)
			shared = 1;
	if (host_is_social(host, hl))
		personal = (has_path && (!shared || runs_group(c, b))) || hl > 14; /* facebook.com alone names nobody */
	else if (host_is_public(host, hl))
		personal = memchr(t + path0, '@', i - path0) != NULL || memchr(t + path0, '~', i - path0) != NULL;
	else {
		/* an unknown site: personal, unless a bare multi-word name with no path, which is
		 * how organisations name theirs ("association-des-patients.org") */
		personal = scheme || has_path || !memchr(host, '-', hl) || host_names_someone(host, hl);
		conf = 0.6f;
	}
	if (personal)
		priv_add(c, b, i, ENT_PRIV_CONTACT, conf, "url");
	return i;
}

/* E-mail around the '@' at byte a; returns 1 when one was added. */
static int try_email(struct pctx *c, size_t a)
{
	const char *t = c->t;
	size_t s = a;
	while (s > 0 && is_local((unsigned char)t[s - 1]))
		s--;
	while (s < a && (t[s] == '.' || t[s] == '-'))
		s++;
	if (s == a)
		return 0;
	size_t hl = host_len(t + a + 1, c->len - a - 1);
	if (!hl)
		return 0;
	priv_add(c, s, a + 1 + hl, ENT_PRIV_CONTACT, 0.99f, "email");
	return 1;
}

/* @handle at byte a (not inside a word); returns 1 when one was added. */
static int try_handle(struct pctx *c, size_t a)
{
	const char *t = c->t;
	if (a > 0 && (is_alnum((unsigned char)t[a - 1]) || t[a - 1] == '@'))
		return 0;
	size_t e = a + 1;
	/* "@marie_t1d", "@jess.bloggs", "@Jess-Bloggs-4" (a hyphen inside, never at the end) */
	while (e < c->len && (is_alnum((unsigned char)t[e]) || t[e] == '_' || t[e] == '.' ||
			      (t[e] == '-' && e + 1 < c->len && is_alnum((unsigned char)t[e + 1]))))
		e++;
	while (e > a + 1 && t[e - 1] == '.')
		e--;
	if (e - a - 1 < 2 || e - a - 1 > 40)
		return 0;
	priv_add(c, a, e, ENT_PRIV_CONTACT, 0.9f, "handle");
	return 1;
}

/* Token i names a mail provider ("gmail", "hotmail"...): a bare "at" before it is an '@'. */
static int mail_provider(const struct pctx *c, size_t i)
{
	static const char *const p[] = {"gmail", "googlemail", "hotmail", "outlook", "live", "yahoo",
					"icloud", "me", "orange", "free", "sfr", "laposte", "wanadoo",
					"aol", "btinternet", "sky", "protonmail", "proton", "gmx", "msn",
					"mail", "neuf", "bbox", "numericable", "ymail", "comcast",
					"verizon", NULL};
	return i < c->n_tk && tk_eq_any(c, i, p);
}

/* The particles of a surname written out in a local part ("yannick point le gall", "anna point
 * van dijk"), taken only right after "point" / "dot", where no sentence puts them. */
static const char *const local_particles[] = {"le", "la", "de", "du", "des", "van", "von", "der", "den",
					      "di", "da", "del", "mac", "mc", "el", "al", "ben", "dos", "das",
					      "do", "o", "d", "ait", NULL};

/* Token d the last particle of one or two ("de la", "van der") right after "point" / "dot":
 * the word before that "point", else SIZE_MAX. */
static size_t local_particle(const struct pctx *c, size_t d)
{
	if (!tk_eq_any(c, d, local_particles))
		return SIZE_MAX;
	if (d >= 1 && tk_eq_any(c, d - 1, local_particles))
		d--;
	return d >= 2 && (tk_eq(c, d - 1, "point") || tk_eq(c, d - 1, "dot")) ? d - 2 : SIZE_MAX;
}

/* "jean.dupont [at] gmail.com", "jean (at) gmail (dot) com", "jean arobase gmail.com". */
static void obfuscated_emails(struct pctx *c)
{
	struct tk_walk wk = tk_walk_of(PB_SET(PB_PAT)); /* brackets, "at", "arobase" among others */
	for (size_t i = tk_next_any(c, &wk, 1); i + 2 < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		size_t at_end;
		/* what follows needs a bracket, "at" or "arobase" here */
		if (!(c->tk[i].f & TK_PUNCT) && c->tk[i].flen != 2 && c->tk[i].flen != 7)
			continue;
		if ((tk_ch(c, i, '[') || tk_ch(c, i, '(')) && (tk_eq(c, i + 1, "at") || tk_eq(c, i + 1, "arobase")) &&
		    (tk_ch(c, i + 2, ']') || tk_ch(c, i + 2, ')')))
			at_end = i + 2;
		else if (tk_eq(c, i, "arobase") || (tk_eq(c, i, "at") && mail_provider(c, i + 1)))
			at_end = i; /* "jean arobase gmail point com", "j.smith at hotmail dot co dot uk" */
		else if (tk_eq(c, i, "at") && tk_is(c, i + 1, TK_WORD) && tk_eq(c, i + 2, "dot") && i + 3 < c->n_tk &&
			 known_tld(c->t + c->tk[i + 3].s, tk_len(c, i + 3)) && i >= 2 && tk_glued(c, i - 2) &&
			 (tk_ch(c, i - 2, '.') || tk_ch(c, i - 2, '_')))
			at_end = i; /* "teodora.m at eircom dot net": a dotted name, any host, "dot", a TLD */
		else if (tk_ch(c, i, '@') && (c->tk[i].f & TK_SP) && (c->tk[i + 1].f & TK_SP))
			at_end = i; /* "sylvie.caradec @ orange . fr": spaces for the robots */
		else if (tk_ch(c, i, '(') && tk_eq(c, i + 1, "a") && tk_ch(c, i + 2, ')') && tk_glued(c, i) &&
			 tk_glued(c, i + 1) && tk_glued(c, i + 2) && i > 0 && tk_glued(c, i - 1))
			at_end = i + 2; /* "jp.lemoine(a)wanadoo.fr" */
		else
			continue;
		size_t l = i - 1;
		if (!(c->tk[l].f & TK_WORD) || (c->tk[l].f & TK_CLAIMED) || at_end + 1 >= c->n_tk)
			continue;
		size_t s = c->tk[l].s;
		while (s > 0 && is_local((unsigned char)c->t[s - 1]))
			s--;
		/* "mathilde point rivaud arobase ...", "yolande [point] mbarga [at] ..." */
		for (size_t q = l; q >= 2;) {
			size_t d = q - 1, w;
			if (tk_eq(c, d, "point") || tk_eq(c, d, "dot") ||
			    /* "kelly . osei @ outlook . com" */
			    (tk_ch(c, d, '.') && (c->tk[d].f & TK_SP) && (c->tk[q].f & TK_SP)))
				w = d - 1;
			else if (d >= 3 && (tk_ch(c, d, ']') || tk_ch(c, d, ')')) &&
				 (tk_eq(c, d - 1, "point") || tk_eq(c, d - 1, "dot")) &&
				 (tk_ch(c, d - 2, '[') || tk_ch(c, d - 2, '(')))
				w = d - 3;
			else if ((w = local_particle(c, d)) != SIZE_MAX)
				; /* "yannick point le gall arobase ...", "marie point de la tour ..." */
			else
				break;
			if (!(c->tk[w].f & TK_WORD) || (c->tk[w].f & TK_CLAIMED) ||
			    (c->tk[w].lex & (LX_STOPFR | LX_STOPEN)) || tk_len(c, w) > 30)
				break;
			s = c->tk[w].s;
			q = w;
		}
		/* "p whitfield at btinternet dot com": an initial before the written-out local part */
		if (s == c->tk[l].s && l >= 1 && tk_len(c, l - 1) == 1 && (c->tk[l - 1].f & TK_LOWER) &&
		    (c->tk[l].f & TK_SP) && (c->tk[l - 1].f & TK_SP) && !strchr("aiyo", c->t[c->tk[l - 1].s]))
			s = c->tk[l - 1].s;
		size_t h = c->tk[at_end + 1].s, e = h;
		int dotted = 0, after_dot = 0;
		/* the host, with "." or " (dot) " / " [point] " between labels */
		for (size_t k = at_end + 1; k < c->n_tk && k < at_end + 12; k++) {
			if ((c->tk[k].f & TK_WORD) &&
			    (k == at_end + 1 || after_dot || c->tk[k].s == e || c->tk[k - 1].e == c->tk[k].s)) {
				e = c->tk[k].e;
				after_dot = 0;
				continue;
			}
			if (tk_ch(c, k, '.') && tk_glued(c, k - 1) && tk_is(c, k + 1, TK_WORD)) {
				dotted = 1;
				continue;
			}
			/* "@ orange . fr": a period between spaces, before a known TLD */
			if (tk_ch(c, k, '.') && (c->tk[k].f & TK_SP) && (c->tk[k + 1 < c->n_tk ? k + 1 : k].f & TK_SP) &&
			    tk_is(c, k + 1, TK_WORD) && known_tld(c->t + c->tk[k + 1].s, tk_len(c, k + 1))) {
				dotted = after_dot = 1;
				continue;
			}
			if ((tk_ch(c, k, '(') || tk_ch(c, k, '[')) && (tk_eq(c, k + 1, "dot") || tk_eq(c, k + 1, "point")) &&
			    (tk_ch(c, k + 2, ')') || tk_ch(c, k + 2, ']'))) {
				k += 2;
				e = c->tk[k].e;
				dotted = after_dot = 1;
				continue;
			}
			/* a bare "dot" / "point" between labels, before a known TLD or another label */
			if ((tk_eq(c, k, "dot") || tk_eq(c, k, "point")) && !after_dot && k + 1 < c->n_tk &&
			    (c->tk[k + 1].f & TK_WORD) && (c->tk[k].f & TK_SP) && tk_len(c, k + 1) <= 12) {
				dotted = after_dot = 1;
				continue;
			}
			break;
		}
		if (!dotted)
			continue;
		priv_add(c, s, e, ENT_PRIV_CONTACT, 0.85f, "email");
	}
}

/* "qui a le snap de Lina ? ... c'est lina.bzh22 je crois": a network named, then "c'est" or
 * "it's" a few words later before a lowercase word glued by a '.' to digits. */
static void network_handle_later(struct pctx *c, size_t i)
{
	for (size_t q = i + 2; q + 3 < c->n_tk && q < i + 24; q++) {
		if (!((tk_eq(c, q, "est") && tk_apos(c, q - 1) && tk_eq(c, q - 2, "c")) ||
		      (tk_eq(c, q, "s") && tk_apos(c, q - 1) && tk_eq(c, q - 2, "it"))))
			continue;
		size_t k = q + 1;
		if ((c->tk[k].f & (TK_LOWER | TK_SP | TK_CLAIMED)) == (TK_LOWER | TK_SP) && tk_glued(c, k) &&
		    tk_ch(c, k + 1, '.') && tk_glued(c, k + 1) && (c->tk[k + 2].f & TK_WORD) &&
		    (c->tk[k + 2].f & TK_DIGIT) && !(c->tk[k + 2].f & TK_CLAIMED) &&
		    !(tk_glued(c, k + 2) && k + 3 < c->n_tk && !(c->tk[k + 3].f & TK_PUNCT)))
			priv_add(c, c->tk[k].s, c->tk[k + 2].e, ENT_PRIV_CONTACT, 0.7f, "handle");
		return;
	}
}

/* "insta : marie.dupont75", "snap: lea_du_59": a handle named by its network, without '@'. */
static void network_handles(struct pctx *c)
{
	/* the networks ("insta", "snap", "whatsapp", "pseudo"...): NET in priv_words.txt */
	if (!(c->lex2_any & LX2_NET))
		return;
	for (size_t i = 0; i + 1 < c->n_tk; i++)
		if ((c->tk[i].f & TK_WORD) && (c->tk[i].lex2 & LX2_NET))
			network_handle_later(c, i);
	for (size_t i = 0; i + 1 < c->n_tk; i++) {
		if (!(c->tk[i].f & TK_WORD) || !(c->tk[i].lex2 & LX2_NET))
			continue;
		size_t k = i + 1;
		while (k < c->n_tk && (tk_ch(c, k, ':') || tk_ch(c, k, '-') || tk_ch(c, k, '=')) && k < i + 3)
			k++;
		/* "mon insta c'est mariedupont", "my snap is jessxo", "insta = ..." */
		int copula = 0;
		if (tk_eq(c, k, "c") && tk_apos(c, k + 1) && tk_eq(c, k + 2, "est")) {
			k += 3;
			copula = 1;
		} else if (tk_eq(c, k, "is") || tk_eq(c, k, "est") || tk_eq(c, k, "cest") ||
			   (tk_eq(c, k, "c") && !tk_apos(c, k + 1)) || tk_eq(c, k, "jsuis") || tk_eq(c, k, "im")) {
			k += 1;
			copula = 1;
		} else if ((tk_eq(c, k, "je") && tk_eq(c, k + 1, "suis")) || (tk_eq(c, k, "i") && tk_eq(c, k + 1, "am"))) {
			k += 2; /* "sur insta je suis ainhoa.etxe64" */
			copula = 1;
		} else if (tk_eq(c, k, "i") && tk_apos(c, k + 1) && tk_eq(c, k + 2, "m")) {
			k += 3;
			copula = 1;
		}
		if (k >= c->n_tk || !(c->tk[k].f & TK_WORD) || (c->tk[k].f & TK_CLAIMED) ||
		    (k == i + 1 && !(c->tk[k].f & TK_SP)))
			continue;
		size_t b = c->tk[k].s, e = b;
		int marks = 0, letters = 0;
		while (e < c->len && (is_alnum((unsigned char)c->t[e]) || c->t[e] == '_' || c->t[e] == '.')) {
			marks += c->t[e] == '_' || c->t[e] == '.' || (c->t[e] >= '0' && c->t[e] <= '9');
			letters += !(c->t[e] >= '0' && c->t[e] <= '9') && c->t[e] != '_' && c->t[e] != '.';
			e++;
		}
		while (e > b && c->t[e - 1] == '.')
			e--;
		if (e < c->len && c->t[e] == '/')
			continue; /* "telegram t.me/jess": an address, left to the URL reader */
		/* "sam#4821": an old Discord tag */
		if (e + 1 < c->len && c->t[e] == '#' && c->t[e + 1] >= '0' && c->t[e + 1] <= '9') {
			e++;
			while (e < c->len && c->t[e] >= '0' && c->t[e] <= '9')
				e++;
			marks++;
		}
		/* a plain word ("insta : je poste...") is no handle; one with _ . or digits is, and
		 * after "c'est" / "is" so is a word no list knows ("mon insta c'est mariedupont") */
		int plain_ok = copula && !marks && e == c->tk[k].e && tk_len(c, k) >= 4 &&
			       !(c->tk[k].lex & (LX_WORD | LX_STOPFR | LX_STOPEN | LX_NOTNAME | LX_MONTH | LX_DAY));
		if (e - b < 3 || !letters || (!marks && !plain_ok) || (e < c->len && (unsigned char)c->t[e] >= 0x80))
			continue;
		priv_add(c, b, e, ENT_PRIV_CONTACT, 0.8f, "handle");
	}
}

/* A digit or a French number said as a word ("zéro", "quarante", "oh", "nine"): 1 for a
 * word worth one digit in English ("double" two), 2 for a French number word, 0 for none. */
static int number_word(const struct pctx *c, size_t i, int fr)
{
	static const char *const en[] = {"oh", "zero", "nought", "one", "two", "three", "four", "five",
					 "six", "seven", "eight", "nine", NULL};
	static const char *const frw[] = {"zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept",
					  "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze",
					  "quinze", "seize", "vingt", "vingts", "trente", "quarante",
					  "cinquante", "soixante", NULL};
	if (!(c->tk[i].f & TK_ALPHA) || (c->tk[i].f & TK_DIGIT) || c->tk[i].flen > 9)
		return 0;
	if (fr)
		return tk_eq_any(c, i, frw) ? 2 : 0;
	if (tk_eq(c, i, "double"))
		return 2;
	return tk_eq_any(c, i, en) ? 1 : 0;
}

/* A phone number spelled out: "zéro six, quarante-deux, dix-sept, quatre-vingt-treize, zéro
 * cinq", "oh seven seven oh oh, nine oh oh, four one nine" (from a zero: at least ten digits
 * in English, six number words in French), or begun so and ended in figures ("zéro six 14 22
 * 87 53"). */
static void spelled_phones(struct pctx *c)
{
	/* "zero" or "oh" (ZERO in priv_words.txt, read with the word's look-up) opens one */
	if (!(c->lex2_any & LX2_ZERO))
		return;
	for (size_t i = 0; i + 5 < c->n_tk; i++) {
		if (!(c->tk[i].lex2 & LX2_ZERO) || (c->tk[i].f & TK_CLAIMED))
			continue;
		int fr = tk_eq(c, i, "zero") && c->lang != ENT_PRIV_EN;
		size_t last = i, words = 0, digits = 0;
		for (size_t k = i; k < c->n_tk; k++) {
			int w = number_word(c, k, fr);
			/* "zéro six 14 22 87 53": spelled, then in figures */
			if (!w && words >= 2 && (c->tk[k].f & TK_NUM) && tk_len(c, k) <= 2 && (c->tk[k].f & TK_SP))
				w = (int)tk_len(c, k);
			if (w && !(c->tk[k].f & TK_CLAIMED)) {
				words++;
				digits += (size_t)w;
				last = k;
			} else if (!(tk_ch(c, k, ',') || (tk_ch(c, k, '-') && tk_glued(c, k - 1)) ||
				     (fr && tk_eq(c, k, "et")))) {
				break;
			}
		}
		if (fr ? words < 6 : digits < 10)
			continue;
		priv_add_tok(c, i, last, ENT_PRIV_CONTACT, 0.8f, fr ? "phone_fr" : "phone_uk");
		i = last;
	}
}

void priv_find_patterns(struct pctx *c)
{
	obfuscated_emails(c);
	spelled_phones(c);
	network_handles(c);
	const char *t = c->t;
	size_t n = c->len;
	/* an '@', or a word right before a glued '.', ':' or '-', among others (PB_PAT) */
	struct tk_walk wk = tk_walk_of(PB_SET(PB_PAT));
	for (size_t i = tk_next_any(c, &wk, 0); i < c->n_tk; i = tk_next_any(c, &wk, i + 1)) {
		if (c->tk[i].f & TK_CLAIMED)
			continue;
		size_t b = c->tk[i].s;
		if (c->tk[i].f & TK_PUNCT) {
			if (t[b] == '@' && !try_email(c, b))
				try_handle(c, b);
			continue;
		}
		/* a URL starts at a word that is not glued to a previous word or '.' */
		if (b > 0 && (is_alnum((unsigned char)t[b - 1]) || t[b - 1] == '.' || t[b - 1] == '@' ||
			      t[b - 1] == '/' || t[b - 1] == '-'))
			continue;
		size_t e = c->tk[i].e;
		/* a period ending a sentence: the host would be the word and its period, which
		 * host_len() trims to no host */
		if (e < n && t[e] == '.' && (e + 1 == n || t[e + 1] == ' ' || t[e + 1] == '\n' || t[e + 1] == '\r'))
			continue;
		if (e < n && (t[e] == '.' || t[e] == ':' || t[e] == '-') && (c->tk[i].f & TK_ALPHA)) {
			/* only when an e-mail does not start here */
			size_t k = e;
			while (k < n && is_local((unsigned char)t[k]))
				k++;
			if (k < n && t[k] == '@')
				continue;
			try_url(c, b);
		}
	}
}

/* Emergency, helpline and toll-free numbers are public, not contacts. The exact ones by their
 * length (the loop used to compare each number's length with all 29 of them). */
static int is_helpline(const char *d, size_t nd)
{
	static const char *const len2[] = {"15", "17", "18", NULL};
	static const char *const len3[] = {"112", "114", "115", "119", "999", "911", "988", "111", "101", NULL};
	static const char *const len4[] = {"3114", "3919", "3020", "3018", "3977", "0800", "3624", "3646", "3237",
					   "3966", NULL};
	static const char *const len6[] = {"116117", "116123", "116006", "116111", NULL};
	static const char *const len10[] = {
		"0972394050", /* SOS Amitié */
		"0145394000", /* SOS Amitié Île-de-France */
		"0140474646", /* Drogues info service (ligne fixe) */
		NULL};
	static const char *const *const exact[11] = {[2] = len2, [3] = len3, [4] = len4, [6] = len6, [10] = len10};
	if (nd < sizeof exact / sizeof exact[0] && exact[nd])
		for (const char *const *e = exact[nd]; *e; e++)
			if ((*e)[0] == d[0] && memcmp(d, *e, nd) == 0)
				return 1;
	if (nd == 10 && d[0] == '0' && d[1] == '8' && d[2] == '0' && (d[3] == '0' || d[3] == '5' || d[3] == '9'))
		return 1; /* numéros verts 0800, 0805, 0809 */
	if (nd == 11 && (memcmp(d, "0800", 4) == 0 || memcmp(d, "0808", 4) == 0))
		return 1; /* UK freephone 0800, 0808 (0803, 0806... are Nigerian mobiles) */
	if (nd == 11 && memcmp(d, "1800", 4) == 0)
		return 1;
	return 0;
}

/* Every group of g after the first is set off by a space. */
static int same_sep_space(const struct pdigits *g)
{
	for (size_t k = 1; k < g->ng; k++)
		if (g->sep[k] != ' ')
			return 0;
	return 1;
}

const char *priv_phone_kind(const struct pctx *c, const struct pdigits *g)
{
	const char *d = g->d;
	size_t nd = g->nd;
	(void)c;
	if (is_helpline(d, nd))
		return "helpline";
	if (g->plus || (nd > 2 && d[0] == '0' && d[1] == '0')) {
		size_t o = g->plus ? 0 : 2;
		const char *q = d + o;
		size_t nq = nd - o;
		if (nq >= 11 && memcmp(q, "33", 2) == 0) {
			/* +33 (0)6 12 34 56 78: the (0) is written but not dialled */
			size_t rest = nq - 2;
			if (rest == 9 && q[2] != '0')
				return "phone_fr";
			if (rest == 10 && q[2] == '0' && q[3] != '0')
				return "phone_fr";
		}
		if (nq >= 12 && memcmp(q, "44", 2) == 0 && (nq == 12 || (nq == 13 && q[2] == '0')))
			return "phone_uk";
		if (nq == 11 && q[0] == '1' && q[1] >= '2')
			return "phone_us";
		if (nq >= 9 && nq <= 15 && q[0] != '0')
			return "phone_intl";
		return NULL;
	}
	if (nd == 10 && d[0] == '0' && d[1] >= '1' && d[1] <= '9') {
		/* French 0X XX XX XX XX in any grouping; a UK number has 11 digits */
		return "phone_fr";
	}
	if (nd == 11 && d[0] == '0' && (d[1] == '1' || d[1] == '2' || d[1] == '3' || d[1] == '7'))
		return "phone_uk";
	if (nd == 11 && d[0] == '3' && d[1] == '3' && d[2] >= '1' && d[2] <= '9' && g->ng >= 3)
		return "phone_fr"; /* "33 6 12 34 56 78", the + forgotten */
	/* "(555) 014-2290", "555-014-2290", "555.013.4477": the area code in brackets, or three
	 * groups of 3, 3 and 4 digits set off by the same dash or dot, say a US line even when the
	 * exchange is no valid one (numbers made up for an example are written so) */
	if (nd == 10 && d[0] >= '2' && g->ng == 3 && g->glen[0] == 3 && g->glen[1] == 3 && g->glen[2] == 4 &&
	    (g->paren || (g->sep[1] == g->sep[2] && (g->sep[1] == '-' || g->sep[1] == '.'))))
		return "phone_us";
	if (nd == 10 && d[0] >= '2' && d[3] >= '2' && d[0] != '0') {
		/* North American: (415) 555-0132, 415-555-0132, 415.555.0132 */
		if (g->paren || (g->ng == 3 && g->glen[0] == 3 && g->glen[1] == 3 && g->glen[2] == 4 &&
				 g->sep[1] != '/'))
			return "phone_us";
	}
	if (nd == 11 && d[0] == '1' && d[1] >= '2' && g->ng >= 3)
		return "phone_us";
	/* Nigerian mobiles: 0803 412 5567, 08023 665 104 (070x, 080x, 081x, 090x, 091x) */
	/* (written in one piece too, 08023456789, but a 070 one that way is a UK line) */
	if (nd == 11 && d[0] == '0' && d[1] >= '7' && d[1] <= '9' && (d[2] == '0' || d[2] == '1') &&
	    (g->ng >= 2 || d[1] != '7'))
		return "phone_intl";
	/* Senegalese mobiles as written there, 2-3-2-2: 77 654 32 10 (70, 75, 76, 77, 78) */
	if (nd == 9 && d[0] == '7' && strchr("05678", d[1]) && g->ng == 4 && g->glen[0] == 2 && g->glen[1] == 3 &&
	    g->glen[2] == 2 && g->glen[3] == 2 && same_sep_space(g))
		return "phone_intl";
	/* Indian mobiles in two groups of five: 98401 55023 */
	if (nd == 10 && d[0] >= '6' && g->ng == 2 && g->glen[0] == 5 && g->glen[1] == 5 &&
	    (g->sep[1] == ' ' || g->sep[1] == '-'))
		return "phone_intl";
	return NULL;
}
