/*
 * check_plans.c - every named statement of src/ under EXPLAIN QUERY PLAN (issue 13).
 *
 *   check_plans DB        exit 0 when every plan is acceptable, 1 otherwise
 *   check_plans -v DB     also prints every plan
 *
 * The statements come from the sources themselves (scripts/list_stmts.py writes
 * build/gen/store_stmt_list.h from the .c files under src/), so a new statement is checked without being
 * registered. DB is a database filled by the benchmark generators (tests/plans/run.sh). A plan
 * fails when it reads every row of a table that grows with use ("SCAN posts", "SCAN n USING
 * INDEX ...") or sorts such rows in a temporary B-tree for an ORDER BY, GROUP BY or DISTINCT,
 * unless the statement is in the allow-list below with its reason. Small tables that do not
 * grow with use (spaces, institutions, settings) may be scanned.
 * Not responsible for: the speed of the statements (bench/members measures that).
 */
#include <regex.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "store_stmt_list.h"

/* Tables whose size does not grow with the use of the instance: configured by operators. */
static const char *const small_tables[] = {
	"spaces", "institutions", "institution_keys", "desk_settings", "desk_canned",
	"schema_migrations", "sqlite_schema", "sqlite_master", "instance_settings", "instance_pages",
	"courses", "course_lessons", /* written by editors (a few dozen), listed whole (issue 21) */
	NULL,
};

/* Statements allowed to scan or sort a growing table, each with the reason it is acceptable. */
static const struct {
	const char *name, *reason;
} allowed[] = {
	{"comm.counts", "home-page counts (GET /api/v1/instance): api_system.c keeps them 10 s"},
	{"account.count", "home-page counts (GET /api/v1/instance): api_system.c keeps them 10 s"},
	{"account.each", "the administrator's list of every account (api_admin.c), unpaginated "
			 "by design of that page"},
	{"role.of_account", "sorts the few roles of one account"},
	{"media.gone", "a work queue: the first N rows, the scan stops at the LIMIT"},
	{"pro.case_each", "the newest 200 cases in rowid order: the scan stops after 200 rows"},
	{"pro.first_answers", "statistics on at most the newest 10,000 answered cases, in rowid "
			      "order, stopped by the LIMIT"},
	{"pro.verif_each", "the administrators' verification list: one request per professional, "
			   "pending first, at most 1,000"},
	{"comm.search_ranked", "ranks the newest 500 matches of a query by bm25 with recency "
			       "(api_search.c): the sort is bounded by that window"},
	{"comm.search_articles", "ranks the validated articles matching a query (written by "
				 "institutions, few) by bm25 with recency"},
	{"desk.request_each", "the desk queue and a member's own requests share one statement with "
			      "optional filters, sorted then cut at 200: to split into two indexed "
			      "statements (issue 13 notes it)"},
	{"comm.notify_purge_upto", "the hourly retention purge (api_purge.c), not a page: reads "
				   "the posts of the notifications' retention window, newest first, "
				   "and stops at the first older one (comm_notify_store.c); every post "
				   "while none is that old yet (an instance younger than the window)"},
	{"purge.desk", "the hourly retention purge (api_purge.c), not a page: walks the resolved "
		       "requests through their index once an hour"},
	{"export.desk_ids", "one member's data export (api_export.c): sorts that member's own desk "
			    "requests, a few rows"},
	{"export.desk_files", "one member's data export: sorts the documents institutions sent that "
			      "member (found through the member's requests), a few rows"},
	{"export.desk_file_next", "one member's data export: the next document sent to that member, "
				  "from the same few rows"},
	{"tomb.sources", "entraide backup restore (offline): reads every account of the restored "
			 "copy once to match it against the tombstones"},
	{"tomb.each", "entraide backup restore (offline): every tombstone once, in order"},
	{"backup_info.get", "backup_info holds at most one row (the copy's expiry)"},
	{"comm.notif_walk", "one member's notifications page (GET /api/v1/notifications): that "
			    "member's followed threads, most recently active first, walked once for "
			    "the unread total, the followed list and the merge in C "
			    "(comm_notify_store.c); the sort is bounded by what that member follows, "
			    "kept on the threads so that a reply updates no follower's row (0103)"},
	{"export.notifications", "one member's data export: the same notifications as "
				 "the notifications page, in ascending pages of 32"},
	{"admin.staff", "one institution's staff (api_institution.c), found through "
			"account_roles_institution and sorted by handle: bounded by that institution's "
			"roles, at most 1,000"},
	{NULL, NULL},
};

