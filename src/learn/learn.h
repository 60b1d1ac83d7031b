/*
 * learn.h - learning and prevention (issue 21): members' age bands (R8), prevention campaigns
 * counted in aggregate only, courses (R7) with private progress and signed certificates.
 *
 * Responsible for: the tables of 0600-0699 and what they mean (learn_age.c, learn_campaign.c,
 * learn_course.c), reading shipped courses from their JSON files (learn_load.c).
 * Not responsible for: who may call what (the route table, api_learn*.c), HTTP, signing
 * (the API signs certificates with the institution's key, as articles).
 * Every function takes the calling thread's connection; strings out are copied into the
 * caller's structs.
 */
#ifndef ENT_LEARN_H
#define ENT_LEARN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "entraide/err.h"
#include "store/store.h"

/* --- age bands (learn_age.c) --- */

#define LEARN_BAND_MAX 8 /* "25-plus" + NUL */
#define LEARN_N_BANDS 4

/* The bands, youngest first, NULL-terminated: "13-14", "15-17", "18-24", "25-plus". */
extern const char *const learn_bands[LEARN_N_BANDS + 1];
/* Index of band in learn_bands, -1 when it is none of them. */
int learn_band_index(const char *band);

/* The account's band into out ("" when it gave none) and, when limited is not NULL, whether
 * it waits for a parent's confirmation. */
enum ent_err learn_age_band_get(struct store_conn *c, int64_t account_id, char out[LEARN_BAND_MAX],
				bool *limited);
/* Sets (or replaces) the account's band. Moving to 13-14 (from no band or another band)
 * limits the account until a parent confirms (learn_age_confirm); 13-14 given again keeps
 * the account as it is (a parent's confirmation stays); a band changed upward keeps the
 * limit. ENT_EINVAL for an unknown band. */
enum ent_err learn_age_band_set(struct store_conn *c, int64_t account_id, const char *band);
/* True when the account is under 15 and no parent has confirmed yet: no direct messages,
 * no public profile. For the other subsystems (direct messages, profiles): one indexed read;
 * true as well when the read fails (closed by default). */
bool learn_age_limited(struct store_conn *c, int64_t account_id);
/* A parent confirmed: the limit is lifted. */
enum ent_err learn_age_confirm(struct store_conn *c, int64_t account_id);

/* --- a parent's confirmation by e-mail (learn_parent.c, migration 0603) --- */

#define LEARN_PARENT_TTL (7 * 24 * 3600) /* a parent's link works for 7 days */
#define LEARN_TOKEN_CHARS 43              /* base64url of 32 random bytes (AUTH_TOKEN_CHARS) */

/* A new single-use token for the limited account (text form into text, for the parent's
 * link); only its hash is stored, replacing the account's earlier one (only the last link
 * sent works). Nothing about the parent is stored. */
enum ent_err learn_parent_token_new(struct store_conn *c, int64_t account_id, int64_t now,
				    char text[LEARN_TOKEN_CHARS + 1]);
/* Uses a token: when it exists and has not expired, deletes it (once: two uses at once get
 * one success), lifts the limit of its account (*account_id). ENT_ENOTFOUND for an unknown,
 * used, expired or malformed one. Run it in the caller's transaction. */
enum ent_err learn_parent_token_use(struct store_conn *c, const char *text, size_t len,
				    int64_t now, int64_t *account_id);
/* Deletes the expired tokens (the retention purge); *n counted. */
enum ent_err learn_parent_token_purge(struct store_conn *c, int64_t now, int64_t *n);

/* --- prevention campaigns (learn_campaign.c) --- */

#define LEARN_TITLE_MAX 200
#define LEARN_BODY_MAX (32u * 1024)
#define LEARN_EVERYONE 16u      /* the bit of "everyone" in a campaign's bands */
#define LEARN_SMALL 10          /* counts below this are shown as "<10" */
#define LEARN_CURRENT_MAX 20    /* campaigns one caller is shown at once */

/* The topics a campaign may have, NULL-terminated ("tobacco-vaping", "alcohol", ...). */
extern const char *const learn_topics[];

struct learn_campaign {
	int64_t id, institution_id, starts_at, ends_at, created_at;
	unsigned bands;                 /* bits: 1 << band index, LEARN_EVERYONE */
	char title[LEARN_TITLE_MAX + 1];
	char language[3], topic[24];
	char inst_slug[64], inst_name[128];
	char *body, *html;              /* owned; learn_campaign_clear() frees them */
};
void learn_campaign_clear(struct learn_campaign *c);

