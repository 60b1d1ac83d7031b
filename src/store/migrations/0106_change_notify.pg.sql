-- 0106_change_notify: every node caches thread pages and search answers (api_thread_cache.c);
-- a change of what they show, made through any node, is announced at commit on the channel
-- entraide_change (store_watch, LISTEN): its payload the thread whose page changed (a post
-- written, edited, hidden or deleted, a reaction, the thread's own row), or "0" when any page
-- may have changed (a thread comes or goes, a space or an article changes). PostgreSQL folds
-- equal notifications of one transaction into one; nothing is sent for a rolled back one.
CREATE FUNCTION entraide_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	thread BIGINT := 0;
BEGIN
	IF TG_TABLE_NAME = 'posts' THEN
		thread := CASE WHEN TG_OP = 'DELETE' THEN OLD.thread_id ELSE NEW.thread_id END;
	ELSIF TG_TABLE_NAME = 'reactions' THEN
		SELECT p.thread_id INTO thread FROM posts p
		WHERE p.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.post_id ELSE NEW.post_id END;
		thread := coalesce(thread, 0);
	ELSIF TG_TABLE_NAME = 'threads' AND TG_OP = 'UPDATE' THEN
		thread := NEW.id;
	END IF;
	PERFORM pg_notify('entraide_change', thread::text);
	RETURN NULL;
END $$;
CREATE TRIGGER posts_change AFTER INSERT OR UPDATE OR DELETE ON posts
	FOR EACH ROW EXECUTE FUNCTION entraide_change_notify();
CREATE TRIGGER threads_change AFTER INSERT OR UPDATE OR DELETE ON threads
	FOR EACH ROW EXECUTE FUNCTION entraide_change_notify();
CREATE TRIGGER reactions_change AFTER INSERT OR DELETE ON reactions
	FOR EACH ROW EXECUTE FUNCTION entraide_change_notify();
CREATE TRIGGER spaces_change AFTER INSERT OR UPDATE OR DELETE ON spaces
	FOR EACH STATEMENT EXECUTE FUNCTION entraide_change_notify();
CREATE TRIGGER articles_change AFTER INSERT OR UPDATE OR DELETE ON articles
	FOR EACH STATEMENT EXECUTE FUNCTION entraide_change_notify();