static bool is_small(const char *table)
{
	for (size_t i = 0; small_tables[i]; i++)
		if (!strcmp(small_tables[i], table))
			return true;
	return false;
}

static const char *allow_reason(const char *name)
{
	for (size_t i = 0; allowed[i].name; i++)
		if (!strcmp(allowed[i].name, name))
			return allowed[i].reason;
	return NULL;
}

static bool is_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* The table behind a name in a plan line: the name itself when it is a table, else the table
 * the SQL gives that alias ("FROM posts p", "JOIN posts AS p"). */
static void table_of(sqlite3 *db, const char *sql, const char *alias, char *out, size_t cap)
{
	snprintf(out, cap, "%s", alias);
	if (is_table(db, alias))
		return;
	char pat[160];
	snprintf(pat, sizeof pat, "(FROM|JOIN|UPDATE|INTO|,)[[:space:]]*([a-z_0-9]+)[[:space:]]+(AS[[:space:]]+)?%s([^a-z_0-9]|$)",
		 alias);
	regex_t re;
	if (regcomp(&re, pat, REG_EXTENDED | REG_ICASE))
		return;
	regmatch_t m[3];
	if (!regexec(&re, sql, 3, m, 0) && m[2].rm_so >= 0) {
		size_t len = (size_t)(m[2].rm_eo - m[2].rm_so);
		if (len >= cap)
			len = cap - 1;
		memcpy(out, sql + m[2].rm_so, len);
		out[len] = '\0';
	}
	regfree(&re);
}

/* The tables a statement reads or writes, by name (for the temporary B-tree rule). */
static bool touches_growing(sqlite3 *db, const char *sql)
{
	bool growing = false;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &st, NULL))
		return true;
	while (!growing && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		char pat[160];
		snprintf(pat, sizeof pat, "(^|[^a-z_0-9])%s([^a-z_0-9]|$)", t);
		regex_t re;
		if (regcomp(&re, pat, REG_EXTENDED | REG_ICASE | REG_NOSUB))
			continue;
		if (!is_small(t) && !regexec(&re, sql, 0, NULL, 0))
			growing = true;
		regfree(&re);
	}
	sqlite3_finalize(st);
	return growing;
}

/* Checks one statement; prints its problems (and its plan when verbose). */
static int check_one(sqlite3 *db, const char *file, const char *name, const char *sql, bool verbose)
{
	char eqp[16384];
	snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, eqp, -1, &st, NULL) != SQLITE_OK) {
		printf("FAIL %s (%s): does not prepare: %s\n", name, file, sqlite3_errmsg(db));
		return 1;
	}
	int bad = 0;
	bool growing = touches_growing(db, sql);
	const char *reason = allow_reason(name);
	if (verbose)
		printf("-- %s (%s)\n", name, file);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		if (verbose)
			printf("   %s\n", d);
		char what[160] = "";
		if (!strncmp(d, "SCAN ", 5)) {
			char alias[64];
			size_t n = strcspn(d + 5, " ");
			if (n >= sizeof alias)
				n = sizeof alias - 1;
			memcpy(alias, d + 5, n);
			alias[n] = '\0';
			char table[64];
			table_of(db, sql, alias, table, sizeof table);
			bool vtab = strstr(d, "VIRTUAL TABLE") != NULL; /* FTS5: MATCH searches its index */
			/* A subquery's own rows ("SCAN (subquery-1)") are bounded by its plan, checked
			 * in the lines above it. */
			bool sub = alias[0] == '(' || !is_table(db, table);
			if (!vtab && !sub && strcmp(alias, "CONSTANT") && !is_small(table))
				snprintf(what, sizeof what, "reads every row of %s: %s", table, d);
		} else if (strstr(d, "USE TEMP B-TREE") && strstr(d, "ORDER BY") && growing) {
			snprintf(what, sizeof what, "sorts in a temporary B-tree: %s", d);
		}
		if (!what[0])
			continue;
		if (reason) {
			if (verbose)
				printf("   allowed: %s\n", reason);
			continue;
		}
		printf("FAIL %s (%s): %s\n", name, file, what);
		bad = 1;
	}
	sqlite3_finalize(st);
	return bad;
}

