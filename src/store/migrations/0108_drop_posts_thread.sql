-- 0108_drop_posts_thread: posts_thread (thread_id, id) is a prefix of posts_notify (0105), which
-- every plan that walked it now uses (covering more). Each reply wrote both; it now writes one
-- index of posts fewer: the writer's instructions per reply (callgrind, 200 replies) 473k -> 459k.
-- PostgreSQL has no posts_notify (0105 is SQLite's only) and keeps posts_thread.
DROP INDEX IF EXISTS posts_thread;
