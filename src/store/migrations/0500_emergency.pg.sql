-- PostgreSQL's text of 0500_emergency.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0500_emergency: rule R3 in communities (issue 12). The moderators' queue holds the members'
-- reports and, next to them, the posts the intent classifier read as an emergency (source
-- 'classifier', no reporter). queue_key orders the queue, smallest first: a "someone may be in
-- danger" report or a post a safety rule caught (tier 0, oldest first); a post the model alone
-- called urgent (tier 1, by falling confidence, so a doubtful alarm never pushes a sure one
-- down); every other report (tier 2, oldest first). See src/api/api_emergency.c.
ALTER TABLE reports ADD COLUMN source TEXT NOT NULL DEFAULT 'member'
	CHECK (source IN ('member', 'classifier'));
ALTER TABLE reports ADD COLUMN rule TEXT;                                 -- the classifier's rule
ALTER TABLE reports ADD COLUMN confidence BIGINT NOT NULL DEFAULT 0;     -- per mille
-- The default is tier 2: a row written without its key never jumps the queue.
ALTER TABLE reports ADD COLUMN queue_key BIGINT NOT NULL DEFAULT 9007199254740992;
UPDATE reports SET queue_key = 9007199254740992 + id;                     -- 2^53: tier 2
CREATE INDEX reports_queue ON reports (resolved_at, queue_key);
-- The moderators on duty are found by role when a danger report or an emergency post arrives.
CREATE INDEX account_roles_role ON account_roles (role, account_id);
