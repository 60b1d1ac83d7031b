-- 0004_backup_info: the expiry a backup copy carries (issue 18).
-- backup_info: empty in the live database; `entraide backup` writes one row into the copy it
-- makes (when it was made, when it expires), and `entraide backup restore` refuses an expired
-- copy and clears the row once the copy is live again.
CREATE TABLE backup_info (
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
