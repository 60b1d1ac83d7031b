-- 0602_courses: courses (issue 21, R7). A course is written in one language; its translations
-- share a key. Lessons are Markdown (html: cmark's rendering) with a quiz kept as JSON
-- ([{question, answers: [{text, correct, explanation}]}]); offered_at is a bit set of the
-- places a short lesson is offered (1 first-post, 2 first-case-photo, 4 desk,
-- 8 identifiers-found). Shipped courses (content/courses/) are added at start when missing;
-- editors edit them afterwards. Progress is private to its member (exported, deleted with the
-- account); certificates are signed with the institution's key, like articles.
CREATE TABLE courses (
	id             INTEGER PRIMARY KEY,
	key            TEXT NOT NULL,
	slug           TEXT NOT NULL UNIQUE,
	language       TEXT NOT NULL CHECK (language IN ('fr', 'en')),
	title          TEXT NOT NULL,
	summary        TEXT NOT NULL,
	audience       TEXT NOT NULL CHECK (audience IN ('everyone', 'professionals')),
	minutes        INTEGER NOT NULL,
	institution_id INTEGER REFERENCES institutions (id) ON DELETE SET NULL,
	shipped        INTEGER NOT NULL DEFAULT 0,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX courses_key_language ON courses (key, language);
CREATE INDEX courses_language ON courses (language, slug);
CREATE INDEX courses_institution ON courses (institution_id);

CREATE TABLE course_lessons (
	id         INTEGER PRIMARY KEY,
	course_id  INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	slug       TEXT NOT NULL,
	title      TEXT NOT NULL,
	minutes    INTEGER NOT NULL,
	offered_at INTEGER NOT NULL DEFAULT 0,
	body       TEXT NOT NULL,
	html       TEXT NOT NULL,
	quiz       TEXT NOT NULL,
	UNIQUE (course_id, position),
	UNIQUE (course_id, slug)
);
CREATE INDEX course_lessons_offered ON course_lessons (offered_at) WHERE offered_at <> 0;

CREATE TABLE course_progress (
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	lesson_id  INTEGER NOT NULL REFERENCES course_lessons (id) ON DELETE CASCADE,
	course_id  INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
	score      INTEGER NOT NULL,
	questions  INTEGER NOT NULL,
	done_at    INTEGER NOT NULL,
	PRIMARY KEY (account_id, lesson_id)
);
CREATE INDEX course_progress_lesson ON course_progress (lesson_id);
CREATE INDEX course_progress_course ON course_progress (course_id, account_id);
CREATE INDEX course_progress_account ON course_progress (account_id, course_id);

CREATE TABLE course_certificates (
	id             INTEGER PRIMARY KEY,
	account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	course_id      INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
	institution_id INTEGER NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
	holder         TEXT NOT NULL,
	date           TEXT NOT NULL,
	signature      BLOB NOT NULL,
	created_at     INTEGER NOT NULL,
	UNIQUE (account_id, course_id)
);
CREATE INDEX course_certificates_course ON course_certificates (course_id);
CREATE INDEX course_certificates_account ON course_certificates (account_id, id);
CREATE INDEX course_certificates_institution ON course_certificates (institution_id);
