-- 0104_reply_cursors: a reply writes no row per follower (issue 13). Until now each reply
-- stored one "reply" notification per follower (50 followers: 50 rows spread over the whole
-- notifications index, ~98 % of a reply's write). A member's reply notifications are now read
-- from the followed threads themselves: the visible posts of others after the follow's
-- notify_from (the thread's last post when the member started following; moved forward by the
-- retention purge), read when the follow's read marker (last_read_id) covers them. The unread
-- count of a followed thread stays n_visible - read_visible (0103); the member's total adds the
-- moderation notifications, which are still rows (few: urgent posts, to the moderators).
-- Invariant kept by every writer: notify_from <= last_read_id.

ALTER TABLE follows ADD COLUMN notify_from INTEGER NOT NULL DEFAULT 0;

-- The stored reply notifications become the follows' cursors: a follow starts before the
-- first one it still holds (or at its read marker when it holds none, or when that is earlier).
UPDATE follows SET notify_from = coalesce((SELECT CASE WHEN min(n.post_id) - 1 < follows.last_read_id
		THEN min(n.post_id) - 1 ELSE follows.last_read_id END FROM notifications n
	WHERE n.thread_id = follows.thread_id AND n.account_id = follows.account_id
		AND n.kind = 'reply' AND n.post_id IS NOT NULL), follows.last_read_id);

-- (the unread counters of migration 0101 follow the deletion through their trigger)
DELETE FROM notifications WHERE kind = 'reply';

-- A moderator's notifications in the order of their posts (the list merges them with the
-- replies by post).
CREATE INDEX notifications_account_post ON notifications (account_id, post_id);
