/*
 * rights_export.c - the reads of a member's data export, in keyset pages; see rights.h.
 *
 * Each section's statement returns its key first (two integers: the order of the page walk),
 * then the columns the member sees. ?1 is the account, ?2 the current session, ?3 and ?4 the
 * last key read, ?5 the page's size. A section without ?3 (roles: a handful) is read in one
 * page.
 */
#include "rights/rights.h"

#include <stdio.h>
#include <string.h>

const struct rights_section rights_sections[] = {
	{"roles", {"Rôles", "Roles"}, {{"role", 't'}, {"institution", 't'}, {"granted_at", 'd'}}},
	{"sessions", {"Sessions ouvertes", "Open sessions"},
	 {{"created_at", 'd'}, {"expires_at", 'd'}, {"current", 'b'}}},
	{"threads", {"Fils ouverts", "Threads started"},
	 {{"id", 'i'}, {"space", 't'}, {"title", 't'}, {"created_at", 'd'}}},
	{"posts", {"Messages", "Posts"},
	 {{"id", 'i'}, {"thread", 'i'}, {"thread_title", 't'}, {"space", 't'}, {"body", 't'},
	  {"label", 't'}, {"redacted", 'b'}, {"created_at", 'd'}, {"edited_at", 'd'},
	  {"deleted_at", 'd'}, {"hidden_at", 'd'}}},
	{"post_history", {"Versions précédentes des messages", "Earlier versions of posts"},
	 {{"post", 'i'}, {"body", 't'}, {"written_at", 'd'}}},
	{"reactions", {"Réactions", "Reactions"}, {{"post", 'i'}, {"kind", 't'}, {"created_at", 'd'}}},
	{"follows", {"Fils suivis", "Followed threads"},
	 {{"thread", 'i'}, {"title", 't'}, {"last_read_post", 'i'}}},
	{"notifications", {"Notifications", "Notifications"},
	 {{"id", 'i'}, {"kind", 't'}, {"thread", 'n'}, {"post", 'n'}, {"created_at", 'd'},
	  {"read_at", 'd'}}},
	{"reports", {"Signalements faits", "Reports made"},
	 {{"post", 'i'}, {"reason", 't'}, {"created_at", 'd'}, {"resolved_at", 'd'},
	  {"resolution", 't'}}},
	{"desk_public", {"Messages publics aux établissements", "Public messages to institutions"},
	 {{"institution", 't'}, {"body", 't'}, {"reply", 't'}, {"created_at", 'd'},
	  {"replied_at", 'd'}}},
	{"verification", {"Vérification professionnelle", "Professional verification"},
	 {{"profession", 't'}, {"specialty", 't'}, {"rpps", 't'}, {"status", 't'}, {"reason", 't'},
	  {"verified_by", 't'}, {"created_at", 'd'}, {"decided_at", 'd'}}},
	{"cases", {"Cas cliniques", "Cases"},
	 {{"id", 'i'}, {"space", 't'}, {"title", 't'}, {"body", 't'}, {"status", 't'},
	  {"created_at", 'd'}, {"closed_at", 'd'}}},
	{"case_answers", {"Réponses aux cas", "Answers to cases"},
	 {{"case", 'i'}, {"body", 't'}, {"created_at", 'd'}}},
	{"case_consents", {"Consentements de patients enregistrés", "Patient consents recorded"},
	 {{"case", 'i'}, {"who", 't'}, {"how", 't'}, {"given_on", 't'}, {"recorded_at", 'd'}}},
	{"case_photos", {"Photos de cas", "Case photos"},
	 {{"id", 'i'}, {"case", 'i'}, {"mime", 't'}, {"width", 'i'}, {"height", 'i'},
	  {"status", 't'}, {"created_at", 'd'}}},
	{"consents", {"Consentements", "Consents"},
	 {{"purpose", 't'}, {"given_at", 'd'}, {"withdrawn_at", 'd'}}},
	{"course_progress", {"Formations : progression", "Courses: progress"},
	 {{"course", 't'}, {"lesson", 't'}, {"score", 'i'}, {"questions", 'i'}, {"done_at", 'd'}}},
	{"course_certificates", {"Certificats de formation", "Course certificates"},
	 {{"course", 't'}, {"institution", 't'}, {"holder", 't'}, {"date", 't'}}},
	{"media", {"Images envoyées", "Pictures uploaded"},
	 {{"id", 'i'}, {"format", 't'}, {"width", 'i'}, {"height", 'i'}, {"bytes", 'i'},
	  {"created_at", 'd'}, {"file", 'f'}}},
	{"desk_files", {"Documents reçus des établissements", "Documents from institutions"},
	 {{"request", 'i'}, {"message", 'i'}, {"name", 't'}, {"type", 't'}, {"size", 'i'},
	  {"file", 'f'}}},
	/* direct messages (issue 20): as the server holds them, ciphertexts and metadata; the
	 * member's browser (or their key backup, sealed under their passphrase) opens them */
	{"message_keys", {"Clés publiques des messages", "Message public keys"},
	 {{"version", 'i'}, {"x25519", 't'}, {"ed25519", 't'}, {"changed_at", 'd'}}},
	{"message_key_backup", {"Sauvegarde chiffrée des clés", "Encrypted key backup"},
	 {{"salt", 't'}, {"nonce", 't'}, {"sealed", 't'}, {"opslimit", 'i'}, {"memlimit", 'i'},
	  {"updated_at", 'd'}}},
	{"message_blocks", {"Comptes bloqués", "Blocked accounts"},
	 {{"handle", 't'}, {"since", 'd'}}},
	{"conversations", {"Conversations privées", "Private conversations"},
	 {{"conversation", 'i'}, {"member", 't'}, {"joined_at", 'd'}}},
	{"messages", {"Messages privés (chiffrés)", "Private messages (encrypted)"},
	 {{"id", 'i'}, {"conversation", 'i'}, {"sender", 't'}, {"sender_key", 'i'}, {"nonce", 't'},
	  {"ciphertext", 't'}, {"sealed_key", 't'}, {"created_at", 'd'}, {"expires_at", 'd'}}},
};
const size_t rights_n_sections = sizeof rights_sections / sizeof rights_sections[0];

