-- 0200_desk: the relation desk of institutions (issue 6).
-- Requests and their messages are sealed at rest (details_enc, body_enc: nonce + secretbox,
-- with a key derived from the instance master key, see src/desk/desk_seal.c): the database
-- holds the labels the queue filters on (type, status, flag) and the times, never the words.
-- Deleting an account deletes its requests (R6: deletion is real).

CREATE TABLE desk_settings (
	institution_id  INTEGER PRIMARY KEY REFERENCES institutions (id) ON DELETE CASCADE,
	teleconsult_url TEXT NOT NULL DEFAULT '',
	updated_at      INTEGER NOT NULL
);

CREATE TABLE desk_requests (
	id                INTEGER PRIMARY KEY,
	institution_id    INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
	requester_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	form              TEXT NOT NULL CHECK (form IN ('appointment', 'document', 'question',
	                                                'complaint', 'thanks', 'free')),
	type              TEXT NOT NULL CHECK (type IN ('appointment', 'document_request',
	                                                'consultation', 'urgent', 'complaint',
	                                                'praise', 'info', 'other')),
	intent            TEXT NOT NULL,
	confidence        INTEGER NOT NULL, -- per mille
	flag              TEXT NOT NULL DEFAULT '' CHECK (flag IN ('', 'urgent', 'consultation')),
	priority          INTEGER NOT NULL DEFAULT 0,
	status            TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress',
	                                                                'waiting', 'resolved')),
	assignee_id       INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	identity_checked  INTEGER NOT NULL DEFAULT 0,
	lang              TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
	details_enc       BLOB NOT NULL,
	created_at        INTEGER NOT NULL,
	first_response_at INTEGER,
	resolved_at       INTEGER,
	updated_at        INTEGER NOT NULL
);
CREATE INDEX desk_requests_queue ON desk_requests (institution_id, priority DESC, created_at);
CREATE INDEX desk_requests_requester ON desk_requests (requester_id, created_at);

-- kind: message (requester), reply (community manager, seen by the requester), note (internal,
-- community managers only), document (a copy delivered privately to the requester).
CREATE TABLE desk_messages (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER NOT NULL REFERENCES desk_requests (id) ON DELETE CASCADE,
	author_id   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('message', 'reply', 'note', 'document')),
	body_enc    BLOB NOT NULL,
	created_at  INTEGER NOT NULL
);
CREATE INDEX desk_messages_request ON desk_messages (request_id, id);

-- Canned replies hold no personal data: placeholders ({handle}, {institution}, {request},
-- {teleconsultation}) are filled when a reply is sent.
CREATE TABLE desk_canned (
	id             INTEGER PRIMARY KEY,
	institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
	title          TEXT NOT NULL,
	body           TEXT NOT NULL,
	created_at     INTEGER NOT NULL,
	UNIQUE (institution_id, title)
);

-- What changed in a queue, for the live updates (Server-Sent Events): ids only, no content.
CREATE TABLE desk_events (
	id             INTEGER PRIMARY KEY,
	institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
	request_id     INTEGER NOT NULL,
	what           TEXT NOT NULL,
	created_at     INTEGER NOT NULL
);
CREATE INDEX desk_events_inst ON desk_events (institution_id, id);

-- Public criticism on an institution's page, answered publicly by a community manager.
CREATE TABLE desk_public (
	id             INTEGER PRIMARY KEY,
	institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
	author_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
	body           TEXT NOT NULL,
	reply          TEXT,
	replied_by     INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	created_at     INTEGER NOT NULL,
	replied_at     INTEGER
);
CREATE INDEX desk_public_inst ON desk_public (institution_id, created_at);
