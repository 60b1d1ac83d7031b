-- 0107_reaction_counts: each post keeps its reaction counts, packed in one integer of 21 bits
-- a kind (soutien, merci, utile: comm_thread_store.c's REACT_BITS), kept by triggers on
-- reactions. A thread page read them with a correlated subquery per post, a third of the
-- page's statement time (issue 13: a page costs what it shows). Counts never written by hand:
-- every path that adds or removes a reaction (a member, an account's deletion, a post's
-- cascade) goes through these triggers. ON CONFLICT DO NOTHING fires nothing.
ALTER TABLE posts ADD COLUMN reaction_counts INTEGER NOT NULL DEFAULT 0;
UPDATE posts SET reaction_counts = (
	SELECT coalesce(sum(CASE r.kind WHEN 'soutien' THEN 1 WHEN 'merci' THEN 2097152
	                    WHEN 'utile' THEN 4398046511104 ELSE 0 END), 0)
	FROM reactions r WHERE r.post_id = posts.id)
WHERE id IN (SELECT post_id FROM reactions);
CREATE TRIGGER reactions_count_insert AFTER INSERT ON reactions
BEGIN
	UPDATE posts SET reaction_counts = reaction_counts + CASE NEW.kind WHEN 'soutien' THEN 1
		WHEN 'merci' THEN 2097152 WHEN 'utile' THEN 4398046511104 ELSE 0 END
	WHERE id = NEW.post_id;
END;
CREATE TRIGGER reactions_count_delete AFTER DELETE ON reactions
BEGIN
	UPDATE posts SET reaction_counts = reaction_counts - CASE OLD.kind WHEN 'soutien' THEN 1
		WHEN 'merci' THEN 2097152 WHEN 'utile' THEN 4398046511104 ELSE 0 END
	WHERE id = OLD.post_id;
END;
