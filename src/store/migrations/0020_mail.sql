-- 0020_mail: e-mail (issue 17): the outgoing queue, confirmed addresses, and the single-use
-- tokens of e-mail confirmation and password reset.
--
-- mail_queue: one row per message. It holds no text of the message: the sender writes it from
-- the template and the language when it sends. to_enc (an address other than the account's,
-- e.g. a parent's) and link_enc (the link's path, which may carry a token) are sealed like
-- accounts.email_enc, and both are set to NULL once the message is sent or given up; the row
-- then says only which template went when, for the administrator, until the purge (7 days).
CREATE TABLE mail_queue (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
	template   TEXT NOT NULL,
	locale     TEXT NOT NULL CHECK (locale IN ('fr', 'en')),
	to_enc     BLOB,
	link_enc   BLOB,
	status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
	attempts   INTEGER NOT NULL DEFAULT 0,
	next_at    INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	done_at    INTEGER,
	last_error TEXT
);
CREATE INDEX mail_queue_due ON mail_queue (status, next_at);
CREATE INDEX mail_queue_account ON mail_queue (account_id);
CREATE INDEX mail_queue_created ON mail_queue (created_at);

-- When the account's address was confirmed (NULL: not yet); a password reset needs it.
ALTER TABLE accounts ADD COLUMN email_confirmed_at INTEGER;

-- Tokens sent by e-mail: only their BLAKE2b hash is kept; used once (the row is deleted).
CREATE TABLE email_tokens (
	token_hash BLOB PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	purpose    TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX email_tokens_account ON email_tokens (account_id, purpose);
CREATE INDEX email_tokens_expiry ON email_tokens (expires_at);
