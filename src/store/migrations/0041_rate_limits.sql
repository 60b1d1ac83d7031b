-- 0041_rate_limits: the counts of the rate limiters (log-in failures, sign-ups, uploads,
-- write budgets: auth_limiter) when several nodes share the database (issue 16,
-- store_limit.c): one row per limiter and hashed key (a keyed hash: no handle or address in
-- clear), its window's start and count. One SQLite process keeps them in memory instead and
-- leaves this table empty. Rows whose window ended are purged (store_limit_purge).
CREATE TABLE rate_limits (
	kind  TEXT NOT NULL,
	key   BLOB NOT NULL,
	count INTEGER NOT NULL,
	start INTEGER NOT NULL,
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX rate_limits_start ON rate_limits (start);
