/*
 * api_register.c - GET /api/v1/admin/register: the register of processing (GDPR art. 30) as
 * this instance actually runs it, for its administrators: for each kind of data, what is kept,
 * where, in what form (sealed: encrypted at rest with a key derived from the instance master
 * key; hashed: only a keyed or password hash; plain), for how long (from the running settings,
 * each space's and each desk's retention) and who can read it. docs/privacy-register.md is the
 * same with the defaults; keep both in step with api_purge.c.
 * Not responsible for: enforcing the periods (api_purge.c).
 */
#include <string.h>

#include "api/api_handlers.h"
#include "community/comm_retention.h"
#include "desk/desk_retention.h"

enum keep {
	KEEP_ACCOUNT,       /* until the account is deleted */
	KEEP_AUTHOR,        /* until its author deletes it or the account */
	KEEP_SPACES,        /* each space's retention */
	KEEP_DESK,          /* each institution's retention after resolution */
	KEEP_SESSION,       /* 14 days after last use */
	KEEP_NOTIFICATIONS, /* notification_days */
	KEEP_MODERATION,    /* moderation_log_days */
	KEEP_FOREVER,       /* no personal data */
	KEEP_MEMORY,        /* in memory only */
	KEEP_MAIL,          /* address and link until sent, the row MAIL_KEEP_DAYS */
	KEEP_TOKEN,         /* until used or expired */
};

struct entry {
	const char *id;
	const char *what[2];
	const char *where;
	const char *form; /* sealed, hashed, plain, file */
	enum keep keep;
	const char *readers[2];
};

