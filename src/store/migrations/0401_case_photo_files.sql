-- 0401_case_photo_files: case photos become content-addressed files like every picture
-- (DATA/media/ab/cdef..., see 0400_media.sql); the row keeps the file's hash and size, and
-- data stays empty. The bytes of photos stored before are moved out of the database when
-- the data directory is opened (pro_photo_move_files: a row keeps its bytes until its file
-- is written, so the move can stop anywhere and start again). A file whose last reference
-- goes (an upload's or a case photo's row deleted, a photo replaced by its reviewed copy) is
-- listed in media_gone for the server to remove.

ALTER TABLE pro_case_photos ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
ALTER TABLE pro_case_photos ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0);
CREATE INDEX pro_case_photos_hash ON pro_case_photos (hash);

DROP TRIGGER media_last_row_gone;
CREATE TRIGGER media_last_row_gone AFTER DELETE ON media
WHEN NOT EXISTS (SELECT 1 FROM media WHERE hash = OLD.hash)
	AND NOT EXISTS (SELECT 1 FROM pro_case_photos WHERE hash = OLD.hash)
BEGIN
	INSERT INTO media_gone (hash) VALUES (OLD.hash) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER pro_case_photo_gone AFTER DELETE ON pro_case_photos
WHEN OLD.hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM media WHERE hash = OLD.hash)
	AND NOT EXISTS (SELECT 1 FROM pro_case_photos WHERE hash = OLD.hash)
BEGIN
	INSERT INTO media_gone (hash) VALUES (OLD.hash) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER pro_case_photo_replaced AFTER UPDATE OF hash ON pro_case_photos
WHEN OLD.hash IS NOT NULL AND OLD.hash IS NOT NEW.hash
	AND NOT EXISTS (SELECT 1 FROM media WHERE hash = OLD.hash)
	AND NOT EXISTS (SELECT 1 FROM pro_case_photos WHERE hash = OLD.hash)
BEGIN
	INSERT INTO media_gone (hash) VALUES (OLD.hash) ON CONFLICT DO NOTHING;
END;
