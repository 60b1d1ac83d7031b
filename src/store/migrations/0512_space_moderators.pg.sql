-- PostgreSQL's text of 0512_space_moderators.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0512_space_moderators: moderators the administrator assigns to a space (issue 17).
-- An account holding the instance-wide moderator role (account_roles) moderates every space
-- it can read; an account assigned here moderates these spaces only: their reports in the
-- queue, hiding, restoring and closing reports on their posts. It suspends nobody (that stays
-- with the instance's moderators and the administrator). Numbered after 0100 (spaces) and
-- 0001 (accounts), which it references.
CREATE TABLE space_moderators (
	space_id   BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	granted_at BIGINT NOT NULL,
	PRIMARY KEY (space_id, account_id)
);
CREATE INDEX space_moderators_account ON space_moderators (account_id, space_id);
