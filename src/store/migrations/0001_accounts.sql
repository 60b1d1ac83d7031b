-- 0001_accounts: accounts, institutions, roles and sessions (issue 2).
-- E-mail addresses are stored encrypted (email_enc: nonce + secretbox) and found through a
-- keyed hash of their normalised form (email_hash); the server never keeps them in clear (R6).
-- Handles are unique case-insensitively through handle_key (the lower-case form).

CREATE TABLE accounts (
	id            INTEGER PRIMARY KEY,
	handle        TEXT NOT NULL,
	handle_key    TEXT NOT NULL UNIQUE,
	email_hash    BLOB NOT NULL UNIQUE,
	email_enc     BLOB NOT NULL,
	password_hash TEXT NOT NULL,
	locale        TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
	suspended_at  INTEGER,
	created_at    INTEGER NOT NULL
);

CREATE TABLE institutions (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

-- member is implicit (every account); the others are granted. editor and community_manager
-- name an institution; professional, moderator and administrator do not.
CREATE TABLE account_roles (
	account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	role           TEXT NOT NULL CHECK (role IN ('professional', 'editor', 'community_manager',
	                                             'moderator', 'administrator')),
	institution_id INTEGER REFERENCES institutions (id) ON DELETE CASCADE,
	granted_at     INTEGER NOT NULL,
	CHECK ((role IN ('editor', 'community_manager')) = (institution_id IS NOT NULL))
);
CREATE UNIQUE INDEX account_roles_one ON account_roles (account_id, role, coalesce(institution_id, 0));

CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