/* The path of a delivered document in the archive (rights_next_desk_file uses it too). */
#define DESK_FILE_PATH "'desk/' || r.id || '/' || f.message_id || '-' || f.name"
#define DESK_FILE_FROM                                                                          \
	"FROM desk_requests r JOIN desk_messages m ON m.request_id = r.id "                     \
	"JOIN desk_files f ON f.message_id = m.id WHERE r.requester_id = ?1 AND m.kind = 'document' "

/* Declared one by one (scripts/list_stmts.py finds them for the query-plan test). */
static const struct store_stmt Q_ROLES = {
	"export.roles",
	"SELECT 0, 0, r.role, coalesce(i.slug, ''), r.granted_at FROM account_roles r "
	"LEFT JOIN institutions i ON i.id = r.institution_id WHERE r.account_id = ?1 "
	"ORDER BY r.role LIMIT ?5"};
static const struct store_stmt Q_SESSIONS = {
	"export.sessions",
	"SELECT id, 0, created_at, expires_at, id = ?2 FROM sessions WHERE account_id = ?1 "
	"AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_THREADS = {
	"export.threads",
	"SELECT t.id, 0, t.id, s.slug, t.title, t.created_at FROM threads t "
	"JOIN spaces s ON s.id = t.space_id WHERE t.author_id = ?1 AND t.id > ?3 ORDER BY t.id "
	"LIMIT ?5"};
static const struct store_stmt Q_POSTS = {
	"export.posts",
	"SELECT p.id, 0, p.id, p.thread_id, t.title, s.slug, p.body, p.label, p.redacted, "
	"p.created_at, p.edited_at, p.deleted_at, p.hidden_at FROM posts p "
	"JOIN threads t ON t.id = p.thread_id JOIN spaces s ON s.id = t.space_id "
	"WHERE p.author_id = ?1 AND p.id > ?3 ORDER BY p.id LIMIT ?5"};
static const struct store_stmt Q_POST_HISTORY = {
	"export.post_history",
	"SELECT p.id, r.id, r.post_id, r.body, r.created_at FROM posts p "
	"JOIN post_revisions r ON r.post_id = p.id WHERE p.author_id = ?1 AND p.id >= ?3 "
	"AND (p.id > ?3 OR r.id > ?4) ORDER BY p.id, r.id LIMIT ?5"};
static const struct store_stmt Q_REACTIONS = {
	"export.reactions",
	"SELECT post_id, CASE kind WHEN 'merci' THEN 0 WHEN 'soutien' THEN 1 ELSE 2 END, post_id, "
	"kind, created_at FROM reactions WHERE account_id = ?1 AND post_id >= ?3 AND (post_id > ?3 "
	"OR CASE kind WHEN 'merci' THEN 0 WHEN 'soutien' THEN 1 ELSE 2 END > ?4) "
	"ORDER BY post_id, kind LIMIT ?5"};
