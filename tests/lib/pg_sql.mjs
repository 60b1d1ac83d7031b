// tests/lib/pg_sql.mjs - the SQL an API test runs through `sqlite3 DIR/entraide.db` where the
// two engines differ (on PostgreSQL, tests/lib/pg_bin/sqlite3 runs it with psql): the schema
// (SQLite's pragma_table_info, pragma_foreign_key_list and sqlite_master; PostgreSQL's
// information_schema) and random text; and, for the tests of real deletion (R6), the files
// that hold a PostgreSQL database (those of SQLite are in the data directory). `sql` is the
// test's runner: (query) => trimmed output, rows joined by newlines, columns by |.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const onPg = Boolean(process.env.ENTRAIDE_PG_HOST);

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
// PostgreSQL: the tables of the schema entraide's migrations made (the connection's own).
const PG_TABLES = "table_schema = current_schema() AND table_type = 'BASE TABLE'";

// The columns of table in their order, joined by commas ('account_id,band,limited').
export function columnsOf(sql, table) {
  return sql(onPg
    ? `SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ${lit(table)}`
    : `SELECT group_concat(name) FROM pragma_table_info(${lit(table)})`);
}

// The tables whose name is LIKE pattern, in name order.
export function tablesLike(sql, pattern) {
  const out = sql(onPg
    ? `SELECT table_name FROM information_schema.tables WHERE ${PG_TABLES} AND table_name LIKE ${lit(pattern)} ORDER BY 1`
    : `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ${lit(pattern)} ORDER BY 1`);
  return out ? out.split('\n') : [];
}

// The foreign keys of the schema as [table, column, referenced table], in table order: every
// one, or those of `table`, or those referring to `target`.
export function foreignKeys(sql, { table = null, target = null } = {}) {
  let rows;
  if (onPg) {
    rows = sql(`SELECT k.table_name, k.column_name, u.table_name
      FROM information_schema.table_constraints t
      JOIN information_schema.key_column_usage k
        ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name AND k.table_name = t.table_name
      JOIN information_schema.constraint_table_usage u
        ON u.constraint_schema = t.constraint_schema AND u.constraint_name = t.constraint_name
      WHERE t.constraint_type = 'FOREIGN KEY' AND t.constraint_schema = current_schema()
      ${table ? `AND k.table_name = ${lit(table)}` : ''} ${target ? `AND u.table_name = ${lit(target)}` : ''}
      ORDER BY 1, k.ordinal_position, 2`);
  } else {
    rows = sql(`SELECT m.name, f."from", f."table" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' ${table ? `AND m.name = ${lit(table)}` : ''} ${target ? `AND f."table" = ${lit(target)}` : ''}
      ORDER BY 1, f.id, f.seq`);
  }
  return rows ? rows.split('\n').map((r) => r.split('|')) : [];
}

// An SQL expression of `bytes` random bytes as upper-case hexadecimal text (2 * bytes
// characters), drawn again for each row: row is an expression of the row (a series' i) that
// keeps PostgreSQL from computing the subquery once for all rows.
export function randomHex(bytes, row) {
  if (!onPg) return `hex(randomblob(${bytes}))`;
  return `(SELECT upper(substr(string_agg(encode(sha512((random()::text || ${row} || '.' || g)::bytea), 'hex'), ''), 1, ${2 * bytes}))
    FROM generate_series(1, ${Math.ceil(bytes / 64)}) g)`;
}

// PostgreSQL: the files of the test's database in the cluster's data directory (base/OID/:
// tables, TOAST, indexes, free space and visibility maps; the test cluster is local,
// scripts/pg-test-cluster.sh), after a CHECKPOINT wrote every changed page there, each as
// { path: 'pg:RELATION (base/OID/FILE)', bytes }; with wal, the write-ahead log's segments
// too (shared by every database of the cluster). [] on SQLite.
export function clusterFiles(sql, { wal = false } = {}) {
  if (!onPg) return [];
  sql('CHECKPOINT');
  const oid = sql('SELECT oid FROM pg_database WHERE datname = current_database()');
  const names = new Map(sql(`SELECT pg_relation_filenode(oid), relname FROM pg_class
    WHERE pg_relation_filenode(oid) IS NOT NULL`).split('\n').map((r) => r.split('|')));
  const data = join(process.env.ENTRAIDE_PG_HOST, 'data');
  const base = join('base', oid);
  const out = readdirSync(join(data, base)).filter((f) => /^\d/.test(f)).map((f) => ({
    path: `pg:${names.get(f.split(/[_.]/)[0]) ?? '?'} (${join(base, f)})`,
    bytes: readFileSync(join(data, base, f)),
  }));
  if (wal) {
    for (const f of readdirSync(join(data, 'pg_wal')).filter((x) => /^[0-9A-F]{24}$/.test(x)))
      out.push({ path: `pg:wal (pg_wal/${f})`, bytes: readFileSync(join(data, 'pg_wal', f)) });
  }
  return out;
}

// PostgreSQL: the "table.column" of every text column (text, varchar, tsvector, JSON) of the
// schema whose value holds one of needles (case-insensitively), read with SQL; [] when none,
// and on SQLite (its test reads the bytes of the one file instead).
export function columnsHolding(sql, needles) {
  if (!onPg) return [];
  const cols = sql(`SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'tsvector', 'json', 'jsonb') ORDER BY 1, 2`);
  const like = needles.map((n) => `lower(x::text) LIKE ${lit(`%${n.toLowerCase()}%`)}`).join(' OR ');
  const q = cols.split('\n').map((r) => r.split('|')).map(([t, c]) =>
    `SELECT ${lit(`${t}.${c}`)} FROM (SELECT "${c}" AS x FROM "${t}") s WHERE ${like}`);
  const out = sql(`SELECT DISTINCT * FROM (${q.join(' UNION ALL ')}) a`);
  return out ? out.split('\n') : [];
}
