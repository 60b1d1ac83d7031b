/*
 * api_demo.h - demo content, one step per area, each idempotent (a second run changes
 * nothing). `entraide demo` runs the steps in order. Later issues add a step: write
 * src/api/api_demo_<area>.c with a function of this type and add it to the table in
 * api_demo.c.
 */
#ifndef ENT_API_DEMO_H
#define ENT_API_DEMO_H

#include <stdio.h>

#include "api/api.h"

struct api_demo_step {
	const char *area;
	/* Creates what is missing, prints what a newcomer needs to know on out. */
	enum ent_err (*run)(struct api_app *app, struct store_conn *db, FILE *out);
};

extern const struct api_demo_step api_demo_steps[]; /* ends with {NULL, NULL} */

/* The demo institution and accounts (api_demo_accounts.c). */
#define API_DEMO_INSTITUTION "chu-exemple"
enum ent_err api_demo_accounts(struct api_app *app, struct store_conn *db, FILE *out);
/* Ensures an account exists (created with password if missing) and holds role (NULL for
 * member only) at institution (NULL if none). Used by the demo steps of every area. */
enum ent_err api_demo_account(struct api_app *app, struct store_conn *db, const char *handle,
			      const char *email, const char *password, const char *locale,
			      const char *role, const char *institution);

/* Spaces, threads, an institution with signed articles (api_demo_communities.c). */
enum ent_err api_demo_communities(struct api_app *app, struct store_conn *db, FILE *out);

/* The relation desk's demo (api_demo_desk.c). */
enum ent_err api_demo_desk(struct api_app *app, struct store_conn *db, FILE *out);

/* Two-factor authentication not required on the demo instance, said on out (api_twofa.c). */
enum ent_err api_demo_security(struct api_app *app, struct store_conn *db, FILE *out);
/* A young member and the prevention campaigns (api_demo_learn.c, issue 21). */
enum ent_err api_demo_learn(struct api_app *app, struct store_conn *db, FILE *out);

#endif
