/*
 * http_problem.c - the one table from enum ent_err to an HTTP status and a problem type, and
 * the problem+json bodies (RFC 9457) with title and detail in French and English.
 * Handlers return an enum ent_err; they never choose a status here.
 */
#include <string.h>

#include "http/http.h"

struct kind {
	const char *slug;
	int status;
	const char *title[2]; /* fr, en */
	const char *detail[2];
};

static const struct kind kinds[] = {
	{"malformed-json", 400, {"JSON mal formé", "Malformed JSON"},
	 {"Le corps de la requête n'est pas un document JSON valide.",
	  "The request body is not a valid JSON document."}},
	{"validation", 422, {"Données invalides", "Invalid data"},
	 {"Certains champs sont absents, en trop ou incorrects.",
	  "Some fields are missing, unexpected or incorrect."}},
	{"body-too-large", 413, {"Requête trop volumineuse", "Request too large"},
	 {"Le corps de la requête dépasse la taille autorisée.",
	  "The request body is larger than allowed."}},
	{"not-found", 404, {"Introuvable", "Not found"},
	 {"Cette ressource n'existe pas.", "This resource does not exist."}},
	{"unsupported-media-type", 415, {"Type de contenu non accepté", "Unsupported media type"},
	 {"Ce type de contenu n'est pas accepté ici : envoyez du JSON (application/json), ou une image là où une image est attendue.",
	  "This content type is not accepted here: send JSON (application/json), or a picture where a picture is expected."}},
	{"method-not-allowed", 405, {"Méthode non autorisée", "Method not allowed"},
	 {"Cette méthode n'est pas acceptée pour cette adresse.",
	  "This method is not accepted for this address."}},
	{"unauthenticated", 401, {"Connexion requise", "Authentication required"},
	 {"Identifiants incorrects ou session absente ou expirée.",
	  "Wrong credentials, or no session or an expired one."}},
	{"forbidden", 403, {"Accès refusé", "Forbidden"},
	 {"Votre compte ne permet pas cette action.", "Your account does not allow this action."}},
	{"csrf", 403, {"Jeton CSRF manquant ou invalide", "Missing or invalid CSRF token"},
	 {"Rechargez la page puis réessayez.", "Reload the page and try again."}},
	{"rate-limited", 429, {"Trop de tentatives", "Too many attempts"},
	 {"Patientez avant de réessayer.", "Wait before trying again."}},
	{"conflict", 409, {"Conflit", "Conflict"},
	 {"La demande entre en conflit avec l'état actuel.",
	  "The request conflicts with the current state."}},
	{"handle-taken", 409, {"Pseudonyme déjà pris", "Handle already taken"},
	 {"Choisissez un autre pseudonyme.", "Choose another handle."}},
	{"handle-identifying", 422, {"Pseudonyme trop révélateur", "Handle gives you away"},
	 {"Ce pseudonyme permettrait de vous reconnaître (nom et prénom, contact, numéro, année de naissance) : choisissez-en un autre.",
	  "This handle could tell people who you are (first name and surname, contact, number, year of birth): choose another one."}},
	{"handle-confirm", 422, {"Pseudonyme à confirmer", "Handle to confirm"},
	 {"Ce pseudonyme contient peut-être un prénom, un nom ou une année de naissance : gardez-le seulement s'il ne vous désigne pas.",
	  "This handle may hold a first name, a surname or a year of birth: keep it only if it does not point to you."}},
	{"otp-required", 401, {"Code de connexion requis", "Log-in code required"},
	 {"Ce compte utilise la double authentification : donnez le code de votre application, ou un code de secours.",
	  "This account uses two-factor authentication: give the code of your app, or a recovery code."}},
	{"otp-invalid", 401, {"Code de connexion incorrect", "Wrong log-in code"},
	 {"Ce code ne convient pas : vérifiez l'heure de votre téléphone, ou utilisez un code de secours.",
	  "This code does not match: check your phone's clock, or use a recovery code."}},
	{"link-invalid", 410, {"Lien expiré ou déjà utilisé", "Link expired or already used"},
	 {"Ce lien n'est plus valable : demandez-en un nouveau.",
	  "This link is no longer valid: ask for a new one."}},
	{"slug-taken", 409, {"Identifiant déjà pris", "Identifier already taken"},
	 {"Un autre élément porte déjà cet identifiant d'adresse : choisissez-en un autre.",
	  "Something else already has this address identifier: choose another one."}},
	{"space-archived", 409, {"Espace archivé", "Archived space"},
	 {"Cet espace est archivé : on peut le lire, mais plus y écrire.",
	  "This space is archived: it can be read, but no longer written in."}},
	{"messages-limited", 403, {"Messages privés limités", "Direct messages limited"},
	 {"Les messages privés ne sont pas possibles entre ces comptes.",
	  "Direct messages are not possible between these accounts."}},
	{"identifiers-found", 422, {"Identifiants détectés", "Identifiers found"},
	 {"Le texte contient des éléments qui permettent de reconnaître quelqu'un. Retirez-les, "
	  "acceptez le masquage proposé (\"redact\": true) ou, s'il ne reste que des indices "
	  "indirects, confirmez (\"acknowledge_quasi\": true).",
	  "The text holds details that could identify someone. Remove them, accept the proposed "
	  "redaction (\"redact\": true) or, when only indirect clues remain, confirm "
	  "(\"acknowledge_quasi\": true)."}},
	{"image-rejected", 422, {"Image refusée", "Picture rejected"},
	 {"Cette image ne peut pas être lue sans risque.", "not a usable picture"}},
	{"internal", 500, {"Erreur interne", "Internal error"},
	 {"Une erreur inattendue s'est produite ; réessayez plus tard.",
	  "An unexpected error occurred; try again later."}},
	{"unavailable", 503, {"Service indisponible", "Service unavailable"},
	 {"Le service est momentanément indisponible.", "The service is temporarily unavailable."}},
};

