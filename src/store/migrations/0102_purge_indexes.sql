-- 0102_purge_indexes: the retention purge (issue 18, api_purge.c) reads by age.
CREATE INDEX notifications_created ON notifications (created_at);
CREATE INDEX moderation_log_created ON moderation_log (created_at);
CREATE INDEX reports_resolved ON reports (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX threads_created ON threads (space_id, created_at);
