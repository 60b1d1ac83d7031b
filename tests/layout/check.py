#!/usr/bin/env python3
"""check.py - the layout check of `make check` (make layout-check, issue 14): what each folder
of src/ may hold, read from the files as text.

  check.py [ROOT]      checks ROOT/src (ROOT defaults to the current folder); prints each
                       breach as FILE:LINE: RULE: what, then a count; exit 1 when any
  check.py --self-test writes a small tree breaking every rule into a temporary folder and
                       checks that each rule catches its breach there (and that a clean tree
                       passes), so the check is known to be able to fail

Rules:
  api-sql        src/api/ holds no SQL: no string literal shaped as a statement (SELECT ... FROM,
                 INSERT INTO, UPDATE x SET, DELETE FROM); SQL lives in the domain stores
  api-mhd        src/api/ never names libmicrohttpd (MHD_, microhttpd.h): http.h is its transport
  api-sqlite     src/api/ never names sqlite3
  sqlite-only    outside the SQLite back end (src/store/store_sqlite*.c) and the migrations:
                 no sqlite3 in code, and no SQLite-only SQL in string literals
                 (last_insert_rowid, strftime, INSERT OR IGNORE/REPLACE, FTS5 MATCH, bm25, rowid,
                 WITHOUT ROWID)
  api-demo       no file of src/api/ is named *demo* (the demo is src/cli/demo/)
  long-file      no source file of src/ is over 900 lines

Comments are left out of the code rules (a comment may say what it is not); literals next to
each other are read as one, as the compiler joins them.
Not responsible for: whether the SQL is right (the unit, API and query-plan suites).
"""
import os
import re
import sys
import tempfile

MAX_LINES = 900
SOURCE_EXT = ('.c', '.h', '.cc')
SQL_STATEMENT = re.compile(
    r'\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|'
    r'\bDELETE\s+FROM\b')
SQLITE_SQL = re.compile(
    r'last_insert_rowid|strftime\s*\(|INSERT\s+OR\s+(IGNORE|REPLACE)|\bMATCH\b|\bbm25\b|'
    r'\browid\b|WITHOUT\s+ROWID', re.IGNORECASE)
SQL_WORD = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|CREATE|WHERE)\b')


def split_c(text):
    """The code of a C file without its comments, and its string literals as (line, text)
    with adjacent literals joined."""
    code, literals = [], []
    i, n, line = 0, len(text), 1
    run, run_line, last_end = None, 0, -1
    while i < n:
        ch = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            line += text.count('\n', i, j)
            code.append('\n' * text.count('\n', i, j))
            i = j
            continue
        if ch == '"' or ch == "'":
            j, buf = i + 1, []
            while j < n and text[j] != ch:
                if text[j] == '\\' and j + 1 < n:
                    buf.append(text[j:j + 2])
                    j += 2
                    continue
                buf.append(text[j])
                j += 1
            s = ''.join(buf)
            if ch == '"':
                between = text[last_end:i] if run is not None else ''
                if run is not None and re.fullmatch(r'[\s\\]*', between):
                    run += s
                else:
                    if run is not None:
                        literals.append((run_line, run))
                    run, run_line = s, line
                last_end = j + 1
            code.append(text[i:j + 1])
            line += text.count('\n', i, j + 1)
            i = j + 1
            continue
        if ch == '\n':
            line += 1
        code.append(ch)
        i += 1
    if run is not None:
        literals.append((run_line, run))
    return ''.join(code), literals


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def check(root):
    """The breaches under root/src, as (path, line, rule, what)."""
    out = []
    src = os.path.join(root, 'src')
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            in_api = rel.startswith('src/api/')
            if in_api and 'demo' in name.lower():
                out.append((rel, 1, 'api-demo', 'a demo file in src/api/'))
            if not name.endswith(SOURCE_EXT + ('.sql',)):
                continue
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            n_lines = text.count('\n') + (0 if text.endswith('\n') or not text else 1)
            if n_lines > MAX_LINES:
                out.append((rel, n_lines, 'long-file', f'{n_lines} lines (over {MAX_LINES})'))
            if not name.endswith(SOURCE_EXT):
                continue
            # store_pg*.c: PostgreSQL's own SQL; store_search.c writes the FTS tables, whose
            # PostgreSQL twins keep a column named rowid (migration 0100's .pg.sql, issue 16)
            sqlite_backend = re.fullmatch(r'src/store/store_(sqlite[^/]*|pg[^/]*|search)\.c',
                                          rel) is not None
            code, literals = split_c(text)
            if in_api:
                for word, rule in (('MHD_', 'api-mhd'), ('microhttpd.h', 'api-mhd'),
                                   ('sqlite3', 'api-sqlite')):
                    for m in re.finditer(re.escape(word), text):
                        out.append((rel, line_of(text, m.start()), rule, f'names {word}'))
                for ln, lit in literals:
                    if SQL_STATEMENT.search(lit):
                        out.append((rel, ln, 'api-sql', 'SQL: ' + lit[:60]))
            if sqlite_backend:
                continue
            for m in re.finditer(r'sqlite3', code):
                out.append((rel, line_of(code, m.start()), 'sqlite-only', 'sqlite3 in code'))
            for ln, lit in literals:
                m = SQLITE_SQL.search(lit)
                if m and (SQL_STATEMENT.search(lit) or SQL_WORD.search(lit)):
                    out.append((rel, ln, 'sqlite-only', f'{m.group(0)} in SQL'))
    return out


