-- 0511_instance_settings: the instance's settings as the administrator sets them in the
-- browser (issue 17). One row; a NULL column keeps what the configuration says (file,
-- environment, flags: struct config), so an instance that never opens the page behaves as
-- before.
CREATE TABLE instance_settings (
	id           INTEGER PRIMARY KEY CHECK (id = 1),
	name         TEXT,
	registration TEXT CHECK (registration IN ('open', 'closed', 'invitation')),
	locales      TEXT CHECK (locales IN ('fr,en', 'fr', 'en')),
	updated_at   INTEGER NOT NULL
);

-- The instance's terms of use and privacy policy, plain text shown at /terms and /privacy-policy.
CREATE TABLE instance_pages (
	page       TEXT PRIMARY KEY CHECK (page IN ('terms', 'privacy')),
	body       TEXT NOT NULL,
	updated_at INTEGER NOT NULL
);

-- Sign-up by invitation: a code an administrator hands out, kept only as its hash, good once
-- and for a limited time.
CREATE TABLE invitations (
	id         INTEGER PRIMARY KEY,
	code_hash  BLOB NOT NULL UNIQUE,
	created_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at    INTEGER
);
CREATE INDEX invitations_created_by ON invitations (created_by);
