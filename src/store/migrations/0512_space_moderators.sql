-- 0512_space_moderators: moderators the administrator assigns to a space (issue 17).
-- An account holding the instance-wide moderator role (account_roles) moderates every space
-- it can read; an account assigned here moderates these spaces only: their reports in the
-- queue, hiding, restoring and closing reports on their posts. It suspends nobody (that stays
-- with the instance's moderators and the administrator). Numbered after 0100 (spaces) and
-- 0001 (accounts), which it references.
CREATE TABLE space_moderators (
	space_id   INTEGER NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	granted_at INTEGER NOT NULL,
	PRIMARY KEY (space_id, account_id)
);
CREATE INDEX space_moderators_account ON space_moderators (account_id, space_id);
