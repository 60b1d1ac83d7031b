-- PostgreSQL's text of 0021_email_digests.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0021_email_digests: opt-in e-mail digests (issue 17). Off by default: a member asks for one
-- (which also records the consent "email_digest" in consents, withdrawable) and chooses daily
-- or weekly. The sender looks at the rows whose next_at has come: when the member has unread
-- notifications it queues "you have something new on entraide" (no content), then sets the
-- next time. The row goes with the account; withdrawing the consent deletes it.
CREATE TABLE email_digests (
	account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	frequency  TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
	next_at    BIGINT NOT NULL
);
CREATE INDEX email_digests_due ON email_digests (next_at);