const char *const http_problem_slugs[] = {
	"malformed-json", "validation", "body-too-large", "unsupported-media-type", "not-found",
	"method-not-allowed",
	"unauthenticated", "forbidden", "csrf", "rate-limited", "conflict", "handle-taken",
	"handle-identifying", "handle-confirm", "slug-taken", "space-archived",
	"messages-limited", "identifiers-found", "image-rejected", "internal", "unavailable", NULL,
};

static const char *const by_err[ENT_ERR__COUNT] = {
	[ENT_EINVAL] = "validation",
	[ENT_EUTF8] = "validation",
	[ENT_EJSON] = "malformed-json",
	[ENT_ETOODEEP] = "malformed-json",
	[ENT_ETOOBIG] = "body-too-large",
	[ENT_EFORMAT] = "validation",
	[ENT_ETRUNCATED] = "validation",
	[ENT_ENOTFOUND] = "not-found",
	[ENT_EEXIST] = "conflict",
	[ENT_ECONFLICT] = "conflict",
	[ENT_EAUTH] = "unauthenticated",
	[ENT_EPERM] = "forbidden",
	[ENT_ECSRF] = "csrf",
	[ENT_ERATE] = "rate-limited",
	[ENT_ETIMEOUT] = "unavailable",
	[ENT_EBUSY] = "unavailable",
};

const char *http_problem_slug(enum ent_err err)
{
	if ((unsigned)err < ENT_ERR__COUNT && by_err[err])
		return by_err[err];
	return "internal";
}

static const struct kind *find(const char *slug)
{
	const struct kind *internal = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kinds[i].slug, slug) == 0)
			return &kinds[i];
		if (strcmp(kinds[i].slug, "internal") == 0)
			internal = &kinds[i];
	}
	return internal;
}

int http_problem_status(const char *slug)
{
	return find(slug)->status;
}

void http_problem_detail(struct http_req *r, const char *slug, enum http_lang lang,
			 const char *detail, const char *extra)
{
	const struct kind *k = find(slug);
	struct buf b;
	buf_init(&b, HTTP_PROBLEM_MAX);
	buf_printf(&b, "{\"type\":\"/problems/%s\",\"title\":", k->slug);
	buf_json_cstr(&b, k->title[lang]);
	buf_printf(&b, ",\"status\":%d,\"detail\":", k->status);
	buf_json_cstr(&b, detail ? detail : k->detail[lang]);
	if (extra) {
		buf_putc(&b, ',');
		buf_puts(&b, extra);
	}
	buf_putc(&b, '}');
	if (buf_err(&b)) {
		buf_clear(&b);
		if (strcmp(k->slug, "internal")) {
			http_problem_detail(r, "internal", lang, NULL, NULL);
			return;
		}
		buf_puts(&b, "{\"type\":\"/problems/internal\",\"status\":500}");
	}
	http_reply_json(r, k->status, &b);
	r->content_type = "application/problem+json";
	r->is_api = true;
	r->out_static = NULL;
}

void http_problem(struct http_req *r, const char *slug, enum http_lang lang, const char *extra)
{
	http_problem_detail(r, slug, lang, NULL, extra);
}
