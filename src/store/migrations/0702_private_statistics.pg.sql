-- 0702_private_statistics: PostgreSQL's planner statistics sample no value of a column that
-- holds who a member is or what a member wrote. ANALYZE (autovacuum runs it by itself once a
-- table has changed enough) copies sampled values into pg_statistic: a handle or an e-mail
-- hash as a histogram bound, a title or a searched word as a most common value. A deleted
-- account's rows are rewritten out of the table files (store_pg_erase.c), but pg_statistic is
-- a catalog the erase cannot rewrite, so the handle stayed in the database's files until the
-- next ANALYZE of that table, and in that catalog's dead rows after it (found by the API test
-- 'anonymise: ...' of tests/api/data_rights.test.mjs, when an autovacuum ANALYZE of accounts
-- ran between the account's creation and its deletion). A statistics target of 0 keeps
-- ANALYZE off these columns: no statement filters or sorts on their values (they are read by
-- key, or searched through the GIN index of posts_fts.tsv, whose estimate then is the
-- default one). Statistics sampled before this migration stay until their table is analyzed
-- again and pg_statistic vacuumed (docs/operations.md, "Real deletion").
-- Numbered after every table it alters (architecture.md, "Migrations").
ALTER TABLE accounts ALTER COLUMN handle SET STATISTICS 0,
	ALTER COLUMN handle_key SET STATISTICS 0,
	ALTER COLUMN email_hash SET STATISTICS 0,
	ALTER COLUMN email_enc SET STATISTICS 0;
ALTER TABLE threads ALTER COLUMN title SET STATISTICS 0;
ALTER TABLE posts ALTER COLUMN body SET STATISTICS 0,
	ALTER COLUMN html SET STATISTICS 0;
ALTER TABLE post_revisions ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE posts_fts ALTER COLUMN terms SET STATISTICS 0,
	ALTER COLUMN tsv SET STATISTICS 0;
ALTER TABLE reports ALTER COLUMN reason SET STATISTICS 0,
	ALTER COLUMN resolution SET STATISTICS 0;
ALTER TABLE moderation_log ALTER COLUMN note SET STATISTICS 0;
ALTER TABLE mail_queue ALTER COLUMN to_enc SET STATISTICS 0,
	ALTER COLUMN link_enc SET STATISTICS 0;
ALTER TABLE desk_requests ALTER COLUMN details_enc SET STATISTICS 0;
ALTER TABLE desk_messages ALTER COLUMN body_enc SET STATISTICS 0;
ALTER TABLE desk_files ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE desk_public ALTER COLUMN body SET STATISTICS 0,
	ALTER COLUMN reply SET STATISTICS 0;
ALTER TABLE pro_verifications ALTER COLUMN rpps SET STATISTICS 0,
	ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE pro_verification_events ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE pro_cases ALTER COLUMN title SET STATISTICS 0,
	ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE pro_case_answers ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE course_certificates ALTER COLUMN holder SET STATISTICS 0;
ALTER TABLE msg_messages ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE msg_reports ALTER COLUMN reason SET STATISTICS 0,
	ALTER COLUMN note SET STATISTICS 0;
ALTER TABLE msg_report_items ALTER COLUMN text SET STATISTICS 0;
