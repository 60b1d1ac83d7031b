-- PostgreSQL's text of 0005_suspension_end.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0005_suspension_end: a suspension with an end (issue 15). A moderator suspends for a number
-- of days or until lifted (NULL); the next log-in after the end lifts it (api_account.c), so
-- nothing runs on a clock and a read never writes.
ALTER TABLE accounts ADD COLUMN suspended_until BIGINT;
