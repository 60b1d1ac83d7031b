-- PostgreSQL's text of 0603_parent_confirm.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0603_parent_confirm: a parent's confirmation of an under-15 account (issue 21; loi
-- Informatique et Libertés, art. 45). One row per account waiting for it: only the BLAKE2b
-- hash of the single-use token sent to the parent, when it was made and when it ends; never
-- the parent's address (the mail queue seals it and erases it once the message is sent or
-- given up). Using the token deletes the row and lifts the account's limit
-- (account_age_bands.limited); a new request replaces the row; expired rows go with the
-- retention purge, every row with its account.
CREATE TABLE parent_tokens (
	account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	token_hash BYTEA NOT NULL UNIQUE,
	created_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
CREATE INDEX parent_tokens_expiry ON parent_tokens (expires_at);
