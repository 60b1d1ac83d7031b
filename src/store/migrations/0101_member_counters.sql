-- 0101_member_counters: members at scale (issue 13). Indexes so that no statement reads every
-- row of a table that grows with use (tests/plans checks every statement's plan), and unread
-- counts kept up to date on write by triggers, so that reading them is one row, whatever
-- path wrote (replies, moderation, deletion of posts or accounts, retention).

-- Statements that searched without an index.
CREATE INDEX articles_institution ON articles (institution_id, id);

-- Foreign keys whose child column had no index: deleting the parent (an account, a post, a
-- thread) made SQLite read the whole child table to apply ON DELETE.
CREATE INDEX posts_quote ON posts (quote_id);
CREATE INDEX reactions_account ON reactions (account_id, post_id);
-- (thread_id, account_id): also finds one member's notifications in a thread when it is marked
-- read; the followers' notifications of one reply land on the same pages.
CREATE INDEX notifications_thread ON notifications (thread_id, account_id);
CREATE INDEX notifications_post ON notifications (post_id);
CREATE INDEX reports_post ON reports (post_id);
CREATE INDEX reports_reporter ON reports (reporter_id);
CREATE INDEX moderation_log_moderator ON moderation_log (moderator_id);
CREATE INDEX articles_author ON articles (author_id);
CREATE INDEX threads_author ON threads (author_id);

-- A member's unread notifications, counted on write.
CREATE TABLE notification_counts (
	account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	unread     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO notification_counts (account_id, unread)
	SELECT account_id, count(*) FROM notifications WHERE read_at IS NULL GROUP BY account_id;

CREATE TRIGGER notifications_count_insert AFTER INSERT ON notifications
WHEN NEW.read_at IS NULL
BEGIN
	INSERT INTO notification_counts (account_id, unread) VALUES (NEW.account_id, 1)
	ON CONFLICT (account_id) DO UPDATE SET unread = unread + 1;
END;

CREATE TRIGGER notifications_count_update AFTER UPDATE OF read_at ON notifications
WHEN (OLD.read_at IS NULL) <> (NEW.read_at IS NULL)
BEGIN
	UPDATE notification_counts SET unread = unread + CASE WHEN NEW.read_at IS NULL THEN 1 ELSE -1 END
	WHERE account_id = NEW.account_id;
END;

CREATE TRIGGER notifications_count_delete AFTER DELETE ON notifications
WHEN OLD.read_at IS NULL
BEGIN
	UPDATE notification_counts SET unread = unread - 1 WHERE account_id = OLD.account_id;
END;

-- A followed thread: its newest post (to list followed threads by activity from the index) and
-- the visible posts after the member's read marker.
ALTER TABLE follows ADD COLUMN last_post_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE follows ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
UPDATE follows SET
	last_post_id = (SELECT t.last_post_id FROM threads t WHERE t.id = follows.thread_id),
	unread = (SELECT count(*) FROM posts p WHERE p.thread_id = follows.thread_id
		AND p.id > follows.last_read_id AND p.hidden_at IS NULL AND p.deleted_at IS NULL);
CREATE INDEX follows_recent ON follows (account_id, last_post_id);

CREATE TRIGGER follows_post_insert AFTER INSERT ON posts
BEGIN
	UPDATE follows SET last_post_id = NEW.id,
		unread = unread + (NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL AND last_read_id < NEW.id)
	WHERE thread_id = NEW.thread_id;
END;

CREATE TRIGGER follows_post_visibility AFTER UPDATE OF hidden_at, deleted_at ON posts
WHEN (OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL) <> (NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL)
BEGIN
	UPDATE follows SET unread = unread +
		CASE WHEN NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL THEN 1 ELSE -1 END
	WHERE thread_id = NEW.thread_id AND last_read_id < NEW.id;
END;

CREATE TRIGGER follows_post_delete AFTER DELETE ON posts
WHEN OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL
BEGIN
	UPDATE follows SET unread = unread - 1 WHERE thread_id = OLD.thread_id AND last_read_id < OLD.id;
END;
