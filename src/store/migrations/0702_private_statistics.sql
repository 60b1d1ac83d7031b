-- 0702_private_statistics: nothing to do on SQLite. entraide never runs ANALYZE there, so
-- sqlite_stat1/sqlite_stat4 hold no sampled values (PostgreSQL's text: 0702_*.pg.sql).
SELECT 1;
