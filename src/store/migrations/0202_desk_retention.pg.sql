-- PostgreSQL's text of 0202_desk_retention.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0202_desk_retention: how long an institution keeps a resolved desk request (issue 18).
-- The purge (`entraide admin purge`, and hourly inside `serve`) deletes a resolved request and
-- its messages retention_days after it was resolved; 0 keeps them until the requester deletes
-- their account. Institutions without a desk_settings row use the default of 365 days.
ALTER TABLE desk_settings ADD COLUMN retention_days BIGINT NOT NULL DEFAULT 365
	CHECK (retention_days >= 0 AND retention_days <= 36500);
CREATE INDEX desk_requests_resolved ON desk_requests (resolved_at) WHERE status = 'resolved';