static const struct entry entries[] = {
	{"email", {"Adresse e-mail", "E-mail address"}, "entraide.db: accounts.email_enc, email_hash",
	 "sealed", KEEP_ACCOUNT,
	 {"Personne (ouverte seulement pour l’export de son titulaire)",
	  "Nobody (opened only for its owner's export)"}},
	{"handle", {"Pseudonyme, langue, date d’inscription", "Handle, language, sign-up date"},
	 "entraide.db: accounts", "plain", KEEP_ACCOUNT,
	 {"Tous (le pseudonyme signe les messages)", "Everyone (the handle signs posts)"}},
	{"password", {"Mot de passe", "Password"}, "entraide.db: accounts.password_hash", "hashed",
	 KEEP_ACCOUNT, {"Personne (Argon2id)", "Nobody (Argon2id)"}},
	{"sessions", {"Sessions", "Sessions"}, "entraide.db: sessions.token_hash", "hashed",
	 KEEP_SESSION, {"Personne", "Nobody"}},
	{"roles", {"Rôles", "Roles"}, "entraide.db: account_roles", "plain", KEEP_ACCOUNT,
	 {"Administrateurs", "Administrators"}},
	{"posts", {"Messages des communautés, leur historique, réactions", "Community posts, their history, reactions"},
	 "entraide.db: threads, posts, post_revisions, reactions, posts_fts", "plain", KEEP_SPACES,
	 {"Lecteurs de l’espace (public, membres ou professionnels vérifiés)",
	  "Readers of the space (public, members or verified professionals)"}},
	{"follows", {"Fils suivis", "Followed threads"}, "entraide.db: follows", "plain", KEEP_ACCOUNT,
	 {"Le membre", "The member"}},
	{"notifications", {"Notifications", "Notifications"}, "entraide.db: notifications", "plain",
	 KEEP_NOTIFICATIONS, {"Le membre", "The member"}},
	{"reports", {"Signalements et journal de modération", "Reports and moderation log"},
	 "entraide.db: reports, report_marks, moderation_log", "plain", KEEP_MODERATION,
	 {"Modérateurs (l’auteur d’un signalement n’est jamais montré)",
	  "Moderators (a reporter is never shown)"}},
	{"desk", {"Demandes aux établissements et leurs messages", "Requests to institutions and their messages"},
	 "entraide.db: desk_requests.details_enc, desk_messages.body_enc", "sealed", KEEP_DESK,
	 {"Le demandeur et les chargés de relation de l’établissement",
	  "The requester and the institution's community managers"}},
	{"desk_public", {"Avis publics sur un établissement", "Public reviews of an institution"},
	 "entraide.db: desk_public", "plain", KEEP_AUTHOR, {"Tous", "Everyone"}},
	{"media", {"Images envoyées (nettoyées : sans métadonnées, visages couverts)",
		   "Uploaded pictures (sanitized: no metadata, faces covered)"},
	 "media/ab/cdef… (named by their BLAKE2b hash)", "file", KEEP_ACCOUNT,
	 {"Leur auteur", "Their author"}},
	{"messages", {"Messages privés (chiffrés de bout en bout), clés publiques, sauvegarde chiffrée des clés, blocages",
		      "Private messages (end-to-end encrypted), public keys, encrypted key backup, blocks"},
	 "entraide.db: msg_messages, msg_envelopes, msg_keys, msg_key_changes, msg_key_backups, "
	 "msg_conversations, msg_members, msg_blocks", "sealed", KEEP_AUTHOR,
	 {"Personne sur le serveur (chiffré dans le navigateur) ; le contenu : les membres de la conversation",
	  "Nobody on the server (encrypted in the browser); the content: the conversation's members"}},
	{"verification", {"Vérification professionnelle (numéro RPPS)", "Professional verification (RPPS number)"},
	 "entraide.db: pro_verifications", "plain", KEEP_ACCOUNT,
	 {"Administrateurs ; le badge seul est public", "Administrators; only the badge is public"}},
	{"cases", {"Cas cliniques dé-identifiés, réponses, photos, consentements des patients",
		   "De-identified cases, answers, photos, patients' consents"},
	 "entraide.db: pro_cases, pro_case_answers, pro_case_photos, pro_case_consents", "plain",
	 KEEP_AUTHOR, {"Professionnels vérifiés ; le consentement : son auteur",
		       "Verified professionals; the consent: its recorder"}},
	{"courses", {"Progression dans les formations, certificats", "Progress in courses, certificates"},
	 "entraide.db: course_progress, course_certificates", "plain", KEEP_ACCOUNT,
	 {"Le membre seul", "The member only"}},
	{"age_band", {"Tranche d’âge (jamais de date de naissance)", "Age band (never a birth date)"},
	 "entraide.db: account_age_bands", "plain", KEEP_ACCOUNT,
	 {"Le membre ; les campagnes ne comptent que des totaux par tranche",
	  "The member; campaigns count totals per band only"}},
	{"consents", {"Consentements du membre", "The member's consents"}, "entraide.db: consents",
	 "plain", KEEP_ACCOUNT, {"Le membre", "The member"}},
	{"mail_queue", {"File d’envoi des e-mails", "E-mail queue"}, "entraide.db: mail_queue",
	 "sealed", KEEP_MAIL,
	 {"Administrateurs, sans adresse ni lien", "Administrators, without address nor link"}},
	{"email_tokens", {"Liens de confirmation et de réinitialisation", "Confirmation and reset links"},
	 "entraide.db: email_tokens, accounts.email_confirmed_at", "hashed", KEEP_TOKEN,
	 {"Personne", "Nobody"}},
	{"totp", {"Double authentification : clé et codes de secours", "Two-factor key and recovery codes"},
	 "entraide.db: account_totp.secret_enc, totp_recovery_codes", "sealed", KEEP_ACCOUNT,
	 {"Personne", "Nobody"}},
	{"tombstones", {"Comptes supprimés (pour les restaurations)", "Deleted accounts (for restores)"},
	 "entraide.db: account_tombstones", "hashed", KEEP_FOREVER,
	 {"Personne (aucune donnée personnelle)", "Nobody (no personal data)"}},
	{"limits", {"Compteurs de tentatives de connexion et d’inscription", "Log-in and sign-up attempt counters"},
	 "memory", "hashed", KEEP_MEMORY, {"Personne", "Nobody"}},
	{"logs", {"Journaux techniques", "Technical logs"}, "stderr", "plain", KEEP_MEMORY,
	 {"L’opérateur (sans e-mail, adresse IP, pseudonyme ni contenu)",
	  "The operator (no e-mail, IP address, handle or content)"}},
};

