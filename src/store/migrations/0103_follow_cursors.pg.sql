-- PostgreSQL's text of 0103_follow_cursors.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB; the triggers are PL/pgSQL functions; nothing
-- of 0101's follows counters to remove (0101.pg.sql does not make them).
-- 0103_follow_cursors: a reply no longer writes one row per follower for unread counts
-- (issue 13). 0101 kept follows.unread and follows.last_post_id up to date with a trigger that
-- updated every follower's row on each reply (50 followers: 50 rows and 50 index entries spread
-- over the whole table, the largest part of a reply's cost). Now the thread counts its visible
-- posts once (threads.n_visible), each follow keeps how many of them its read marker covers
-- (follows.read_visible), and a followed thread's unread count is n_visible - read_visible:
-- a reply updates one thread row whatever the number of followers. Hiding, restoring or
-- deleting a post before a member's read marker still corrects that member's cursor (rare,
-- moderation and deletion only).

ALTER TABLE threads ADD COLUMN n_visible BIGINT NOT NULL DEFAULT 0;
UPDATE threads SET n_visible = (SELECT count(*) FROM posts p WHERE p.thread_id = threads.id
	AND p.hidden_at IS NULL AND p.deleted_at IS NULL);

ALTER TABLE follows ADD COLUMN read_visible BIGINT NOT NULL DEFAULT 0;
UPDATE follows SET read_visible = (SELECT t.n_visible FROM threads t WHERE t.id = follows.thread_id)
	- (SELECT count(*) FROM posts p WHERE p.thread_id = follows.thread_id
		AND p.id > follows.last_read_id AND p.hidden_at IS NULL AND p.deleted_at IS NULL);

-- (0101.pg.sql made none of 0101's follows counters: nothing to drop.)

CREATE FUNCTION threads_visible_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE threads SET n_visible = n_visible + 1 WHERE id = NEW.thread_id;
	RETURN NULL;
END $$;
CREATE TRIGGER threads_visible_insert AFTER INSERT ON posts
FOR EACH ROW WHEN (NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL)
EXECUTE FUNCTION threads_visible_insert();

CREATE FUNCTION threads_visible_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE threads SET n_visible = n_visible +
		CASE WHEN NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL THEN 1 ELSE -1 END
	WHERE id = NEW.thread_id;
	UPDATE follows SET read_visible = read_visible +
		CASE WHEN NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL THEN 1 ELSE -1 END
	WHERE thread_id = NEW.thread_id AND last_read_id >= NEW.id;
	RETURN NULL;
END $$;
CREATE TRIGGER threads_visible_update AFTER UPDATE OF hidden_at, deleted_at ON posts
FOR EACH ROW WHEN ((OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL) <>
		   (NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL))
EXECUTE FUNCTION threads_visible_update();

CREATE FUNCTION threads_visible_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE threads SET n_visible = n_visible - 1 WHERE id = OLD.thread_id;
	UPDATE follows SET read_visible = read_visible - 1
	WHERE thread_id = OLD.thread_id AND last_read_id >= OLD.id;
	RETURN NULL;
END $$;
CREATE TRIGGER threads_visible_delete AFTER DELETE ON posts
FOR EACH ROW WHEN (OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL)
EXECUTE FUNCTION threads_visible_delete();
