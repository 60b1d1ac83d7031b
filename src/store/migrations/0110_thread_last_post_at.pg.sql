-- 0110_thread_last_post_at: the time of a thread's last post, kept on the thread's row beside
-- its id (issue 13); see 0110_thread_last_post_at.sql.
ALTER TABLE threads ADD COLUMN last_post_at BIGINT;
UPDATE threads SET last_post_at = (SELECT created_at FROM posts WHERE posts.id = threads.last_post_id);
