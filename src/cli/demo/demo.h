/*
 * demo.h - demo content for `entraide demo`, one step per area, each idempotent (a second
 * run changes nothing). The demo is not part of libentraide: it is compiled into the
 * command-line program only and writes through the domain functions (no SQL of its own),
 * as the API handlers do. Later issues add a step: write src/cli/demo/demo_<area>.c with a
 * function of this type and add it to the table in demo.c.
 * Not responsible for: anything a real instance runs (serve never calls it).
 */
#ifndef ENT_DEMO_H
#define ENT_DEMO_H

#include <stdio.h>

#include "api/api.h"

struct demo_step {
	const char *area;
	/* Creates what is missing, prints what a newcomer needs to know on out. */
	enum ent_err (*run)(struct api_app *app, struct store_conn *db, FILE *out);
};

extern const struct demo_step demo_steps[]; /* ends with {NULL, NULL} */

/* Every demo account's password: fixed and printed, demo data only. */
#define DEMO_PASSWORD "demo-entraide-2026"
/* The demo institution (demo_accounts.c). */
#define DEMO_INSTITUTION "chu-exemple"

/* The demo institution and one account per role (demo_accounts.c). */
enum ent_err demo_accounts(struct api_app *app, struct store_conn *db, FILE *out);
/* Ensures an account exists (created with password if missing) and holds role (NULL for
 * member only) at institution (NULL if none). Used by the demo steps of every area. */
enum ent_err demo_account(struct api_app *app, struct store_conn *db, const char *handle,
			  const char *email, const char *password, const char *locale,
			  const char *role, const char *institution);
/* The id of the account with that handle; ENT_ENOTFOUND. */
enum ent_err demo_account_id(struct store_conn *db, const char *handle, int64_t *id);

/* Two-factor authentication not required on the demo instance, said on out (demo_accounts.c). */
enum ent_err demo_security(struct api_app *app, struct store_conn *db, FILE *out);
/* Spaces, threads, an institution with signed articles (demo_communities.c). */
enum ent_err demo_communities(struct api_app *app, struct store_conn *db, FILE *out);
/* The relation desk's demo (demo_desk.c). */
enum ent_err demo_desk(struct api_app *app, struct store_conn *db, FILE *out);
/* Verified professionals, a case with a reviewed photo (demo_pro.c). */
enum ent_err demo_pro(struct api_app *app, struct store_conn *db, FILE *out);
/* A young member and the prevention campaigns (demo_learn.c, issue 21). */
enum ent_err demo_learn(struct api_app *app, struct store_conn *db, FILE *out);

#endif
