-- 0106_change_notify: nothing on SQLite (one process writes the file, and its caches hear of
-- its own writes); PostgreSQL's text (0106_change_notify.pg.sql) tells every node.
SELECT 1;
