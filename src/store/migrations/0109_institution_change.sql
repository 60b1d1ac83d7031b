-- 0109_institution_change: nothing on SQLite (one process writes the file, and its caches hear
-- of its own writes: api_institution.c bumps them on a rename); PostgreSQL's text
-- (0109_institution_change.pg.sql) tells every node.
SELECT 1;
