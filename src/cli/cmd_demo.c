/* cmd_demo.c - `entraide demo`: fills a data directory with demo content (idempotent). */
#include <stdio.h>

#include "cli/demo/demo.h"
#include "cli/cli.h"
#include "cli/cli_data.h"

int cmd_demo(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		printf("usage: entraide demo [--data DIR]\n\n"
		       "Creates demo content a newcomer can explore (an institution, accounts in every\n"
		       "role, ...) and prints the demo accounts. Running it twice changes nothing.\n\n");
		cli_settings_help();
		return CLI_EXIT_OK;
	}
	struct config cfg;
	struct api_app app;
	struct store_conn *db;
	int rest;
	int rc = cli_start(argc, argv, "usage: entraide demo [--data DIR]\n", 0, 0, &cfg, &app, &rest);
	if (rc)
		return rc;
	enum ent_err err = store_conn_get(app.store, &db);
	for (const struct demo_step *s = demo_steps; !err && s->area; s++) {
		err = s->run(&app, db, stdout);
		if (err)
			fprintf(stderr, "entraide demo: %s: %s\n", s->area, ent_strerror(err));
	}
	api_data_close(&app);
	if (!err)
		printf("Données : %s — lancer / run: entraide serve --data %s\n", cfg.data, cfg.data);
	return err ? CLI_EXIT_USAGE : CLI_EXIT_OK;
}
