/*
 * api_community.h - the communities routes (issue 5): spaces, threads, posts, the publishing
 * check, reactions, follows and notifications, search, moderation, validated articles.
 * Included by api_handlers.h for the route table; the helpers below are shared by the
 * api_space*.c, api_post.c, api_article.c, api_search.c, api_moderation.c and
 * api_notification.c files.
 */
#ifndef ENT_API_COMMUNITY_H
#define ENT_API_COMMUNITY_H

#include "api/api.h"
#include "community/comm_post_store.h"
#include "policy/policy_space.h"

/* api_space.c */
extern const struct json_field api_space_check_fields[];
enum ent_err api_space_check(struct api_req *q);
extern const struct json_field api_thread_create_fields[];
extern const struct json_field api_reply_fields[];
enum ent_err api_spaces_list(struct api_req *q);
enum ent_err api_space_get(struct api_req *q);
enum ent_err api_thread_create(struct api_req *q);
enum ent_err api_thread_get(struct api_req *q);
enum ent_err api_reply_create(struct api_req *q);

/* api_post.c */
extern const struct json_field api_post_edit_fields[];
extern const struct json_field api_report_fields[];
enum ent_err api_post_edit(struct api_req *q);
enum ent_err api_post_delete(struct api_req *q);
enum ent_err api_post_history(struct api_req *q);
enum ent_err api_reaction_put(struct api_req *q);
enum ent_err api_reaction_delete(struct api_req *q);
enum ent_err api_report_create(struct api_req *q);

/* api_notification.c */
enum ent_err api_follow_put(struct api_req *q);
extern const struct json_field api_read_fields[];
/* Moves the caller's read marker in a thread to post `last` (never backwards, never past the
 * thread's last post) and marks the thread's notifications up to it read, through the writer
 * thread with the other marks and replies of the moment; answers once that is committed. */
enum ent_err api_thread_read(struct api_req *q);
enum ent_err api_follow_delete(struct api_req *q);
enum ent_err api_notifications_list(struct api_req *q);

/* api_search.c */
enum ent_err api_search(struct api_req *q);

/* api_moderation.c */
extern const struct json_field api_moderation_note_fields[];
extern const struct json_field api_moderation_suspend_fields[];
extern const struct json_field api_moderation_lift_fields[];
enum ent_err api_moderation_lift(struct api_req *q);
enum ent_err api_moderation_reports(struct api_req *q);
enum ent_err api_moderation_hide(struct api_req *q);
enum ent_err api_moderation_restore(struct api_req *q);
enum ent_err api_moderation_resolve(struct api_req *q);
enum ent_err api_moderation_dismiss(struct api_req *q);
enum ent_err api_moderation_suspend(struct api_req *q);
enum ent_err api_moderation_log(struct api_req *q);

/* api_article.c */
extern const struct json_field api_article_create_fields[];
enum ent_err api_articles_list(struct api_req *q);
enum ent_err api_article_create(struct api_req *q);
enum ent_err api_article_get(struct api_req *q);
enum ent_err api_article_export(struct api_req *q);
enum ent_err api_institution_key(struct api_req *q);
/* Writes an article found by search (store_search.h) into a list: arg is a struct
 * api_article_list; with reviewed, its review date too (a thread's related articles). */
struct store_search_article;
struct api_article_list {
	struct buf *b;
	int64_t n;
	bool reviewed;
};
enum ent_err api_article_hit(void *arg, const struct store_search_article *a);
/* Signs and stores an article of institution inst (its key pair made on first use); also
 * used by the demo. author_id 0 = none. */
enum ent_err api_article_publish(struct api_app *app, struct store_conn *db, const char *inst,
				 int64_t author_id, const char *lang, const char *title,
				 const char *body, int64_t *id);

/* --- helpers (api_space_util.c) --- */

/* A keyset list being written: its buffer, the items so far, the cursor of the last one. */
struct comm_list {
	struct buf *b;
	int64_t n, last;
};
/* Starts item id of l: the comma, {"id":id, and id as the next cursor. */
void comm_list_item(struct comm_list *l, int64_t id);
/* The caller's role bits (ROLE_ANON without a session). */
unsigned comm_roles(const struct api_req *q);
/* Loads a space by slug when the caller may read it (comm_space_find, then the policy);
 * ENT_ENOTFOUND otherwise (no leak), ENT_EAUTH for a visitor at a members' space. */
enum ent_err comm_space_by_slug(struct api_req *q, const char *slug, struct comm_space *out);
/* ENT_ECONFLICT (problem space-archived) when s is archived: no new thread or reply. */
enum ent_err comm_space_open_for_posts(struct api_req *q, const struct comm_space *s);
/* Loads the space of a thread (same rule), *thread_title optional (caller buffer). */
enum ent_err comm_space_of_thread(struct api_req *q, int64_t thread_id, struct comm_space *out,
				  char *title, size_t title_cap);
struct comm_article;
/* Signs a with the key of institution slug (made on first use, as for articles); its public
 * key in pk. Used by course certificates (api_course.c). */
enum ent_err api_institution_sign(struct api_app *app, struct store_conn *db, const char *slug,
				  const struct comm_article *a, unsigned char pk[32],
				  unsigned char sig[64]);
/* Writes "audience":{"visibility","indexed","retention_days"} for a space. */
void comm_audience_json(struct buf *b, const struct comm_space *s);
/* Runs the publishing check on body (the request's field `field`) and applies the author's answer. On findings that block,
 * sends the 422 identifiers-found problem itself and returns ENT_ECONFLICT with *replied set.
 * On success *final is the text to store (body itself or a redacted copy to free()). */
enum ent_err comm_publish_check(struct api_req *q, const struct comm_space *s, const char *field,
				const char *body, size_t len, char **final, size_t *final_len,
				bool *redacted, bool *replied);
/* Tells the thread-page cache that community content changed (call after the commit);
 * comm_thread_changed when only one thread's page changed (a reply, a reaction). */
void comm_changed(void);
void comm_thread_changed(int64_t thread_id);
/* Moves on at every community write of this process (the search answers' cache). */
uint64_t comm_search_generation(void);
/* Appends a moderator action to the audit log. */
enum ent_err comm_audit(struct api_req *q, const char *action, const char *kind, int64_t id,
			const char *note);

#endif