BAD_TREE = {
    'src/api/api_bad.c': '#include <microhttpd.h>\n'
                         'static const char *q = "SELECT id "\n  "FROM posts WHERE id = ?1";\n'
                         'int f(void) { return MHD_YES; } /* sqlite3 */\n',
    'src/api/api_demo_fill.c': 'int g;\n',
    'src/desk/desk_bad.c': '#include <sqlite3.h>\n'
                           'static const char *a = "INSERT OR IGNORE INTO t (x) VALUES (1)";\n'
                           'static const char *b = "SELECT last_insert_rowid()";\n'
                           'static const char *c = "SELECT rowid FROM posts_fts WHERE posts_fts '
                           'MATCH ?1";\n',
    'src/core/long.c': 'int x;\n' * (MAX_LINES + 1),
}
GOOD_TREE = {
    'src/api/api_ok.c': '/* no SQL here: not a SELECT x FROM y in a comment either */\n'
                        'static const char *m[] = {"DELETE", "Select a space"};\n',
    'src/store/store_sqlite_x.c': '#include <sqlite3.h>\n'
                                  'static const char *s = "SELECT rowid FROM f WHERE f MATCH ?1";\n',
    'src/core/clock.c': '/* strftime: the C one */\nint f(void) { return strftime(0, 0, "%Y", 0); }\n',
    'src/store/migrations/0001_x.sql': 'CREATE VIRTUAL TABLE f USING fts5(x);\n',
    'src/core/ok.c': 'int x;\n' * MAX_LINES,
}
EXPECTED = {('src/api/api_bad.c', 'api-mhd'), ('src/api/api_bad.c', 'api-sql'),
            ('src/api/api_bad.c', 'api-sqlite'), ('src/api/api_demo_fill.c', 'api-demo'),
            ('src/desk/desk_bad.c', 'sqlite-only'), ('src/core/long.c', 'long-file')}


def write_tree(root, files):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)


def self_test():
    with tempfile.TemporaryDirectory(prefix='entraide-layout-') as bad, \
            tempfile.TemporaryDirectory(prefix='entraide-layout-') as good:
        write_tree(bad, BAD_TREE)
        write_tree(good, GOOD_TREE)
        breaches = check(bad)
        clean = check(good)
    found = {(p, r) for p, _, r, _ in breaches}
    missed = EXPECTED - found
    for p, r in sorted(missed):
        print(f'self-test: {r} did not catch {p}')
    for p, ln, r, what in clean:
        print(f'self-test: {r} caught the clean {p}:{ln}: {what}')
    n_desk = sum(1 for p, _, r, _ in breaches if p == 'src/desk/desk_bad.c')
    if n_desk != 4:
        print(f'self-test: desk_bad.c breaks sqlite-only 4 times, {n_desk} caught')
    return 1 if missed or clean or n_desk != 4 else 0


def main(argv):
    if argv[1:] == ['--self-test']:
        rc = self_test()
        print('layout self-test: ' + ('ok' if rc == 0 else 'FAILED'))
        return rc
    root = argv[1] if len(argv) > 1 else '.'
    breaches = check(root)
    for rel, ln, rule, what in breaches:
        print(f'{rel}:{ln}: {rule}: {what}')
    print(f'layout: {len(breaches)} breach(es) in {os.path.join(root, "src")}')
    return 1 if breaches else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
