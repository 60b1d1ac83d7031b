// tests/api/export_large.test.mjs - issue 18: "large exports streamed, not built in memory".
// A member holds 3,000 posts of 24,000 characters each (72 MB of text, more than the 64 MiB
// the export used to assemble in memory): their export is a valid ZIP (Python's zipfile
// checks every CRC) whose data.json holds every post and whose index.html shows every post,
// and the server's peak resident memory (VmHWM) grows by far less than the archive's size
// while it is sent. The posts are written straight into the database with the sqlite3 tool
// (3,000 long posts through the API would exceed what one person writes, and the per-account
// write limits; tests/lib/pg_sql.mjs writes the random text on either engine); the export reads
// them like any other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { randomHex } from '../lib/pg_sql.mjs';
import { newMember } from './helpers.mjs';

const N = 3000;
const BODY = 24000;
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

// Resident memory of the server process now (VmRSS) and at its peak (VmHWM), in bytes (Linux).
function rss(pid, field) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return Number(m[1]) * 1024;
}

test('an account of 3,000 long posts exports as a valid ZIP with every post, in bounded memory', async () => {
  const m = await newMember(srv.url, 'export.gros');
  const r = await m.req('POST', '/api/v1/spaces/diabete-type-1/threads',
    { json: { title: 'Mon journal', body: 'Premier message du journal.' } });
  assert.equal(r.status, 201, r.text);
  const db = join(srv.data, 'entraide.db');
  // each body: a numbered marker, then incompressible hexadecimal text
  execFileSync('sqlite3', [db, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
    INSERT INTO posts (thread_id, author_id, body, html, created_at)
    SELECT ${r.data.thread}, (SELECT id FROM accounts WHERE handle = 'export.gros'),
           'zzqgros' || i || ' ' || ${randomHex(BODY / 2, 'i')}, '', 1764806400 + i FROM n`]);

  // the peak starts again from now (Linux 4.0+: "5" resets VmHWM)
  writeFileSync(`/proc/${srv.child.pid}/clear_refs`, '5');
  const before = rss(srv.child.pid, 'VmRSS');
  const dir = mkdtempSync(join(tmpdir(), 'entraide-export-large-'));
  try {
    const file = join(dir, 'x.zip');
    const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: m.cookie } });
    assert.equal(res.status, 200);
    const chunks = [];
    for await (const c of res.body) chunks.push(c);
    writeFileSync(file, Buffer.concat(chunks));
    chunks.length = 0;
    const size = statSync(file).size;
    const grew = rss(srv.child.pid, 'VmHWM') - before;
    console.log(`archive ${size} bytes; server resident memory ${before} bytes before, peak ${before + grew}`);
    assert.ok(size > 2 * N * BODY, `the archive holds the posts twice (data.json, index.html): ${size} bytes`);
    // Built in memory, data.json and index.html alone would take 144 MB; streamed, the server
    // holds a page of posts at a time.
    assert.ok(grew < 32 * 1024 * 1024, `peak memory grew by ${grew} bytes for a ${size}-byte archive`);
    const out = execFileSync('python3', ['-c', `
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.testzip())
d = json.loads(z.read('data.json'))
ids = sorted(int(m.group(1)) for p in d['posts'] for m in [re.match(r'zzqgros(\\d+) ', p['body'])] if m)
print(len(d['posts']), ids == list(range(1, ${N} + 1)))
h = z.read('index.html').decode()
print(len(re.findall(r'zzqgros\\d+ ', h)))
print(d['account']['handle'])
`, file], { maxBuffer: 1 << 20 }).toString();
    assert.equal(out, `None\n${N + 1} True\n${N}\nexport.gros\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
