-- 0110_thread_last_post_at: the time of a thread's last post, kept on the thread's row beside
-- its id (issue 13). The space page showed it through a join on posts for each of its fifty
-- threads: a posts row read for one integer, a third of the page's statement. The reply's
-- update of the thread row writes it (comm.thread_bump), the retention purge's recount too;
-- NULL while the thread has no post (the page then shows the thread's own time).
ALTER TABLE threads ADD COLUMN last_post_at INTEGER;
UPDATE threads SET last_post_at = (SELECT created_at FROM posts WHERE posts.id = threads.last_post_id);
