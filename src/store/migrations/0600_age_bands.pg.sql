-- PostgreSQL's text of 0600_age_bands.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0600_age_bands: a member's age band (issue 21, R8), never a birth date. One row per account
-- that gave one; an account without a row has not said (asked at the next log-in). Under 15
-- (band 13-14), the account is limited until a parent confirms by e-mail (limited = 1 until
-- then; it stays 1 if the band is changed upward before the confirmation). Deleted with the
-- account.
CREATE TABLE account_age_bands (
	account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	band       TEXT NOT NULL CHECK (band IN ('13-14', '15-17', '18-24', '25-plus')),
	limited    BIGINT NOT NULL DEFAULT 0 CHECK (limited IN (0, 1))
);