/* True when some index of table (or its primary key) starts with column. */
static bool has_leading_index(sqlite3 *db, const char *table, const char *column)
{
	sqlite3_stmt *st;
	char *text = sqlite3_mprintf(
		"SELECT 1 FROM pragma_index_list(%Q) l WHERE (SELECT name FROM pragma_index_info(l.name) "
		"WHERE seqno = 0) = %Q UNION ALL SELECT 1 FROM pragma_table_info(%Q) WHERE pk = 1 AND name = %Q",
		table, column, table, column);
	bool found = false;
	if (text && sqlite3_prepare_v2(db, text, -1, &st, NULL) == SQLITE_OK) {
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	sqlite3_free(text);
	return found;
}

/* Deleting a row makes SQLite look for its children through each foreign key that points at
 * it: without an index whose first column is the child column, that reads the whole child
 * table (such lookups do not appear in any statement's plan). */
static int check_foreign_keys(sqlite3 *db, bool verbose)
{
	int bad = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_schema m, "
			       "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY 1, 2",
			       -1, &st, NULL) != SQLITE_OK)
		return 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *child = (const char *)sqlite3_column_text(st, 0);
		const char *col = (const char *)sqlite3_column_text(st, 1);
		const char *parent = (const char *)sqlite3_column_text(st, 2);
		if (is_small(child))
			continue;
		if (has_leading_index(db, child, col)) {
			if (verbose)
				printf("-- foreign key %s.%s -> %s: indexed\n", child, col, parent);
			continue;
		}
		printf("FAIL foreign key %s.%s -> %s: no index starts with %s, so deleting from %s "
		       "reads all of %s\n", child, col, parent, col, parent, child);
		bad++;
	}
	sqlite3_finalize(st);
	return bad;
}

int main(int argc, char **argv)
{
	bool verbose = argc > 2 && !strcmp(argv[1], "-v");
	const char *path = argv[argc - 1];
	if (argc < 2) {
		fprintf(stderr, "usage: check_plans [-v] DB\n");
		return 2;
	}
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "check_plans: cannot open %s\n", path);
		return 2;
	}
	size_t n = sizeof all_stmts / sizeof all_stmts[0];
	int failed = 0;
	/* The checker itself must catch a scan and a sort, or passing means nothing. */
	printf("self-test (two expected failures):\n");
	if (!check_one(db, "self-test", "self.scan",
		       "SELECT p.id FROM threads t, posts p WHERE p.body = ?1 AND t.id = 1", false) ||
	    !check_one(db, "self-test", "self.sort",
		       "SELECT id FROM notifications WHERE account_id = ?1 ORDER BY created_at", false)) {
		printf("FAIL the checker misses a full scan or a sort\n");
		failed++;
	}
	for (size_t i = 0; i < n; i++) /* PostgreSQL's own statements never run on SQLite */
		if (strncmp(all_stmts[i].file, "src/store/store_pg", 18))
			failed += check_one(db, all_stmts[i].file, all_stmts[i].name, all_stmts[i].sql,
					    verbose);
	failed += check_foreign_keys(db, verbose);
	/* An allow-list entry for a statement that no longer exists is dead weight. */
	for (size_t a = 0; allowed[a].name; a++) {
		bool found = false;
		for (size_t i = 0; i < n && !found; i++)
			found = !strcmp(all_stmts[i].name, allowed[a].name);
		if (!found) {
			printf("FAIL allow-list names %s, which no statement has\n", allowed[a].name);
			failed++;
		}
	}
	sqlite3_close(db);
	printf("query plans: %zu statements, %d failing\n", n, failed);
	return failed ? 1 : 0;
}
