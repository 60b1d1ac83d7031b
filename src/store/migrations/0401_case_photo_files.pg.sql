-- 0401_case_photo_files (PostgreSQL): see 0401_case_photo_files.sql. The triggers are PL/pgSQL
-- functions; what they do is the same.

ALTER TABLE pro_case_photos ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
ALTER TABLE pro_case_photos ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0 CHECK (bytes >= 0);
CREATE INDEX pro_case_photos_hash ON pro_case_photos (hash);

-- A file goes on the list when neither an upload nor a case photo references it any more.
CREATE FUNCTION media_file_unreferenced(h TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF h IS NOT NULL AND NOT EXISTS (SELECT 1 FROM media WHERE hash = h)
	   AND NOT EXISTS (SELECT 1 FROM pro_case_photos WHERE hash = h) THEN
		INSERT INTO media_gone (hash) VALUES (h) ON CONFLICT DO NOTHING;
	END IF;
END $$;

CREATE OR REPLACE FUNCTION media_last_row_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM media_file_unreferenced(OLD.hash);
	RETURN NULL;
END $$;

CREATE FUNCTION pro_case_photo_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR OLD.hash IS DISTINCT FROM NEW.hash THEN
		PERFORM media_file_unreferenced(OLD.hash);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER pro_case_photo_gone AFTER DELETE ON pro_case_photos
FOR EACH ROW EXECUTE FUNCTION pro_case_photo_gone();
CREATE TRIGGER pro_case_photo_replaced AFTER UPDATE OF hash ON pro_case_photos
FOR EACH ROW EXECUTE FUNCTION pro_case_photo_gone();
