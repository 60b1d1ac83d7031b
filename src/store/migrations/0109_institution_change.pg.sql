-- 0109_institution_change: a thread page's related panel shows each article's institution by
-- name (api_thread_cache.h keeps panels ten minutes); a rename made through any node is
-- announced on entraide_change as "any page may have changed" (0106's function), like a
-- change of an article or a space.
CREATE TRIGGER institutions_change AFTER UPDATE ON institutions
	FOR EACH STATEMENT EXECUTE FUNCTION entraide_change_notify();
