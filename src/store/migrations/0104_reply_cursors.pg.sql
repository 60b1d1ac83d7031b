-- PostgreSQL's text of 0104_reply_cursors.sql (store_pg.c runs it instead): the same, with
-- BIGINT for INTEGER (64 bits, as in SQLite).
-- 0104_reply_cursors: a reply writes no row per follower (issue 13); see the SQLite text for
-- the design. Invariant kept by every writer: notify_from <= last_read_id.

ALTER TABLE follows ADD COLUMN notify_from BIGINT NOT NULL DEFAULT 0;

UPDATE follows SET notify_from = coalesce((SELECT CASE WHEN min(n.post_id) - 1 < follows.last_read_id
		THEN min(n.post_id) - 1 ELSE follows.last_read_id END FROM notifications n
	WHERE n.thread_id = follows.thread_id AND n.account_id = follows.account_id
		AND n.kind = 'reply' AND n.post_id IS NOT NULL), follows.last_read_id);

DELETE FROM notifications WHERE kind = 'reply';

CREATE INDEX notifications_account_post ON notifications (account_id, post_id);
