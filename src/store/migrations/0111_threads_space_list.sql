-- 0111_threads_space_list: the space page's list of threads read from its index alone (issue
-- 13). The index on (space_id, last_post_id) gave the fifty most recently active threads in
-- order, then each row was sought in the table for its title, counts and times: a seek per
-- thread (a fifth of the page's instructions on bench/members' data) and, after another
-- connection's commit emptied the reader's page cache, some thirty table pages read again
-- where the index's entries fill two or three. The reply's update of the thread row already
-- moved its entry (last_post_id is in the key); the entry is wider now (the title).
DROP INDEX threads_space;
CREATE INDEX threads_space ON threads (space_id, last_post_id, n_posts, created_at, last_post_at,
	author_id, title);
