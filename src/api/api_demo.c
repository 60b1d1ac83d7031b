/* api_demo.c - the table of demo steps (see api_demo.h). */
#include "api/api_demo.h"
#include "api/api_pro.h"

const struct api_demo_step api_demo_steps[] = {
	{"accounts", api_demo_accounts},
	{"security", api_demo_security}, /* issue 17: staff log in with the password alone */
	/* issue 5: {"communities", api_demo_communities}, ... */
	{"communities", api_demo_communities},
	{"desk", api_demo_desk},
	{"professionals", api_demo_pro}, /* issue 7: after the communities (its space) */
	{"learning", api_demo_learn}, /* issue 21: after the accounts (its editor) */
	{NULL, NULL},
};