/* Parses "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM[:SS]Z" into seconds. ENT_EINVAL
 * otherwise. */
enum ent_err learn_time_parse(const char *s, int64_t *out);
/* The bands a caller is shown: visitors and accounts without a band get LEARN_EVERYONE only;
 * band is "" or one of learn_bands. */
unsigned learn_audience_bits(const char *band);

struct learn_campaign_new {
	int64_t author_id, starts_at, ends_at, now;
	unsigned bands;
	const char *institution; /* slug, NULL = the instance's own */
	const char *title, *body, *html, *language, *topic;
};
enum ent_err learn_campaign_insert(struct store_conn *c, const struct learn_campaign_new *n,
				   int64_t *id);
/* ENT_ENOTFOUND when there is none. body and html are not loaded (NULL). */
enum ent_err learn_campaign_get(struct store_conn *c, int64_t id, struct learn_campaign *out);
/* The campaigns running at now in language for a caller shown `bits`, ending soonest first,
 * at most LEARN_CURRENT_MAX; fn gets each (with html), borrowed for the call. */
enum ent_err learn_campaign_current(struct store_conn *c, const char *language, unsigned bits,
				    int64_t now,
				    void (*fn)(const struct learn_campaign *k, void *arg), void *arg);
/* An institution's campaigns, newest first (at most 200), without body or html. */
enum ent_err learn_campaign_of(struct store_conn *c, const char *institution,
			       void (*fn)(const struct learn_campaign *k, void *arg), void *arg);

/* Counts one view or click of a campaign by someone of band ("" = none given, a visitor) on
 * the UTC day of now. Nothing about who is stored. ENT_ENOTFOUND for an unknown campaign or
 * one not running at now. */
enum ent_err learn_campaign_count(struct store_conn *c, int64_t id, const char *band, bool click,
				  int64_t now);

struct learn_reach_row {
	char band[LEARN_BAND_MAX]; /* or "none" */
	char day[11];              /* YYYY-MM-DD */
	int64_t views, clicks;
};
/* The counters of a campaign by band then day; fn gets each row. */
enum ent_err learn_campaign_reach(struct store_conn *c, int64_t id,
				  void (*fn)(const struct learn_reach_row *r, void *arg), void *arg);
/* Writes n into b as a JSON number, or "<10" (a JSON string when json) when n < LEARN_SMALL. */
void learn_small_count(struct buf *b, int64_t n, bool json);

/* --- courses (learn_course.c: tables; learn_load.c: the course document) --- */

#define LEARN_SLUG_MAX 80
#define LEARN_SUMMARY_MAX 600
#define LEARN_LESSONS_MAX 12
#define LEARN_QUESTIONS_MAX 6
#define LEARN_ANSWERS_MAX 6
#define LEARN_DOC_MAX (256u * 1024) /* bytes of one course document */

/* The places a short lesson is offered, by bit (1 << index), NULL-terminated:
 * "first-post", "first-case-photo", "desk", "identifiers-found". */
extern const char *const learn_offers[];
/* The bit of an offer's name, 0 when unknown. */
unsigned learn_offer_bit(const char *name);

/* A course document (the format of content/courses/<slug>.<lang>.json), parsed and checked.
 * Strings point into doc (kept alive by the caller until learn_doc_clear). */
struct learn_doc_answer {
	const char *text, *explanation;
	bool correct;
};
struct learn_doc_question {
	const char *question;
	struct learn_doc_answer answers[LEARN_ANSWERS_MAX];
	size_t n_answers;
};
struct learn_doc_lesson {
	const char *slug, *title, *body;
	int minutes;
	unsigned offered_at;
	struct learn_doc_question quiz[LEARN_QUESTIONS_MAX];
	size_t n_quiz;
	char *quiz_json; /* the quiz as stored (compact JSON), owned */
};
struct learn_doc {
	void *root; /* the parsed JSON (json_t), owned */
	const char *key, *slug, *language, *title, *summary, *audience;
	int minutes; /* the sum of the lessons' */
	struct learn_doc_lesson lessons[LEARN_LESSONS_MAX];
	size_t n_lessons;
};
/* Parses and checks a course document. ENT_EINVAL with *field and *reason (static) saying
 * what is wrong ("lessons[2].quiz[0].answers", "required"); ENT_EJSON when not JSON. */
