-- 0111_threads_space_list: the space page's list of threads read from its index alone (issue
-- 13); see 0111_threads_space_list.sql. The columns past the key are carried, not compared.
DROP INDEX threads_space;
CREATE INDEX threads_space ON threads (space_id, last_post_id)
	INCLUDE (n_posts, created_at, last_post_at, author_id, title);
