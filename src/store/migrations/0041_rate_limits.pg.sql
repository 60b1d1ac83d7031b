-- 0041_rate_limits: see 0041_rate_limits.sql (BYTEA and BIGINT, no WITHOUT ROWID).
CREATE TABLE rate_limits (
	kind  TEXT NOT NULL,
	key   BYTEA NOT NULL,
	count BIGINT NOT NULL,
	start BIGINT NOT NULL,
	PRIMARY KEY (kind, key)
);
CREATE INDEX rate_limits_start ON rate_limits (start);
