/*
 * demo_accounts.c - the demo institution (a fictional hospital) and one account per role.
 * The passwords are fixed and printed: this is demo data, never for a real instance.
 */
#include <string.h>

#include "cli/demo/demo.h"
#include "learn/learn.h"
#include "twofa/twofa.h"


static const struct {
	const char *handle, *email, *locale, *role, *institution, *what;
} accounts[] = {
	{"alice", "alice@demo.entraide.invalid", "fr", NULL, NULL, "membre (patiente)"},
	{"sam", "sam@demo.entraide.invalid", "en", NULL, NULL, "member (carer, English)"},
	{"dr.martin", "dr.martin@demo.entraide.invalid", "fr", "professional", NULL,
	 "professionnel de santé"},
	{"redaction.chu", "redaction@demo.entraide.invalid", "fr", "editor", DEMO_INSTITUTION,
	 "éditrice, CHU Exemple"},
	{"accueil.chu", "accueil@demo.entraide.invalid", "fr", "community_manager",
	 DEMO_INSTITUTION, "chargé de relation, CHU Exemple"},
	{"modo", "modo@demo.entraide.invalid", "fr", "moderator", NULL, "modératrice"},
	{"admin", "admin@demo.entraide.invalid", "fr", "administrator", NULL, "administrateur"},
};

enum ent_err demo_account(struct api_app *app, struct store_conn *db, const char *handle,
			      const char *email, const char *password, const char *locale,
			      const char *role, const char *institution)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	enum ent_err err = api_handle_key(handle, key);
	if (err)
		return err;
	err = store_account_by_handle(db, key, &a);
	if (err == ENT_ENOTFOUND) {
		const char *which;
		err = api_account_create(app, db, NULL, handle, email, password, strlen(password),
					 NULL, locale, &which);
		if (!err)
			err = store_account_by_handle(db, key, &a);
		/* demo adults: no question at log-in (issue 21) */
		if (!err)
			err = learn_age_band_set(db, a.id, "25-plus");
	}
	if (!err && role)
		err = store_role_grant(db, a.id, role, institution);
	return err;
}

enum ent_err demo_account_id(struct store_conn *db, const char *handle, int64_t *id)
{
	char key[STORE_HANDLE_MAX + 1];
	struct store_account a;
	enum ent_err err = api_handle_key(handle, key);
	if (!err)
		err = store_account_by_handle(db, key, &a);
	if (!err)
		*id = a.id;
	return err;
}

enum ent_err demo_accounts(struct api_app *app, struct store_conn *db, FILE *out)
{
	enum ent_err err = store_institution_ensure(db, DEMO_INSTITUTION, "CHU Exemple");
	for (size_t i = 0; !err && i < sizeof accounts / sizeof accounts[0]; i++)
		err = demo_account(app, db, accounts[i].handle, accounts[i].email, DEMO_PASSWORD,
				       accounts[i].locale, accounts[i].role, accounts[i].institution);
	if (err)
		return err;
	fprintf(out, "Comptes de démonstration / demo accounts (mot de passe / password: %s)\n",
		DEMO_PASSWORD);
	fprintf(out, "Mots de passe fixes : données de démonstration uniquement. / Fixed passwords: "
		     "demo data only.\n");
	for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
		fprintf(out, "  %-14s %-18s %s\n", accounts[i].handle,
			accounts[i].role ? accounts[i].role : "member", accounts[i].what);
	return ENT_OK;
}

enum ent_err demo_security(struct api_app *app, struct store_conn *db, FILE *out)
{
	(void)app;
	enum ent_err err = twofa_set_required(db, false);
	if (!err)
		fprintf(out, "Double authentification non exigée sur cette instance de démonstration : "
			     "les comptes de l'équipe se connectent avec leur mot de passe seul. / "
			     "Two-factor authentication is not required on this demo instance: staff "
			     "accounts log in with their password alone.\n");
	return err;
}
