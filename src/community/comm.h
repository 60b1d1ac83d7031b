/*
 * comm.h - the community engine behind the API: Markdown rendering, the publishing check,
 * search terms, and the canonical form and signatures of validated articles.
 *
 * Nothing here touches HTTP or SQL: src/api/api_space.c and its siblings combine these with
 * the store and the policy. Every function returns enum ent_err; outputs are caller-owned
 * (free() the char * results, comm_check_clear() the check).
 */
#ifndef ENT_COMM_H
#define ENT_COMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "entraide/err.h"
#include "entraide/privacy.h"

#define COMM_BODY_MAX (32u * 1024)  /* bytes of Markdown in one post */
#define COMM_TITLE_MAX 200
#define COMM_ARTICLE_MAX (128u * 1024)

/* --- Markdown (comm_markdown.c) --- */

/* Renders md[0..len) to HTML with cmark in safe mode: raw HTML dropped, dangerous URLs
 * removed, every link rel="nofollow noopener ugc", images turned into plain links (no remote
 * image is ever loaded by a reader). *html is NUL-terminated; free() it. */
enum ent_err comm_md_render(const char *md, size_t len, char **html);

/* --- the publishing check, R1 and R4 (comm_check.c) --- */

struct comm_check {
	struct ent_priv_spans spans; /* in the checked text's offsets */
	size_t n_direct;             /* NAME, CONTACT, ID: block publication */
	size_t n_quasi;              /* LOCATION, DATE, AGE: need an acknowledgement */
};

/* The engine shared by every thread, created on first use. */
enum ent_err comm_engine(const struct ent_priv_engine **out);
/* Scans text (UTF-8). lang "fr" or "en" (else auto). */
enum ent_err comm_check_run(const char *text, size_t len, const char *lang, struct comm_check *out);
void comm_check_clear(struct comm_check *c);
/* The text with every finding masked ([NOM], [LIEU]...); *out NUL-terminated, free() it. */
enum ent_err comm_check_redact(const char *text, size_t len, const char *lang, char **out,
			       size_t *out_len);
/* Appends "findings":[{field,start,end,category,kind,excerpt}] (excerpt = the text of the
 * span, shown only to its author; offsets are bytes in that field). */
void comm_check_json(struct buf *b, const struct comm_check *c, const char *field, const char *text);

/* --- search terms (comm_search.c) --- */

/* Appends the indexable terms of text: case-folded words stemmed in lang ("fr"/"en"),
 * separated by spaces. */
enum ent_err comm_terms(const char *text, size_t len, const char *lang, struct buf *out);
/* Turns a user query into a full-text query (quoted stems, AND, OR: store_search.h): every
 * word must match (any: one word is enough, and only words of 4 letters or more count), as
 * its French or English stem. Empty output when the query has no usable word. */
enum ent_err comm_query(const char *q, size_t len, bool any, struct buf *out);

/* --- validated articles (comm_sign.c) --- */

struct comm_article {
	const char *institution;  /* slug */
	const char *author_role;  /* "editor" */
	int64_t version;
	const char *date;         /* YYYY-MM-DD */
	const char *reviewed;     /* YYYY-MM-DD */
	const char *language;     /* fr|en */
	const char *title;
	const char *body;         /* Markdown */
};

#define COMM_PK_BYTES 32
#define COMM_SK_BYTES 64
#define COMM_SIG_BYTES 64
#define COMM_SEALED_BYTES (24 + 16 + COMM_SK_BYTES)
#define COMM_EXPORT_FORMAT "entraide-article/1"

/* The canonical bytes that are signed: a fixed header, then each field as
 * "name len:value\n" in a fixed order (length-prefixed, so no field can run into another). */
enum ent_err comm_canonical(const struct comm_article *a, struct buf *out);
/* A fresh key pair; the secret key is sealed with seal_key (32 bytes) into sealed. */
enum ent_err comm_key_new(const unsigned char seal_key[32], unsigned char pk[COMM_PK_BYTES],
			  unsigned char sealed[COMM_SEALED_BYTES]);
enum ent_err comm_sign(const unsigned char seal_key[32], const unsigned char *sealed, size_t sealed_len,
		       const struct comm_article *a, unsigned char sig[COMM_SIG_BYTES]);
/* ENT_OK when sig is the institution's signature of a, ENT_ECRYPTO when not. */
enum ent_err comm_verify(const unsigned char pk[COMM_PK_BYTES], const struct comm_article *a,
			 const unsigned char sig[COMM_SIG_BYTES]);
/* Base64 (standard, padded) helpers. */
enum ent_err comm_b64_encode(const unsigned char *p, size_t n, char *out, size_t cap);
enum ent_err comm_b64_decode(const char *s, size_t len, unsigned char *out, size_t cap, size_t *n);

#endif
