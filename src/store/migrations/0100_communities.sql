-- 0100_communities: spaces, threads, posts, reactions, follows, notifications, moderation,
-- institution signing keys and validated articles, full-text search (issue 5).
-- Post bodies are stored only after the publishing check (R1): what is here is what others
-- may read. Authors are kept by id; deleting an account sets author_id to NULL (anonymised)
-- or removes the posts (store_account_delete's hook).

CREATE TABLE spaces (
	id             INTEGER PRIMARY KEY,
	slug           TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	description    TEXT NOT NULL DEFAULT '',
	language       TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
	kind           TEXT NOT NULL DEFAULT 'community'
	               CHECK (kind IN ('community', 'professional', 'institution')),
	visibility     TEXT NOT NULL CHECK (visibility IN ('public', 'members', 'professionals')),
	indexable      INTEGER NOT NULL DEFAULT 0,   -- public spaces are noindex unless they opt in
	retention_days INTEGER NOT NULL DEFAULT 0,   -- 0: kept until deleted by its author
	institution_id INTEGER REFERENCES institutions (id) ON DELETE SET NULL,
	created_at     INTEGER NOT NULL
);

CREATE TABLE threads (
	id           INTEGER PRIMARY KEY,
	space_id     INTEGER NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
	author_id    INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	title        TEXT NOT NULL,
	n_posts      INTEGER NOT NULL DEFAULT 0,
	last_post_id INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL
);
CREATE INDEX threads_space ON threads (space_id, last_post_id);

CREATE TABLE posts (
	id         INTEGER PRIMARY KEY,
	thread_id  INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
	author_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	body       TEXT NOT NULL,          -- Markdown, after the publishing check
	html       TEXT NOT NULL,          -- cmark, safe mode, rendered once
	label      TEXT NOT NULL DEFAULT 'testimony' CHECK (label IN ('testimony', 'validated')),
	quote_id   INTEGER REFERENCES posts (id) ON DELETE SET NULL,
	redacted   INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	edited_at  INTEGER,
	deleted_at INTEGER,
	hidden_at  INTEGER
);
CREATE INDEX posts_thread ON posts (thread_id, id);
CREATE INDEX posts_author ON posts (author_id);

CREATE TABLE post_revisions (
	id         INTEGER PRIMARY KEY,
	post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
	body       TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id);

CREATE TABLE reactions (
	post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('soutien', 'merci', 'utile')),
	created_at INTEGER NOT NULL,
	PRIMARY KEY (post_id, account_id, kind)
) WITHOUT ROWID;

CREATE TABLE follows (
	account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	thread_id    INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
	last_read_id INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (account_id, thread_id)
) WITHOUT ROWID;
CREATE INDEX follows_thread ON follows (thread_id);

CREATE TABLE notifications (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('reply', 'moderation')),
	thread_id  INTEGER REFERENCES threads (id) ON DELETE CASCADE,
	post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	read_at    INTEGER
);
CREATE INDEX notifications_account ON notifications (account_id, id);

-- The reporter is kept for moderators only; nothing returns it to the author.
CREATE TABLE reports (
	id          INTEGER PRIMARY KEY,
	post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
	reporter_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	reason      TEXT NOT NULL,
	created_at  INTEGER NOT NULL,
	resolved_at INTEGER,
	resolution  TEXT
);
CREATE INDEX reports_open ON reports (resolved_at, id);

-- Every moderator action, append-only.
CREATE TABLE moderation_log (
	id           INTEGER PRIMARY KEY,
	moderator_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	action       TEXT NOT NULL,
	target_kind  TEXT NOT NULL,
	target_id    INTEGER NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL
);

-- Ed25519 key pair of an institution; the secret key sealed with a key derived from the
-- instance master key (nonce || secretbox).
CREATE TABLE institution_keys (
	institution_id INTEGER PRIMARY KEY REFERENCES institutions (id) ON DELETE CASCADE,
	public_key     BLOB NOT NULL,
	secret_sealed  BLOB NOT NULL,
	created_at     INTEGER NOT NULL
);

CREATE TABLE articles (
	id             INTEGER PRIMARY KEY,
	institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
	author_id      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	author_role    TEXT NOT NULL,
	language       TEXT NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
	title          TEXT NOT NULL,
	body           TEXT NOT NULL,
	html           TEXT NOT NULL,
	version        INTEGER NOT NULL DEFAULT 1,
	date           TEXT NOT NULL,     -- publication date, YYYY-MM-DD
	reviewed       TEXT NOT NULL,     -- last review date, YYYY-MM-DD
	signature      BLOB NOT NULL,
	created_at     INTEGER NOT NULL
);

-- Full text: the C side folds and stems the text (libstemmer, fr/en) before it is indexed,
-- and does the same to queries; the tokenizer folds case and diacritics.
CREATE VIRTUAL TABLE posts_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2');
