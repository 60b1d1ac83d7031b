-- 0701_message_reports: a conversation reported to the moderators (issue 20). The server cannot
-- read a message, so the reporter's browser reveals, for each message the reporter chooses, the
-- message key sealed to them; the server opens its own stored ciphertext with it and checks the
-- sender's Ed25519 signature with the sender's published key of that version. What moderators
-- read is what that key signed in that conversation: the only way they ever read a message.
-- The words are kept until the report is resolved (then deleted), or the sender's account goes.
CREATE TABLE msg_reports (
	id              INTEGER PRIMARY KEY,
	conversation_id INTEGER REFERENCES msg_conversations (id) ON DELETE SET NULL,
	reporter_id     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	reason          TEXT NOT NULL,
	note            TEXT NOT NULL DEFAULT '',
	queue_key       INTEGER NOT NULL DEFAULT 0, -- "danger" first, then oldest first
	created_at      INTEGER NOT NULL,
	resolved_at     INTEGER,
	resolution      TEXT
);
CREATE INDEX msg_reports_queue ON msg_reports (resolved_at, queue_key);
CREATE INDEX msg_reports_conversation ON msg_reports (conversation_id);
CREATE INDEX msg_reports_reporter ON msg_reports (reporter_id);

-- One reported message as opened and checked: its words (text, and whether a photo came with
-- them: the photo is not forwarded), the sender, the version of the sender's keys, the Ed25519
-- public key and signature that were checked (base64url) and, without a photo, the signed
-- bytes themselves (the message's JSON), so that anyone can check the signature again.
CREATE TABLE msg_report_items (
	report_id  INTEGER NOT NULL REFERENCES msg_reports (id) ON DELETE CASCADE,
	message_id INTEGER NOT NULL,
	sender_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	sender_key INTEGER NOT NULL,
	sign_pk    TEXT NOT NULL,
	signature  TEXT NOT NULL,
	signed     TEXT,
	text       TEXT NOT NULL,
	photo      INTEGER NOT NULL DEFAULT 0,
	sent_at    INTEGER NOT NULL,
	PRIMARY KEY (report_id, message_id)
);
CREATE INDEX msg_report_items_sender ON msg_report_items (sender_id);