enum ent_err learn_doc_parse(const char *text, size_t len, struct learn_doc *out,
			     const char **field, char *field_buf, size_t field_cap, const char **reason);
void learn_doc_clear(struct learn_doc *d);

struct learn_course {
	int64_t id, institution_id;
	char key[LEARN_SLUG_MAX + 1], slug[LEARN_SLUG_MAX + 1], language[3], audience[16];
	char title[LEARN_TITLE_MAX + 1], summary[LEARN_SUMMARY_MAX + 1];
	char institution[64]; /* slug, "" = the instance's own */
	int minutes, n_lessons;
	bool shipped;
};
struct learn_lesson {
	int64_t id;
	int position, minutes;
	unsigned offered_at;
	char slug[LEARN_SLUG_MAX + 1], title[LEARN_TITLE_MAX + 1];
	const char *body, *html, *quiz; /* borrowed for the callback */
};

/* The document of a stored course, as editors edit it (pretty JSON), appended to out. */
enum ent_err learn_doc_write(struct store_conn *c, const struct learn_course *k, struct buf *out);
/* Saves a parsed document: a new course, or (by key and language) replaces the course's
 * fields and lessons (progress on lessons whose slug stays is kept). html: each lesson's
 * rendering, in order. institution: slug or NULL. *id the course's. ENT_EEXIST when the slug
 * belongs to another course. */
enum ent_err learn_course_save(struct store_conn *c, const struct learn_doc *d, char *const *html,
			       const char *institution, bool shipped, int64_t now, int64_t *id);
/* Whether a course of that key and language exists. */
enum ent_err learn_course_exists(struct store_conn *c, const char *key, const char *language,
				 bool *exists);
/* Every course (language NULL) or those of one language, by language then slug. */
enum ent_err learn_course_list(struct store_conn *c, const char *language,
			       void (*fn)(const struct learn_course *k, void *arg), void *arg);
enum ent_err learn_course_get(struct store_conn *c, const char *slug, struct learn_course *out);
/* The lessons of a course in order; fn gets each with body, html and quiz. */
enum ent_err learn_lessons_of(struct store_conn *c, int64_t course_id,
			      void (*fn)(const struct learn_lesson *l, void *arg), void *arg);
/* One lesson by slug, its quiz JSON appended to quiz. */
enum ent_err learn_lesson_get(struct store_conn *c, int64_t course_id, const char *slug,
			      struct learn_lesson *out, struct buf *quiz);
/* The short lessons offered at a place (bit) in a language, at most 3. */
enum ent_err learn_offers_at(struct store_conn *c, unsigned bit, const char *language,
			     void (*fn)(const struct learn_course *k, const struct learn_lesson *l,
					void *arg), void *arg);

/* Whether the place of an offer is already behind the member (bit 1: they have posted;
 * bit 2: they have attached a case photo); false for the other places and for visitors
 * (account_id 0). */
enum ent_err learn_offer_past(struct store_conn *c, int64_t account_id, unsigned bit, bool *past);

/* --- progress, private to its member --- */

/* Records a quiz result (the latest replaces the earlier). */
enum ent_err learn_progress_set(struct store_conn *c, int64_t account_id, int64_t course_id,
				int64_t lesson_id, int score, int questions, int64_t now);
/* The member's progress in a course: lessons passed (all answers right) and their slugs
 * through fn (may be NULL). */
enum ent_err learn_progress_of(struct store_conn *c, int64_t account_id, int64_t course_id,
			       int *passed, void (*fn)(const char *lesson_slug, int score,
						       int questions, void *arg), void *arg);
/* Forgets the member's progress in a course. */
enum ent_err learn_progress_reset(struct store_conn *c, int64_t account_id, int64_t course_id);

/* --- certificates --- */

struct learn_certificate {
	int64_t id;
	char institution[64], holder[33], date[11];
	unsigned char signature[64];
};
/* The member's certificate for a course, ENT_ENOTFOUND when none. */
enum ent_err learn_certificate_get(struct store_conn *c, int64_t account_id, int64_t course_id,
				   struct learn_certificate *out);
enum ent_err learn_certificate_insert(struct store_conn *c, int64_t account_id, int64_t course_id,
				      const struct learn_certificate *cert, int64_t now);
/* The institution that signs for the instance: the course's, else the first one made
 * (lowest id). ENT_ENOTFOUND when the instance has none. */
enum ent_err learn_signing_institution(struct store_conn *c, int64_t course_institution,
				       char slug[64]);

#endif
