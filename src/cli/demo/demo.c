/* demo.c - the table of demo steps (see demo.h). */
#include "cli/demo/demo.h"

const struct demo_step demo_steps[] = {
	{"accounts", demo_accounts},
	{"security", demo_security}, /* issue 17: staff log in with the password alone */
	{"communities", demo_communities}, /* issue 5 */
	{"desk", demo_desk},
	{"professionals", demo_pro}, /* issue 7: after the communities (its space) */
	{"learning", demo_learn}, /* issue 21: after the accounts (its editor) */
	{NULL, NULL},
};
