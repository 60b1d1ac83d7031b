-- PostgreSQL's text of 0510_administration.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB; the new role is allowed by replacing
-- account_roles' CHECK constraints (PostgreSQL alters them; SQLite rebuilt the table).
-- 0510_administration: running an instance from the browser (issue 17).
-- Numbered after 0500 on purpose: it rebuilds account_roles with the indexes of 0001, 0002 and
-- 0500 and alters spaces (0100). Migrations run in number order, so on a new database a
-- number in 0006-0019 would run before those exist (and 0500 would then fail).
--
-- Institution administrators: a role bound to one institution, who manages its staff and
-- decides the verification requests of the professionals who name it. SQLite cannot change a
-- CHECK constraint, so account_roles is rebuilt with the new role (nothing references it);
-- its indexes (0001, 0002, 0500) are made again.
ALTER TABLE account_roles
	DROP CONSTRAINT account_roles_role_check,
	DROP CONSTRAINT account_roles_scope_check,
	ADD CONSTRAINT account_roles_role_check CHECK (role IN ('professional', 'editor',
		'community_manager', 'moderator', 'administrator', 'institution_admin')),
	ADD CONSTRAINT account_roles_scope_check
		CHECK ((role IN ('editor', 'community_manager', 'institution_admin')) =
		       (institution_id IS NOT NULL));

-- An archived space stays readable by its audience but takes no new thread or reply, and
-- leaves the list of spaces; the administrator can bring it back (NULL: live).
ALTER TABLE spaces ADD COLUMN archived_at BIGINT;
