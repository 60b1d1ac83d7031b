-- 0111_threads_space_list: nothing on PostgreSQL (see 0111_threads_space_list.sql for SQLite's
-- covering index). Here the wider index would not be read alone: every reply rewrites its
-- thread's row, so the visibility map seldom lets PostgreSQL skip the table; and titles in a
-- wider B-tree would bring the threads table sooner past the size the erase rewrites whole
-- (STORE_PG_REWRITE_MAX, store_pg_erase.c), after which a deleted title stays in index pages
-- (R6; docs/operations.md, "Real deletion"). The statement keeps the migration's number in step.
SELECT 1;
