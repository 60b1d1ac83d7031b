-- PostgreSQL's text of 0004_backup_info.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0004_backup_info: the expiry a backup copy carries (issue 18).
-- backup_info: empty in the live database; `entraide backup` writes one row into the copy it
-- makes (when it was made, when it expires), and `entraide backup restore` refuses an expired
-- copy and clears the row once the copy is live again.
CREATE TABLE backup_info (
	created_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL
);
