-- PostgreSQL's text of 0040_one_report_per_member.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB; posts and reports do not exist yet
-- here, so 0100 adds the references to them (PostgreSQL checks them at creation).
-- 0040_one_report_per_member: a member reports a post once (issue 17: one member reported
-- the same post 12 times in seconds). The member's report of a post, found by (post,
-- reporter): a second report finds it instead of adding one. Reports the classifier files
-- have no reporter and no mark. Marks go with the post, the account or the report.
-- (This range, 0040-0049, comes before the communities' 0100, which creates posts and
-- reports: SQLite checks the references when rows are written, not here, so the table can
-- name them; on a database where they do not exist yet, they do by the time anything writes.)
CREATE TABLE report_marks (
	post_id     BIGINT NOT NULL, -- REFERENCES posts (id) ON DELETE CASCADE: added by 0100
	reporter_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	report_id   BIGINT NOT NULL, -- REFERENCES reports (id) ON DELETE CASCADE: added by 0100
	PRIMARY KEY (post_id, reporter_id)
);
CREATE INDEX report_marks_reporter ON report_marks (reporter_id);
CREATE INDEX report_marks_report ON report_marks (report_id);
