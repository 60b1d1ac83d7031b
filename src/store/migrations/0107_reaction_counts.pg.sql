-- 0107_reaction_counts: each post keeps its reaction counts, packed in one integer of 21 bits
-- a kind (see 0107_reaction_counts.sql), kept by a trigger on reactions.
ALTER TABLE posts ADD COLUMN reaction_counts BIGINT NOT NULL DEFAULT 0;
UPDATE posts SET reaction_counts = r.packed
FROM (SELECT post_id, sum(CASE kind WHEN 'soutien' THEN 1 WHEN 'merci' THEN 2097152
                      WHEN 'utile' THEN 4398046511104 ELSE 0 END) AS packed
      FROM reactions GROUP BY post_id) r
WHERE posts.id = r.post_id;
CREATE FUNCTION entraide_reaction_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE posts SET reaction_counts = reaction_counts + CASE NEW.kind WHEN 'soutien' THEN 1
			WHEN 'merci' THEN 2097152 WHEN 'utile' THEN 4398046511104 ELSE 0 END
		WHERE id = NEW.post_id;
	ELSE
		UPDATE posts SET reaction_counts = reaction_counts - CASE OLD.kind WHEN 'soutien' THEN 1
			WHEN 'merci' THEN 2097152 WHEN 'utile' THEN 4398046511104 ELSE 0 END
		WHERE id = OLD.post_id;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER reactions_count AFTER INSERT OR DELETE ON reactions
	FOR EACH ROW EXECUTE FUNCTION entraide_reaction_count();
