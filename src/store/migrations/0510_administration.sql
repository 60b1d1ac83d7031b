-- 0510_administration: running an instance from the browser (issue 17).
-- Numbered after 0500 on purpose: it rebuilds account_roles with the indexes of 0001, 0002 and
-- 0500 and alters spaces (0100). Migrations run in number order, so on a new database a
-- number in 0006-0019 would run before those exist (and 0500 would then fail).
--
-- Institution administrators: a role bound to one institution, who manages its staff and
-- decides the verification requests of the professionals who name it. SQLite cannot change a
-- CHECK constraint, so account_roles is rebuilt with the new role (nothing references it);
-- its indexes (0001, 0002, 0500) are made again.
CREATE TABLE account_roles_new (
	account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	role           TEXT NOT NULL CHECK (role IN ('professional', 'editor', 'community_manager',
	                                             'moderator', 'administrator',
	                                             'institution_admin')),
	institution_id INTEGER REFERENCES institutions (id) ON DELETE CASCADE,
	granted_at     INTEGER NOT NULL,
	CHECK ((role IN ('editor', 'community_manager', 'institution_admin')) =
	       (institution_id IS NOT NULL))
);
INSERT INTO account_roles_new (account_id, role, institution_id, granted_at)
	SELECT account_id, role, institution_id, granted_at FROM account_roles;
DROP TABLE account_roles;
ALTER TABLE account_roles_new RENAME TO account_roles;
CREATE UNIQUE INDEX account_roles_one ON account_roles (account_id, role, coalesce(institution_id, 0));
CREATE INDEX account_roles_institution ON account_roles (institution_id);
CREATE INDEX account_roles_role ON account_roles (role, account_id);

-- An archived space stays readable by its audience but takes no new thread or reply, and
-- leaves the list of spaces; the administrator can bring it back (NULL: live).
ALTER TABLE spaces ADD COLUMN archived_at INTEGER;
