-- PostgreSQL's text of 0101_member_counters.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB; the triggers are PL/pgSQL functions; the
-- follows columns and triggers that 0103 removes are not made (no PostgreSQL database
-- predates 0103).
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
	account_id BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
	unread     BIGINT NOT NULL DEFAULT 0
);
INSERT INTO notification_counts (account_id, unread)
	SELECT account_id, count(*) FROM notifications WHERE read_at IS NULL GROUP BY account_id;

CREATE FUNCTION notifications_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO notification_counts (account_id, unread) VALUES (NEW.account_id, 1)
	ON CONFLICT (account_id) DO UPDATE SET unread = notification_counts.unread + 1;
	RETURN NULL;
END $$;
CREATE TRIGGER notifications_count_insert AFTER INSERT ON notifications
FOR EACH ROW WHEN (NEW.read_at IS NULL) EXECUTE FUNCTION notifications_count_insert();

CREATE FUNCTION notifications_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE notification_counts SET unread = unread + CASE WHEN NEW.read_at IS NULL THEN 1 ELSE -1 END
	WHERE account_id = NEW.account_id;
	RETURN NULL;
END $$;
CREATE TRIGGER notifications_count_update AFTER UPDATE OF read_at ON notifications
FOR EACH ROW WHEN ((OLD.read_at IS NULL) <> (NEW.read_at IS NULL))
EXECUTE FUNCTION notifications_count_update();

CREATE FUNCTION notifications_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE notification_counts SET unread = unread - 1 WHERE account_id = OLD.account_id;
	RETURN NULL;
END $$;
CREATE TRIGGER notifications_count_delete AFTER DELETE ON notifications
FOR EACH ROW WHEN (OLD.read_at IS NULL) EXECUTE FUNCTION notifications_count_delete();

-- (The follows counters SQLite's 0101 added here, columns last_post_id and unread with three
-- triggers on posts, were removed by 0103: no PostgreSQL database ever had them.)
