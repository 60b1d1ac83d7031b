-- 0702_private_statistics: PostgreSQL's planner statistics hold no value of a column that
-- holds who a member is or what a member wrote. ANALYZE (autovacuum runs it by itself once a
-- table has changed enough) copies sampled values into the catalog pg_statistic: a handle or
-- an e-mail hash as a histogram bound, a title as a most common value. A deleted account's
-- rows are rewritten out of the table files (store_pg_erase.c), but not pg_statistic's, so the
-- handle stayed in the database's files (the API test 'anonymise: ...' of
-- tests/api/data_rights.test.mjs, when an autovacuum ANALYZE of accounts ran between the
-- account's creation and its deletion).
-- Each column below gets a statistics target of 0 (ANALYZE skips it) and its type set again
-- to itself, which drops the statistics already sampled (PostgreSQL removes a column's
-- pg_statistic row when its type is altered; same type: no table rewrite) - the target alone
-- would keep them for good. No statement needs these columns' value statistics: they are read
-- by key or through unique indexes (handle_key's range and order use its B-tree whatever the
-- estimate). Not here: posts_fts.tsv, whose element statistics choose between the GIN index
-- and the rowid order for a search (without them a rare word walked the whole table, 10 ms
-- -> 50-60 ms at 100,000 posts, the session's review); what its most common elements may
-- keep is in docs/operations.md, "Real deletion". posts_fts.terms gets the
-- target only: tsv is generated from it, so its type cannot be altered (nor that of
-- pro_case_photos.hash, which a trigger reads); statistics sampled from them before this
-- migration stay until a superuser deletes those rows of pg_statistic (docs/operations.md,
-- "Real deletion").
-- Numbered after every table it alters (architecture.md, "Migrations").
ALTER TABLE accounts ALTER COLUMN handle TYPE TEXT,
	ALTER COLUMN handle SET STATISTICS 0,
	ALTER COLUMN handle_key TYPE TEXT,
	ALTER COLUMN handle_key SET STATISTICS 0,
	ALTER COLUMN email_hash TYPE BYTEA,
	ALTER COLUMN email_hash SET STATISTICS 0,
	ALTER COLUMN email_enc TYPE BYTEA,
	ALTER COLUMN email_enc SET STATISTICS 0,
	ALTER COLUMN password_hash TYPE TEXT,
	ALTER COLUMN password_hash SET STATISTICS 0;
ALTER TABLE threads ALTER COLUMN title TYPE TEXT,
	ALTER COLUMN title SET STATISTICS 0;
ALTER TABLE posts ALTER COLUMN body TYPE TEXT,
	ALTER COLUMN body SET STATISTICS 0,
	ALTER COLUMN html TYPE TEXT,
	ALTER COLUMN html SET STATISTICS 0;
ALTER TABLE post_revisions ALTER COLUMN body TYPE TEXT,
	ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE reports ALTER COLUMN reason TYPE TEXT,
	ALTER COLUMN reason SET STATISTICS 0,
	ALTER COLUMN resolution TYPE TEXT,
	ALTER COLUMN resolution SET STATISTICS 0;
ALTER TABLE moderation_log ALTER COLUMN note TYPE TEXT,
	ALTER COLUMN note SET STATISTICS 0;
ALTER TABLE mail_queue ALTER COLUMN to_enc TYPE BYTEA,
	ALTER COLUMN to_enc SET STATISTICS 0,
	ALTER COLUMN link_enc TYPE BYTEA,
	ALTER COLUMN link_enc SET STATISTICS 0,
	ALTER COLUMN last_error TYPE TEXT,
	ALTER COLUMN last_error SET STATISTICS 0;
ALTER TABLE desk_requests ALTER COLUMN details_enc TYPE BYTEA,
	ALTER COLUMN details_enc SET STATISTICS 0;
ALTER TABLE desk_messages ALTER COLUMN body_enc TYPE BYTEA,
	ALTER COLUMN body_enc SET STATISTICS 0;
ALTER TABLE desk_files ALTER COLUMN name TYPE TEXT,
	ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE desk_public ALTER COLUMN body TYPE TEXT,
	ALTER COLUMN body SET STATISTICS 0,
	ALTER COLUMN reply TYPE TEXT,
	ALTER COLUMN reply SET STATISTICS 0;
ALTER TABLE pro_verifications ALTER COLUMN rpps TYPE TEXT,
	ALTER COLUMN rpps SET STATISTICS 0,
	ALTER COLUMN reason TYPE TEXT,
	ALTER COLUMN reason SET STATISTICS 0,
	ALTER COLUMN profession TYPE TEXT,
	ALTER COLUMN profession SET STATISTICS 0,
	ALTER COLUMN specialty TYPE TEXT,
	ALTER COLUMN specialty SET STATISTICS 0;
ALTER TABLE pro_verification_events ALTER COLUMN reason TYPE TEXT,
	ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE pro_cases ALTER COLUMN title TYPE TEXT,
	ALTER COLUMN title SET STATISTICS 0,
	ALTER COLUMN body TYPE TEXT,
	ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE pro_case_answers ALTER COLUMN body TYPE TEXT,
	ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE pro_case_photos ALTER COLUMN reason TYPE TEXT,
	ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE media ALTER COLUMN hash TYPE TEXT,
	ALTER COLUMN hash SET STATISTICS 0;
ALTER TABLE course_certificates ALTER COLUMN holder TYPE TEXT,
	ALTER COLUMN holder SET STATISTICS 0;
ALTER TABLE msg_messages ALTER COLUMN body TYPE TEXT,
	ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE msg_conversations ALTER COLUMN pair_key TYPE TEXT,
	ALTER COLUMN pair_key SET STATISTICS 0;
ALTER TABLE msg_envelopes ALTER COLUMN sealed TYPE TEXT,
	ALTER COLUMN sealed SET STATISTICS 0;
ALTER TABLE msg_keys ALTER COLUMN box_pk TYPE TEXT,
	ALTER COLUMN box_pk SET STATISTICS 0,
	ALTER COLUMN sign_pk TYPE TEXT,
	ALTER COLUMN sign_pk SET STATISTICS 0;
ALTER TABLE msg_key_changes ALTER COLUMN box_pk TYPE TEXT,
	ALTER COLUMN box_pk SET STATISTICS 0,
	ALTER COLUMN sign_pk TYPE TEXT,
	ALTER COLUMN sign_pk SET STATISTICS 0;
ALTER TABLE msg_reports ALTER COLUMN reason TYPE TEXT,
	ALTER COLUMN reason SET STATISTICS 0,
	ALTER COLUMN note TYPE TEXT,
	ALTER COLUMN note SET STATISTICS 0,
	ALTER COLUMN resolution TYPE TEXT,
	ALTER COLUMN resolution SET STATISTICS 0;
ALTER TABLE msg_report_items ALTER COLUMN text TYPE TEXT,
	ALTER COLUMN text SET STATISTICS 0,
	ALTER COLUMN signed TYPE TEXT,
	ALTER COLUMN signed SET STATISTICS 0;
-- secrets, keys and hashes of tokens, tombstones and limits (the second review)
ALTER TABLE account_totp ALTER COLUMN secret_enc TYPE BYTEA,
	ALTER COLUMN secret_enc SET STATISTICS 0;
ALTER TABLE desk_files ALTER COLUMN data_enc TYPE BYTEA,
	ALTER COLUMN data_enc SET STATISTICS 0;
ALTER TABLE msg_key_backups ALTER COLUMN sealed TYPE TEXT,
	ALTER COLUMN sealed SET STATISTICS 0,
	ALTER COLUMN salt TYPE TEXT,
	ALTER COLUMN salt SET STATISTICS 0,
	ALTER COLUMN nonce TYPE TEXT,
	ALTER COLUMN nonce SET STATISTICS 0;
ALTER TABLE msg_report_items ALTER COLUMN signature TYPE TEXT,
	ALTER COLUMN signature SET STATISTICS 0,
	ALTER COLUMN sign_pk TYPE TEXT,
	ALTER COLUMN sign_pk SET STATISTICS 0;
ALTER TABLE rate_limits ALTER COLUMN key TYPE BYTEA,
	ALTER COLUMN key SET STATISTICS 0;
ALTER TABLE sessions ALTER COLUMN token_hash TYPE BYTEA,
	ALTER COLUMN token_hash SET STATISTICS 0;
ALTER TABLE account_tombstones ALTER COLUMN hash TYPE BYTEA,
	ALTER COLUMN hash SET STATISTICS 0;
ALTER TABLE email_tokens ALTER COLUMN token_hash TYPE BYTEA,
	ALTER COLUMN token_hash SET STATISTICS 0;
ALTER TABLE parent_tokens ALTER COLUMN token_hash TYPE BYTEA,
	ALTER COLUMN token_hash SET STATISTICS 0;
ALTER TABLE invitations ALTER COLUMN code_hash TYPE BYTEA,
	ALTER COLUMN code_hash SET STATISTICS 0;
ALTER TABLE totp_recovery_codes ALTER COLUMN code_hash TYPE BYTEA,
	ALTER COLUMN code_hash SET STATISTICS 0;
ALTER TABLE posts_fts ALTER COLUMN terms SET STATISTICS 0;
ALTER TABLE pro_case_photos ALTER COLUMN hash SET STATISTICS 0;