static const char *const keep_text[][2] = {
	[KEEP_ACCOUNT] = {"Jusqu’à la suppression du compte", "Until the account is deleted"},
	[KEEP_AUTHOR] = {"Jusqu’à sa suppression par l’auteur ou celle du compte",
			 "Until its author deletes it or the account"},
	[KEEP_SPACES] = {"Selon l’espace (voir la liste des espaces) ; sinon jusqu’à sa suppression",
			 "Per space (see the list of spaces); otherwise until deleted"},
	[KEEP_DESK] = {"Selon l’établissement, après la clôture (voir la liste des guichets)",
		       "Per institution, after resolution (see the list of desks)"},
	[KEEP_SESSION] = {"14 jours après la dernière utilisation", "14 days after last use"},
	[KEEP_NOTIFICATIONS] = {"jours", "days"},
	[KEEP_MODERATION] = {"jours", "days"},
	[KEEP_FOREVER] = {"Sans limite (aucune donnée personnelle)", "No limit (no personal data)"},
	[KEEP_MEMORY] = {"En mémoire seulement, jamais écrit par l’instance",
			 "In memory only, never written by the instance"},
	[KEEP_MAIL] = {"Adresse et lien effacés dès l’envoi (ou après 8 essais) ; la ligne 7 jours",
		       "Address and link erased once sent (or after 8 tries); the row 7 days"},
	[KEEP_TOKEN] = {"Jusqu’à son usage ou son expiration (30 minutes, 7 jours)",
			"Until used or expired (30 minutes, 7 days)"},
};

static void write_entry(struct api_req *q, struct buf *b, const struct entry *e, bool first)
{
	int l = q->lang == HTTP_LANG_EN;
	buf_printf(b, "%s{\"id\":\"%s\",\"what\":", first ? "" : ",", e->id);
	buf_json_cstr(b, e->what[l]);
	buf_puts(b, ",\"where\":");
	buf_json_cstr(b, e->where);
	buf_printf(b, ",\"form\":\"%s\",\"retention\":", e->form);
	char text[160];
	unsigned days = e->keep == KEEP_NOTIFICATIONS ? q->app->cfg.notification_days
			: e->keep == KEEP_MODERATION  ? q->app->cfg.moderation_log_days
						      : 0;
	if (days) {
		snprintf(text, sizeof text, "%u %s", days, keep_text[e->keep][l]);
		buf_json_cstr(b, text);
		buf_printf(b, ",\"retention_days\":%u", days);
	} else {
		buf_json_cstr(b, keep_text[e->keep][l]);
	}
	buf_puts(b, ",\"readers\":");
	buf_json_cstr(b, e->readers[l]);
	buf_putc(b, '}');
}

struct list {
	struct buf *b;
	size_t n;
};

static void write_item(struct list *l, const char *slug, const char *name, const char *visibility,
		       int64_t days)
{
	struct buf *b = l->b;
	buf_puts(b, l->n++ ? ",{\"slug\":" : "{\"slug\":");
	buf_json_cstr(b, slug);
	buf_puts(b, ",\"name\":");
	buf_json_cstr(b, name);
	if (visibility) {
		buf_puts(b, ",\"visibility\":");
		buf_json_cstr(b, visibility);
	}
	buf_printf(b, ",\"retention_days\":%lld}", (long long)days);
}

static enum ent_err write_space(void *arg, const struct comm_space_retention *s)
{
	write_item(arg, s->slug, s->name, s->visibility, s->days);
	return ENT_OK;
}

static enum ent_err write_desk(void *arg, const struct desk_retention *d)
{
	write_item(arg, d->slug, d->name, NULL, d->days);
	return ENT_OK;
}

enum ent_err api_admin_register(struct api_req *q)
{
	struct buf b;
	buf_init(&b, 1024 * 1024);
	buf_puts(&b, "{\"instance\":");
	buf_json_cstr(&b, q->app->cfg.name);
	buf_printf(&b, ",\"settings\":{\"notification_days\":%u,\"moderation_log_days\":%u,"
		   "\"session_days\":%d,\"desk_retention_default\":%d,\"backup_expiry_default\":30,"
		   "\"purge_every_hours\":1},\"entries\":[",
		   q->app->cfg.notification_days, q->app->cfg.moderation_log_days,
		   API_SESSION_TTL / 86400, API_DESK_RETENTION_DEFAULT);
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
		write_entry(q, &b, &entries[i], i == 0);
	buf_puts(&b, "],\"spaces\":[");
	struct list spaces = {&b, 0}, desks = {&b, 0};
	enum ent_err err = comm_space_retention_each(q->db, write_space, &spaces);
	buf_puts(&b, "],\"desks\":[");
	if (!err)
		err = desk_retention_each(q->db, write_desk, &desks);
	buf_puts(&b, "]}");
	return api_reply_or_drop(q, &b, err);
}