static const struct store_stmt Q_FOLLOWS = {
	"export.follows",
	"SELECT f.thread_id, 0, f.thread_id, t.title, f.last_read_id FROM follows f "
	"JOIN threads t ON t.id = f.thread_id WHERE f.account_id = ?1 AND f.thread_id > ?3 "
	"ORDER BY f.thread_id LIMIT ?5"};
/* The same notifications as GET /api/v1/notifications (comm_notify_store.c, migration 0104):
 * replies read from the followed threads (no time of reading is kept for them: read_at is
 * null) and moderation rows, keyed by post (post * 2, post * 2 + 1). */
static const struct store_stmt Q_NOTIFICATIONS = {
	"export.notifications",
	"SELECT k, 0, k, kind, thread_id, post_id, created_at, read_at FROM ("
	"SELECT p.id * 2 AS k, 'reply' AS kind, p.thread_id AS thread_id, p.id AS post_id, "
	"p.created_at AS created_at, NULL AS read_at FROM follows f "
	"JOIN posts p ON p.thread_id = f.thread_id AND p.id > f.notify_from "
	"WHERE f.account_id = ?1 AND p.id * 2 > ?3 AND (p.author_id IS NULL OR p.author_id <> ?1) "
	"AND p.hidden_at IS NULL AND p.deleted_at IS NULL "
	"UNION ALL "
	"SELECT n.post_id * 2 + 1, n.kind, n.thread_id, n.post_id, n.created_at, n.read_at "
	"FROM notifications n WHERE n.account_id = ?1 AND n.post_id * 2 + 1 > ?3) x "
	"ORDER BY k LIMIT ?5"};
static const struct store_stmt Q_REPORTS = {
	"export.reports",
	"SELECT id, 0, post_id, reason, created_at, resolved_at, coalesce(resolution, '') "
	"FROM reports WHERE reporter_id = ?1 AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_DESK_PUBLIC = {
	"export.desk_public",
	"SELECT d.id, 0, i.slug, d.body, coalesce(d.reply, ''), d.created_at, d.replied_at "
	"FROM desk_public d JOIN institutions i ON i.id = d.institution_id WHERE d.author_id = ?1 "
	"AND d.id > ?3 ORDER BY d.id LIMIT ?5"};
static const struct store_stmt Q_VERIFICATION = {
	"export.verification",
	"SELECT id, 0, profession, specialty, rpps, status, reason, verified_by, created_at, "
	"decided_at FROM pro_verifications WHERE account_id = ?1 AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_CASES = {
	"export.cases",
	"SELECT id, 0, id, space, title, body, status, created_at, closed_at FROM pro_cases "
	"WHERE author_id = ?1 AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_CASE_ANSWERS = {
	"export.case_answers",
	"SELECT id, 0, case_id, body, created_at FROM pro_case_answers WHERE author_id = ?1 "
	"AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_CASE_CONSENTS = {
	"export.case_consents",
	"SELECT case_id, 0, case_id, who, how, given_on, recorded_at FROM pro_case_consents "
	"WHERE recorded_by = ?1 AND case_id > ?3 ORDER BY case_id LIMIT ?5"};
static const struct store_stmt Q_CASE_PHOTOS = {
	"export.case_photos",
	"SELECT id, 0, id, case_id, mime, width, height, status, created_at FROM pro_case_photos "
	"WHERE author_id = ?1 AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_CONSENTS = {
	"export.consents",
	"SELECT id, 0, purpose, given_at, withdrawn_at FROM consents WHERE account_id = ?1 "
	"AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_COURSE_PROGRESS = {
	"export.course_progress",
	"SELECT p.lesson_id, 0, c.slug, l.slug, p.score, p.questions, p.done_at FROM course_progress p "
	"JOIN course_lessons l ON l.id = p.lesson_id JOIN courses c ON c.id = p.course_id "
	"WHERE p.account_id = ?1 AND p.lesson_id > ?3 ORDER BY p.lesson_id LIMIT ?5"};
static const struct store_stmt Q_COURSE_CERTIFICATES = {
	"export.course_certificates",
	"SELECT x.id, 0, c.slug, i.slug, x.holder, x.date FROM course_certificates x "
	"JOIN courses c ON c.id = x.course_id JOIN institutions i ON i.id = x.institution_id "
	"WHERE x.account_id = ?1 AND x.id > ?3 ORDER BY x.id LIMIT ?5"};
static const struct store_stmt Q_MEDIA = {
	"export.media",
	"SELECT id, 0, id, format, width, height, bytes, created_at, "
	"'media/' || id || '.' || format FROM media WHERE account_id = ?1 AND id > ?3 ORDER BY id "
	"LIMIT ?5"};
