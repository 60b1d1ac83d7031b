-- 0301_pro_cases: de-identified case discussions between verified professionals (issue 7).
-- A case holds text that passed the de-identification check, answers from colleagues, photos
-- that went through the sanitizer, and the patient's consent. The consent record (who
-- consented, how, when, recorded by whom) is kept apart and never returned to readers.
-- Photos stay 'pending' (visible to their author only) until a second verified professional
-- approves them; the reviewer may add masks (the stored picture is replaced) or refuse.

CREATE TABLE pro_cases (
	id             INTEGER PRIMARY KEY,
	author_id      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	space          TEXT NOT NULL DEFAULT '',        -- professional space slug (issue 5), '' = none
	title          TEXT NOT NULL,
	body           TEXT NOT NULL,
	status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	helpful_id     INTEGER,                         -- pro_case_answers.id marked by the author
	created_at     INTEGER NOT NULL,
	first_answer_at INTEGER,                        -- for the median time to first answer
	closed_at      INTEGER
);
CREATE INDEX pro_cases_recent ON pro_cases (id DESC);

CREATE TABLE pro_case_consents (
	case_id     INTEGER PRIMARY KEY REFERENCES pro_cases (id) ON DELETE CASCADE,
	who         TEXT NOT NULL CHECK (who IN ('patient', 'legal-representative')),
	how         TEXT NOT NULL CHECK (how IN ('oral', 'written', 'electronic')),
	given_on    TEXT NOT NULL,                      -- YYYY-MM-DD
	recorded_by INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	recorded_at INTEGER NOT NULL
);

CREATE TABLE pro_case_answers (
	id         INTEGER PRIMARY KEY,
	case_id    INTEGER NOT NULL REFERENCES pro_cases (id) ON DELETE CASCADE,
	author_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	body       TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX pro_case_answers_case ON pro_case_answers (case_id, id);

CREATE TABLE pro_case_photos (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES pro_cases (id) ON DELETE CASCADE,
	author_id   INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	mime        TEXT NOT NULL,
	data        BLOB NOT NULL,                      -- sanitized: no metadata, faces covered
	width       INTEGER NOT NULL,
	height      INTEGER NOT NULL,
	n_faces     INTEGER NOT NULL DEFAULT 0,
	n_masks     INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
	reviewer_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
	reason      TEXT NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	reviewed_at INTEGER
);
CREATE INDEX pro_case_photos_case ON pro_case_photos (case_id, id);
CREATE INDEX pro_case_photos_pending ON pro_case_photos (status, id);
