-- 0201_desk_indexes: indexes found missing by the query-plan test (issue 13).
-- Purging old events searched every event.
CREATE INDEX desk_events_created ON desk_events (created_at);
-- Foreign keys without an index on their child column: deleting an account read every
-- message, public answer and request to apply ON DELETE.
CREATE INDEX desk_messages_author ON desk_messages (author_id);
CREATE INDEX desk_public_author ON desk_public (author_id);
CREATE INDEX desk_public_replied_by ON desk_public (replied_by);
CREATE INDEX desk_requests_assignee ON desk_requests (assignee_id);