static const struct store_stmt Q_DESK_FILES = {
	"export.desk_files",
	"SELECT f.message_id, 0, r.id, f.message_id, f.name, f.type, f.size, " DESK_FILE_PATH " "
	 DESK_FILE_FROM "AND f.message_id > ?3 ORDER BY f.message_id LIMIT ?5"};

static const struct store_stmt Q_MSG_KEYS = {
	"export.msg_keys",
	"SELECT id, 0, version, box_pk, sign_pk, changed_at FROM msg_key_changes "
	"WHERE account_id = ?1 AND id > ?3 ORDER BY id LIMIT ?5"};
static const struct store_stmt Q_MSG_KEY_BACKUP = {
	"export.msg_key_backup",
	"SELECT 0, 0, salt, nonce, sealed, opslimit, memlimit, updated_at FROM msg_key_backups "
	"WHERE account_id = ?1 LIMIT ?5"};
static const struct store_stmt Q_MSG_BLOCKS = {
	"export.msg_blocks",
	"SELECT b.blocked_id, 0, a.handle, b.created_at FROM msg_blocks b "
	"JOIN accounts a ON a.id = b.blocked_id WHERE b.blocker_id = ?1 AND b.blocked_id > ?3 "
	"ORDER BY b.blocked_id LIMIT ?5"};
static const struct store_stmt Q_MSG_CONVERSATIONS = {
	"export.msg_conversations",
	"SELECT o.conversation_id, o.account_id, o.conversation_id, a.handle, o.joined_at "
	"FROM msg_members o JOIN accounts a ON a.id = o.account_id WHERE o.conversation_id IN "
	"(SELECT conversation_id FROM msg_members WHERE account_id = ?1) AND o.conversation_id >= ?3 "
	"AND (o.conversation_id > ?3 OR o.account_id > ?4) ORDER BY o.conversation_id, o.account_id "
	"LIMIT ?5"};
static const struct store_stmt Q_MSG_MESSAGES = {
	"export.msg_messages",
	"SELECT e.message_id, 0, x.id, x.conversation_id, a.handle, x.sender_key, x.nonce, x.body, "
	"e.sealed, x.created_at, x.expires_at FROM msg_envelopes e "
	"JOIN msg_messages x ON x.id = e.message_id JOIN accounts a ON a.id = x.sender_id "
	"WHERE e.account_id = ?1 AND e.message_id > ?3 ORDER BY e.message_id LIMIT ?5"};

/* In the order of rights_sections. */
static const struct store_stmt *const section_stmts[] = {
	&Q_ROLES,
	&Q_SESSIONS,
	&Q_THREADS,
	&Q_POSTS,
	&Q_POST_HISTORY,
	&Q_REACTIONS,
	&Q_FOLLOWS,
	&Q_NOTIFICATIONS,
	&Q_REPORTS,
	&Q_DESK_PUBLIC,
	&Q_VERIFICATION,
	&Q_CASES,
	&Q_CASE_ANSWERS,
	&Q_CASE_CONSENTS,
	&Q_CASE_PHOTOS,
	&Q_CONSENTS,
	&Q_COURSE_PROGRESS,
	&Q_COURSE_CERTIFICATES,
	&Q_MEDIA,
	&Q_DESK_FILES,
	&Q_MSG_KEYS,
	&Q_MSG_KEY_BACKUP,
	&Q_MSG_BLOCKS,
	&Q_MSG_CONVERSATIONS,
	&Q_MSG_MESSAGES,
};
_Static_assert(sizeof section_stmts / sizeof section_stmts[0] ==
		       sizeof rights_sections / sizeof rights_sections[0],
	       "one statement per section");

static size_t n_cols(const struct rights_section *s)
{
	size_t n = 0;
	while (n < RIGHTS_COLS_MAX && s->cols[n].name)
		n++;
	return n;
}

