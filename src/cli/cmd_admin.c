/*
 * cmd_admin.c - `entraide admin ...`: what an operator does by hand, through the same
 * functions as the server (api_account_ops.c, store_account.c), never raw SQL.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_data.h"
#include "community/comm_retention.h"
#include "core/clock.h"
#include "desk/desk_retention.h"
#include "twofa/twofa.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: entraide admin [--data DIR] ACTION ...\n\n"
		"actions:\n"
		"  create-account HANDLE EMAIL [fr|en]   new account; the password is read from stdin\n"
		"                                        when it is not a terminal, else generated\n"
		"  create-institution SLUG NAME          an institution (for editor, community_manager,\n"
		"                                        institution_admin)\n"
		"  grant HANDLE ROLE [INSTITUTION]       ROLE: professional, editor, community_manager,\n"
		"  revoke HANDLE ROLE [INSTITUTION]            institution_admin, moderator,\n"
		"                                              administrator (the rest is done in the\n"
		"                                              browser: /admin)\n"
		"  list                                  accounts, roles, suspension (no e-mail)\n"
		"  suspend HANDLE | unsuspend HANDLE     a suspended account cannot log in; its\n"
		"                                        sessions end\n"
		"  purge [--now=WHEN]                    applies every retention period now (serve does\n"
		"                                        it hourly): posts past their space's retention,\n"
		"                                        resolved desk requests past their institution's,\n"
		"                                        expired sessions, old notifications, moderation\n"
		"                                        log and resolved reports; prints the counts.\n"
		"                                        WHEN (YYYY-MM-DD or Unix seconds) moves the\n"
		"                                        clock, for tests and previews (so does\n"
		"                                        ENTRAIDE_PURGE_NOW)\n"
		"  space-retention SPACE DAYS            days a post of the space is kept (0 = until its\n"
		"                                        author deletes it)\n"
		"  desk-retention INSTITUTION DAYS       days a resolved desk request is kept (default\n"
		"                                        365; 0 = until its requester deletes the account)\n"
		"  totp-required on|off                  whether staff act as such only with two-factor\n"
		"                                        authentication on (default on; demo: off)\n"
		"  migrate-db --from DIR --to URI        copies the SQLite instance of DIR into an\n"
		"                                        empty PostgreSQL database (migrate-db --help)\n");
}

static int fail(const char *what, enum ent_err err)
{
	fprintf(stderr, "entraide admin: %s: %s\n", what, ent_strerror(err));
	return CLI_EXIT_NO;
}

static enum ent_err find(struct store_conn *db, const char *handle, struct store_account *a)
{
	char key[STORE_HANDLE_MAX + 1];
	if (api_handle_key(handle, key))
		return ENT_ENOTFOUND;
	return store_account_by_handle(db, key, a);
}

static int create_account(struct api_app *app, struct store_conn *db, int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	char pw[AUTH_PASSWORD_MAX + 2];
	bool generated = isatty(0);
	if (generated) {
		unsigned char raw[12];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2base64(pw, sizeof pw, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	} else if (!fgets(pw, sizeof pw, stdin)) {
		fprintf(stderr, "entraide admin: no password on stdin\n");
		return CLI_EXIT_USAGE;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	const char *which = NULL;
	enum ent_err err = api_account_create(app, db, NULL, argv[1], argv[2], pw, strlen(pw), NULL,
					      argc == 4 ? argv[3] : "fr", &which);
	if (err == ENT_EEXIST)
		fprintf(stderr, "entraide admin: that %s is taken\n", which ? which : "account");
	if (err == ENT_EINVAL)
		fprintf(stderr, "entraide admin: handle (3-32 of a-z 0-9 _ . -), e-mail or password "
				"(10 characters at least) not acceptable\n");
	if (err)
		return fail("create-account", err);
	printf("created %s%s%s\n", argv[1], generated ? "; password: " : "", generated ? pw : "");
	sodium_memzero(pw, sizeof pw);
	return CLI_EXIT_OK;
}

static int role_change(struct store_conn *db, int argc, char **argv, bool grant)
{
	if (argc < 3 || argc > 4) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	unsigned role = policy_role_parse(argv[2]);
	const char *inst = argc == 4 ? argv[3] : NULL;
	if (role == ROLE_SPACE_MODERATOR) {
		fprintf(stderr, "entraide admin: space moderators are assigned per space on the /admin page\n");
		return CLI_EXIT_USAGE;
	}
	if (!role || role == ROLE_ANON || role == ROLE_MEMBER ||
	    policy_role_needs_institution(role) != (inst != NULL)) {
		fprintf(stderr, "entraide admin: role %s %s an institution\n", argv[2],
			policy_role_needs_institution(role) ? "needs" : "takes no");
		return CLI_EXIT_USAGE;
	}
	struct store_account a;
	enum ent_err err = find(db, argv[1], &a);
	if (!err)
		err = grant ? store_role_grant(db, a.id, argv[2], inst)
			    : store_role_revoke(db, a.id, argv[2], inst);
	if (err)
		return fail(argv[0], err);
	printf("%s %s %s%s%s\n", argv[0], argv[1], argv[2], inst ? " " : "", inst ? inst : "");
	return CLI_EXIT_OK;
}

static void print_account(const struct store_account *a, void *arg)
{
	struct store_conn *db = arg;
	struct store_role roles[STORE_ROLES_MAX];
	size_t n = 0;
	printf("%-32s %s %s member", a->handle, a->locale, a->suspended ? "suspended" : "active   ");
	if (store_roles_of(db, a->id, roles, STORE_ROLES_MAX, &n) == ENT_OK)
		for (size_t i = 0; i < n; i++)
			printf(",%s%s%s", roles[i].role, roles[i].institution[0] ? "@" : "",
			       roles[i].institution);
	putchar('\n');
}

static int purge(struct api_app *app, struct store_conn *db, int argc, char **argv)
{
	const char *when = getenv("ENTRAIDE_PURGE_NOW");
	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--now=", 6))
			when = argv[i] + 6;
		else if (!strcmp(argv[i], "--now") && i + 1 < argc)
			when = argv[++i];
		else {
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
	}
	int64_t now = clock_now();
	if (when && *when && (now = cli_parse_when(when)) < 0) {
		fprintf(stderr, "entraide admin purge: --now takes YYYY-MM-DD or Unix seconds\n");
		return CLI_EXIT_USAGE;
	}
	struct rights_purge_report r;
	enum ent_err err = api_purge(app, db, now, &r);
	if (err)
		return fail("purge", err);
	char m[512];
	rights_purge_members(&r, m, sizeof m);
	printf("{\"now\":%lld,%s}\n", (long long)now, m);
	return CLI_EXIT_OK;
}

int cmd_admin(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "migrate-db")) /* opens no data directory of its own */
		return cmd_admin_migrate_db(argc - 1, argv + 1);
	if (cli_wants_help(argc, argv)) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	struct config cfg;
	struct api_app app;
	struct store_conn *db;
	int rest;
	int rc = cli_start(argc, argv, "usage: entraide admin [--data DIR] ACTION ... (see --help)\n",
			   1, 4, &cfg, &app, &rest);
	if (rc)
		return rc;
	char **av = argv + 1;
	const char *action = av[0];
	enum ent_err err = store_conn_get(app.store, &db);
	if (err) {
		rc = fail("database", err);
	} else if (!strcmp(action, "create-account")) {
		rc = create_account(&app, db, rest, av);
	} else if (!strcmp(action, "create-institution") && rest == 3) {
		err = store_institution_ensure(db, av[1], av[2]);
		rc = err ? fail(action, err) : CLI_EXIT_OK;
	} else if (!strcmp(action, "grant") || !strcmp(action, "revoke")) {
		rc = role_change(db, rest, av, action[0] == 'g');
	} else if (!strcmp(action, "list") && rest == 1) {
		err = store_account_each(db, print_account, db);
		rc = err ? fail(action, err) : CLI_EXIT_OK;
	} else if ((!strcmp(action, "suspend") || !strcmp(action, "unsuspend")) && rest == 2) {
		struct store_account a;
		err = find(db, av[1], &a);
		if (!err)
			err = store_account_set_suspended(db, a.id, action[0] == 's');
		rc = err ? fail(action, err) : CLI_EXIT_OK;
	} else if (!strcmp(action, "purge")) {
		rc = purge(&app, db, rest, av);
	} else if ((!strcmp(action, "desk-retention") || !strcmp(action, "space-retention")) &&
		   rest == 3) {
		char *end = NULL;
		long long days = strtoll(av[2], &end, 10);
		err = ENT_EINVAL;
		if (*av[2] && !*end)
			err = action[0] == 'd' ? desk_retention_set(db, av[1], days, clock_now())
					       : comm_space_retention_set(db, av[1], days);
		rc = err ? fail(action, err) : CLI_EXIT_OK;
	} else if (!strcmp(action, "totp-required") && rest == 2 &&
		   (!strcmp(av[1], "on") || !strcmp(av[1], "off"))) {
		err = twofa_set_required(db, av[1][1] == 'n');
		rc = err ? fail(action, err) : CLI_EXIT_OK;
	} else {
		usage(stderr);
		rc = CLI_EXIT_USAGE;
	}
	api_data_close(&app);
	return rc;
}
