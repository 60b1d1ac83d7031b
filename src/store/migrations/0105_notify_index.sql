-- 0105_notify_index: a member's reply notifications (0104) read from an index alone (issue 13).
-- GET /api/v1/notifications merges the posts after each followed thread's notify_from; reading
-- them through posts_thread fetched every candidate post's row (bodies: one page each, ~500
-- pages for a member following 50 threads). This index holds what the list, the export and
-- the retention purge read of those posts, so their plans use it as a covering index.
CREATE INDEX posts_notify ON posts (thread_id, id, author_id, hidden_at, deleted_at, created_at);
