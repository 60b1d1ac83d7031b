-- PostgreSQL's text of 0022_totp.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0022_totp: two-factor authentication with time-based codes (RFC 6238, issue 17).
--
-- account_totp: the account's secret, sealed like e-mail addresses; enabled_at is NULL while
-- the member is enrolling (the secret shown, no code typed back yet). last_step is the time
-- step of the last code accepted, so a code is never accepted twice.
CREATE TABLE account_totp (
	account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	secret_enc BYTEA NOT NULL,
	enabled_at BIGINT,
	last_step  BIGINT NOT NULL DEFAULT 0
);

-- Recovery codes: only their hash; a used code is deleted.
CREATE TABLE totp_recovery_codes (
	code_hash  BYTEA PRIMARY KEY,
	account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX totp_recovery_codes_account ON totp_recovery_codes (account_id);

-- Instance security settings (one row). totp_required: staff (administrators, moderators,
-- community managers, professionals...) act as such only with two-factor authentication on.
-- On by default; `entraide demo` turns it off for its demonstration instance.
CREATE TABLE security_settings (
	id            BIGINT PRIMARY KEY CHECK (id = 1),
	totp_required BIGINT NOT NULL DEFAULT 1
);
INSERT INTO security_settings (id, totp_required) VALUES (1, 1);