enum ent_err rights_section_page(struct store_conn *c, size_t i, int64_t account, int64_t session,
				 struct rights_cursor *cur, size_t limit,
				 void (*fn)(const struct rights_row *row, void *arg), void *arg)
{
	if (i >= rights_n_sections)
		return ENT_EINVAL;
	if (cur->done)
		return ENT_OK;
	const struct store_stmt *stmt = section_stmts[i];
	const struct rights_section *sec = &rights_sections[i];
	bool paged = strstr(stmt->sql, "?3") != NULL;
	struct store_q *q;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	if (strstr(stmt->sql, "?2"))
		store_q_bind_int(q, 2, session);
	if (paged)
		store_q_bind_int(q, 3, cur->k1);
	if (strstr(stmt->sql, "?4"))
		store_q_bind_int(q, 4, cur->k2);
	store_q_bind_int(q, 5, (int64_t)limit);
	size_t cols = n_cols(sec), got = 0;
	bool row;
	char path[ZIP_NAME_MAX + 1];
	while (!(err = store_q_step(q, &row)) && row) {
		struct rights_row r;
		memset(&r, 0, sizeof r);
		cur->k1 = store_q_int(q, 0);
		cur->k2 = store_q_int(q, 1);
		for (size_t k = 0; k < cols; k++) {
			int col = (int)k + 2;
			r.v[k].null = store_q_is_null(q, col);
			r.v[k].i = store_q_int(q, col);
			r.v[k].s = store_q_text(q, col, &r.v[k].len);
			if (!r.v[k].s)
				r.v[k].s = "";
			if (sec->cols[k].type == 'f') {
				snprintf(path, sizeof path, "%.*s", (int)r.v[k].len, r.v[k].s);
				zip_safe_name(path);
				r.v[k].s = path;
				r.v[k].len = strlen(path);
			}
		}
		fn(&r, arg);
		got++;
	}
	store_q_close(q);
	cur->rows += got;
	if (!paged || got < limit)
		cur->done = true;
	return err;
}

static const struct store_stmt Q_ACCOUNT = {
	"export.account", "SELECT email_enc, created_at FROM accounts WHERE id = ?1"};

enum ent_err rights_account(struct store_conn *c, int64_t account, struct buf *email_enc,
			    int64_t *created_at)
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, &Q_ACCOUNT, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	err = store_q_step(q, &row);
	if (!err && !row)
		err = ENT_ENOTFOUND;
	if (!err) {
		size_t len;
		const void *p = store_q_blob(q, 0, &len);
		err = buf_append(email_enc, p, len);
		*created_at = store_q_int(q, 1);
	}
	store_q_close(q);
	return err;
}

static const struct store_stmt Q_DESK_NEXT = {
	"export.desk_ids",
	"SELECT id FROM desk_requests WHERE requester_id = ?1 AND id > ?2 ORDER BY id LIMIT 1"};
static const struct store_stmt Q_MEDIA_NEXT = {
	"export.media_next",
	"SELECT id, hash, 'media/' || id || '.' || format FROM media WHERE account_id = ?1 "
	"AND id > ?2 ORDER BY id LIMIT 1"};
static const struct store_stmt Q_DESK_FILE_NEXT = {
	"export.desk_file_next",
	"SELECT f.message_id, r.id, " DESK_FILE_PATH " " DESK_FILE_FROM "AND f.message_id > ?2 "
	"ORDER BY f.message_id LIMIT 1"};

/* Runs a "next after *key" statement: *key becomes the next key, 0 when there is none; the
 * row's text columns 1 and 2 (when asked) are copied out, column 2 made a safe path. */
static enum ent_err next_after(struct store_conn *c, const struct store_stmt *stmt, int64_t account,
			       int64_t *key, int64_t *int1, char *text1, size_t text1_size,
			       char path[ZIP_NAME_MAX + 1])
{
	struct store_q *q;
	bool row = false;
	enum ent_err err = store_q_open(c, stmt, &q);
	if (err)
		return err;
	store_q_bind_int(q, 1, account);
	store_q_bind_int(q, 2, *key);
	err = store_q_step(q, &row);
	*key = 0;
	if (!err && row) {
		*key = store_q_int(q, 0);
		if (int1)
			*int1 = store_q_int(q, 1);
		if (text1) {
			const char *s = store_q_text(q, 1, NULL);
			snprintf(text1, text1_size, "%s", s ? s : "");
		}
		if (path) {
			const char *s = store_q_text(q, 2, NULL);
			snprintf(path, ZIP_NAME_MAX + 1, "%s", s ? s : "");
			zip_safe_name(path);
		}
	}
	store_q_close(q);
	return err;
}

enum ent_err rights_next_desk_request(struct store_conn *c, int64_t account, int64_t *id)
{
	return next_after(c, &Q_DESK_NEXT, account, id, NULL, NULL, 0, NULL);
}

enum ent_err rights_next_media(struct store_conn *c, int64_t account, int64_t *id,
			       char hash[RIGHTS_HASH_MAX], char path[ZIP_NAME_MAX + 1])
{
	return next_after(c, &Q_MEDIA_NEXT, account, id, NULL, hash, RIGHTS_HASH_MAX, path);
}

enum ent_err rights_next_desk_file(struct store_conn *c, int64_t account, int64_t *message,
				   int64_t *request, char path[ZIP_NAME_MAX + 1])
{
	return next_after(c, &Q_DESK_FILE_NEXT, account, message, request, NULL, 0, path);
}
