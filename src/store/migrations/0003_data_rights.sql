-- 0003_data_rights: what the data rights need (issue 18).
--
-- account_tombstones: one row per deleted account, so that restoring an older backup deletes
-- the account again (`entraide backup restore`). It holds no personal data: hash is a keyed
-- BLAKE2b (a sub-key of the instance master key) of the account's e-mail lookup hash and
-- creation time, which only this instance can compute from a row of an old backup; mode is
-- what the member chose for their posts.
CREATE TABLE account_tombstones (
	hash       BLOB PRIMARY KEY,
	mode       TEXT NOT NULL CHECK (mode IN ('anonymise', 'delete')),
	deleted_at INTEGER NOT NULL
);

-- consents: what a member agreed to beyond using the service (e-mail digests; research use
-- is not offered). A withdrawal keeps the row with withdrawn_at, so the member's privacy page
-- shows the history; the row goes with the account.
CREATE TABLE consents (
	id           INTEGER PRIMARY KEY,
	account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	purpose      TEXT NOT NULL CHECK (purpose IN ('email_digest')),
	given_at     INTEGER NOT NULL,
	withdrawn_at INTEGER
);
CREATE INDEX consents_account ON consents (account_id, id);
CREATE UNIQUE INDEX consents_open ON consents (account_id, purpose) WHERE withdrawn_at IS NULL;
