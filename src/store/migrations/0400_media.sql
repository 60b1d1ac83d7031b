-- 0400_media: uploaded pictures (issue 4). Only the sanitized file is ever stored, under
-- DATA/media/ab/cdef... named by the BLAKE2b-256 of its bytes (hex); identical outputs share
-- one file, and each upload has its own row. When the last row of a file goes (its owner's
-- account is deleted), the trigger records the hash in media_gone; the server removes the
-- file, then the media_gone row (api_media.c), unless a new upload wants the file again.

CREATE TABLE media (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	hash       TEXT NOT NULL CHECK (length(hash) = 64),
	format     TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
	width      INTEGER NOT NULL CHECK (width > 0),
	height     INTEGER NOT NULL CHECK (height > 0),
	bytes      INTEGER NOT NULL CHECK (bytes > 0),
	created_at INTEGER NOT NULL
);
CREATE INDEX media_account ON media (account_id, id);
CREATE INDEX media_hash ON media (hash);

CREATE TABLE media_gone (
	hash TEXT PRIMARY KEY
);

CREATE TRIGGER media_last_row_gone AFTER DELETE ON media
WHEN NOT EXISTS (SELECT 1 FROM media WHERE hash = OLD.hash)
BEGIN
	INSERT OR IGNORE INTO media_gone (hash) VALUES (OLD.hash);
END;
