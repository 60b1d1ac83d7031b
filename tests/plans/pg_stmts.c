/*
 * pg_stmts.c - which named statements of src/ PostgreSQL cannot prepare (issue 16).
 *
 *   pg_stmts URI     prints each statement PostgreSQL refuses (its file, name, SQLSTATE and
 *                    PostgreSQL's message), then a count; exit 0 when it refuses none
 *
 * URI is an empty database (make pg-stmts makes one in a throwaway cluster): store_open applies
 * the migrations (their .pg.sql texts), then every statement that scripts/list_stmts.py found
 * in src/ is prepared as store_pg.c prepares it (?N rewritten to $N). Parameters are first
 * left for the server to type, then, on a type error, all declared bigint, then all text
 * (store_pg.c declares each by the value bound, so a statement mixing numbers with a
 * parameter it cannot type may pass there and fail here): what fails every way is SQL
 * PostgreSQL does not take (SQLite-only syntax, a type it cannot infer). The SQLite back end's own statements (src/store/store_sqlite*.c:
 * FTS5, PRAGMA) are left out: they never run on PostgreSQL.
 * Not responsible for: what the statements return (the unit and API suites on PostgreSQL).
 */
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_backend.h"
#include "store_stmt_list.h"

#define INT8_OID 20
#define TEXT_OID 25

/* Prepares sql as statement "s" with every parameter declared as type (0: left to the
 * server); NULL when it prepared, else the failed result. */
static PGresult *try_prepare(PGconn *pg, const char *sql, int n, Oid type)
{
	Oid types[64] = {0};
	for (int i = 0; i < n && i < 64; i++)
		types[i] = type;
	PGresult *res = PQprepare(pg, "s", sql, n, types);
	if (PQresultStatus(res) == PGRES_COMMAND_OK) {
		PQclear(res);
		PQclear(PQexec(pg, "DEALLOCATE s"));
		return NULL;
	}
	return res;
}

static bool type_error(const PGresult *res)
{
	static const char *const states[] = {"42804", "42883", "42P08", "42P18", "42725"};
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	for (size_t i = 0; state && i < sizeof states / sizeof states[0]; i++)
		if (!strcmp(state, states[i]))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: pg_stmts URI\n");
		return 2;
	}
	struct store *s;
	if (store_open(&s, argv[1]) != ENT_OK) {
		fprintf(stderr, "pg_stmts: cannot open or migrate %s\n", argv[1]);
		return 2;
	}
	store_close(s);
	PGconn *pg = PQconnectdb(argv[1]);
	if (PQstatus(pg) != CONNECTION_OK) {
		fprintf(stderr, "pg_stmts: %s", PQerrorMessage(pg));
		return 2;
	}
	size_t n = sizeof all_stmts / sizeof all_stmts[0], checked = 0, failed = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strncmp(all_stmts[i].file, "src/store/store_sqlite", 22))
			continue;
		checked++;
		int np = 0;
		char *sql = store_pg_sql(all_stmts[i].sql, &np);
		if (!sql)
			return 2;
		/* as store_pg.c tries: types left to the server, then bigint, then text (it
		 * knows which values are numbers; this survey does not, so it tries all alike) */
		static const Oid tries[] = {0, INT8_OID, TEXT_OID};
		PGresult *res = try_prepare(pg, sql, np, tries[0]);
		for (size_t t = 1; res && type_error(res) && t < 3; t++) {
			PGresult *again = try_prepare(pg, sql, np, tries[t]);
			if (again) { /* the first error says more */
				PQclear(again);
			} else {
				PQclear(res);
				res = NULL;
			}
		}
		if (res) {
			const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
			printf("%s %s %s %s\n", all_stmts[i].file, all_stmts[i].name,
			       PQresultErrorField(res, PG_DIAG_SQLSTATE), msg ? msg : "");
			PQclear(res);
			failed++;
		}
		free(sql);
	}
	PQfinish(pg);
	printf("pg_stmts: %zu of %zu statements PostgreSQL does not prepare\n", failed, checked);
	return failed ? 1 : 0;
}
