-- 0700_messages: direct messages, end-to-end encrypted (issue 20, R6). The server holds public
-- keys, ciphertexts, nonces, senders, recipients and times: never a plaintext, a preview or an
-- index of what was written. Binary values are base64url without padding (the API's form).
-- Everything here goes with its account (ON DELETE CASCADE); see src/message/msg.h.

-- The published public keys: X25519 (encryption) and Ed25519 (signatures). version grows at
-- each change, which msg_key_changes records so contacts are told their keys changed.
CREATE TABLE msg_keys (
	account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	box_pk     TEXT NOT NULL,
	sign_pk    TEXT NOT NULL,
	version    INTEGER NOT NULL,
	changed_at INTEGER NOT NULL
);
CREATE TABLE msg_key_changes (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	box_pk     TEXT NOT NULL,
	sign_pk    TEXT NOT NULL,
	changed_at INTEGER NOT NULL
);
CREATE INDEX msg_key_changes_account ON msg_key_changes (account_id, id);

-- The key backup: the private keys sealed in the browser with a key derived from a passphrase
-- (crypto_pwhash Argon2id with this salt and these limits). The server cannot open it.
CREATE TABLE msg_key_backups (
	account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	salt       TEXT NOT NULL,
	nonce      TEXT NOT NULL,
	sealed     TEXT NOT NULL,
	opslimit   INTEGER NOT NULL,
	memlimit   INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE msg_blocks (
	blocker_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	blocked_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX msg_blocks_blocked ON msg_blocks (blocked_id, blocker_id);

-- pair_key "a:b" (smaller account id first) makes a two-person conversation unique, so opening
-- it again finds it; NULL for groups (3 to 8 people).
CREATE TABLE msg_conversations (
	id          INTEGER PRIMARY KEY,
	pair_key    TEXT UNIQUE,
	disappear_s INTEGER NOT NULL DEFAULT 0 CHECK (disappear_s IN (0, 86400, 604800, 2592000)),
	created_at  INTEGER NOT NULL
);
-- sort_key orders a member's list: the conversation's last message id, or minus the
-- conversation's id before any message (unique per member either way, for keyset pages).
CREATE TABLE msg_members (
	conversation_id INTEGER NOT NULL REFERENCES msg_conversations (id) ON DELETE CASCADE,
	account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	sort_key        INTEGER NOT NULL,
	read_id         INTEGER NOT NULL DEFAULT 0,
	joined_at       INTEGER NOT NULL,
	PRIMARY KEY (conversation_id, account_id)
);
CREATE INDEX msg_members_account ON msg_members (account_id, sort_key);
-- the export walks a member's conversations in order
CREATE INDEX msg_members_account_conversation ON msg_members (account_id, conversation_id);

-- One row per message: the ciphertext under a per-message key (crypto_secretbox), its nonce,
-- who sent it with which version of their keys, when, and when it disappears (NULL: kept).
CREATE TABLE msg_messages (
	id              INTEGER PRIMARY KEY,
	conversation_id INTEGER NOT NULL REFERENCES msg_conversations (id) ON DELETE CASCADE,
	sender_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	sender_key      INTEGER NOT NULL,
	nonce           TEXT NOT NULL,
	body            TEXT NOT NULL,
	created_at      INTEGER NOT NULL,
	expires_at      INTEGER
);
CREATE INDEX msg_messages_conversation ON msg_messages (conversation_id, id);
CREATE INDEX msg_messages_sender ON msg_messages (sender_id);
CREATE INDEX msg_messages_expiry ON msg_messages (expires_at) WHERE expires_at IS NOT NULL;
-- The message key sealed to each member's X25519 key (crypto_box_seal), the sender included.
CREATE TABLE msg_envelopes (
	message_id INTEGER NOT NULL REFERENCES msg_messages (id) ON DELETE CASCADE,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	sealed     TEXT NOT NULL,
	PRIMARY KEY (message_id, account_id)
);
CREATE INDEX msg_envelopes_account ON msg_envelopes (account_id, message_id);
