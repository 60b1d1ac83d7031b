// tests/api/export.test.mjs - issue 18, GET /api/v1/me/export: a member's copy of their data
// as a ZIP (data.json, index.html, media/, desk/), with their thread, their desk request and
// its answer decrypted, their picture, the documents delivered to them byte for byte, and
// nobody else's e-mail or document. (An account too large to build in memory:
// export_large.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem, newMember } from './helpers.mjs';
import { lesionPng } from './pro_helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

const member = (handle) => newMember(srv.url, handle);

// The entries of a stored (method 0) ZIP, read from its central directory.
function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'end of central directory');
  const n = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const off = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString('utf8');
    assert.equal(method, 0);
    assert.equal(buf.readUInt32LE(off), 0x04034b50);
    const lstart = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    out.set(name, buf.subarray(lstart, lstart + size));
    p += 46 + nlen + xlen + clen;
  }
  return out;
}

// Python's zipfile checks every entry's CRC: "None" and the number of entries.
function pythonCheck(zip) {
  const dir = mkdtempSync(join(tmpdir(), 'entraide-export-'));
  try {
    writeFileSync(join(dir, 'x.zip'), zip);
    return execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(len(z.namelist()))', join(dir, 'x.zip')]).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exportOf(client) {
  const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: client.cookie } });
  assert.equal(res.status, 200);
  return Buffer.from(await res.arrayBuffer());
}

test('anonymous callers get 401', async () => {
  assertProblem(await new Client(srv.url).req('GET', '/api/v1/me/export'), 401, 'unauthenticated');
});

test('the export holds the member\'s thread, desk request and picture, and no other e-mail', async () => {
  const m = await member('export.moi');
  let r = await m.req('POST', '/api/v1/spaces/diabete-type-1/threads',
    { json: { title: 'Mon fil zzqexportfil', body: 'Un message zzqexportmot sur la glycémie.' } });
  assert.equal(r.status, 201, r.text);
  const tid = r.data.thread, pid = r.data.id;
  r = await m.req('PATCH', `/api/v1/posts/${pid}`, { json: { body: 'Version deux zzqexportv2.' } });
  assert.equal(r.status, 200, r.text);
  r = await m.req('POST', '/api/v1/institutions/chu-exemple/desk/requests',
    { json: { form: 'free', text: 'Ma demande zzqexportdesk au CHU.' } });
  assert.equal(r.status, 201, r.text);
  const rid = r.data.id;
  const other = await member('export.autre');
  r = await other.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Réponse d’un autre membre.' } });
  assert.equal(r.status, 201, r.text);
  const cm = new Client(srv.url);
  assert.equal((await cm.login('accueil.chu', DEMO_PW)).status, 200);
  r = await cm.req('POST', `/api/v1/desk/requests/${rid}/messages`, { json: { kind: 'reply', text: 'Réponse zzqexportrep du CHU.' } });
  assert.equal(r.status, 201, r.text);
  r = await cm.req('POST', `/api/v1/desk/requests/${rid}/messages`, { json: { kind: 'note', text: 'Note interne zzqexportnote.' } });
  assert.equal(r.status, 201, r.text);
  const up = await m.req('POST', '/api/v1/media', { body: lesionPng(), headers: { 'content-type': 'image/png' } });
  assert.equal(up.status, 201, up.text);

  const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: m.cookie } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/zip');
  assert.match(res.headers.get('content-disposition'), /attachment; filename="entraide-export\.zip"/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const zip = Buffer.from(await res.arrayBuffer());
  const files = unzip(zip);
  assert.deepEqual([...files.keys()].slice(0, 2), ['data.json', 'index.html']);
  const data = JSON.parse(files.get('data.json').toString('utf8'));
  assert.equal(data.account.handle, 'export.moi');
  assert.equal(data.account.email, 'export.moi@example.org');
  assert.ok(data.threads.some((t) => t.id === tid && /zzqexportfil/.test(t.title)));
  assert.ok(data.posts.some((p) => p.id === pid && /zzqexportv2/.test(p.body)));
  assert.ok(data.post_history.some((h) => h.post === pid && /zzqexportmot/.test(h.body)));
  const req = data.desk_requests.find((d) => d.id === rid);
  assert.ok(req, JSON.stringify(data.desk_requests));
  assert.match(req.details.text, /zzqexportdesk/);
  assert.ok(req.messages.some((x) => x.kind === 'reply' && /zzqexportrep/.test(x.body.text) && x.author === 'accueil.chu'));
  assert.ok(!JSON.stringify(data).includes('zzqexportnote'), 'internal notes are the institution\'s');
  assert.ok(data.sessions.some((s) => s.current === true));
  assert.equal(data.media.length, 1);
  const pic = files.get(data.media[0].file);
  assert.ok(pic && pic.length === data.media[0].bytes, 'the picture is in the archive');
  assert.deepEqual([...pic.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  // Nobody else's data: no other e-mail anywhere, no other member's post.
  const all = zip.toString('utf8');
  const emails = all.match(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi) || [];
  assert.deepEqual([...new Set(emails)], ['export.moi@example.org']);
  assert.ok(!all.includes('Réponse d’un autre membre'));
  assert.ok(!all.includes('export.autre'));
  const html = files.get('index.html').toString('utf8');
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /zzqexportfil/);
  assert.match(html, /zzqexportrep/);
  assert.ok(!/<script/i.test(html));
  // An independent reader agrees (Python's zipfile checks every CRC).
  assert.equal(pythonCheck(zip), `None\n${files.size}\n`);
});

test('the export holds each document delivered to the member, opened and byte-identical, and no one else\'s', async () => {
  const m = await member('export.docs');
  const other = await member('export.docs.autre');
  const cm = new Client(srv.url);
  assert.equal((await cm.login('accueil.chu', DEMO_PW)).status, 200);
  // every byte value, after a PDF header, so that nothing is changed on the way
  const mine = Buffer.concat([Buffer.from('%PDF-1.4\n% zzqexportpdf\n'), Buffer.from([...Array(256).keys()]), Buffer.from('\n%%EOF\n')]);
  const theirs = Buffer.from('%PDF-1.4\n% zzqautrepdf\n%%EOF\n');
  async function deliver(client, file, name) {
    let r = await client.req('POST', '/api/v1/institutions/chu-exemple/desk/requests',
      { json: { form: 'document', document: 'prescription', text: 'Une copie de mon ordonnance, svp.' } });
    assert.equal(r.status, 201, r.text);
    const rid = r.data.id;
    r = await cm.req('PATCH', `/api/v1/desk/requests/${rid}`, { json: { identity_checked: true } });
    assert.equal(r.status, 200, r.text);
    r = await cm.req('POST', `/api/v1/desk/requests/${rid}/messages`,
      { json: { kind: 'document', title: 'Ordonnance', text: 'Copie conforme.', file: file.toString('base64'), file_name: name } });
    assert.equal(r.status, 201, r.text);
    return rid;
  }
  const rid = await deliver(m, mine, 'ordonnance: <mars>?.pdf');
  await deliver(other, theirs, 'autre.pdf');

  const zip = await exportOf(m);
  const files = unzip(zip);
  const data = JSON.parse(files.get('data.json').toString('utf8'));
  assert.equal(data.desk_files.length, 1, JSON.stringify(data.desk_files));
  const f = data.desk_files[0];
  assert.equal(f.request, rid);
  assert.equal(f.name, 'ordonnance: <mars>?.pdf');
  assert.equal(f.type, 'application/pdf');
  assert.equal(f.size, mine.length);
  // the path inside the archive: the request, the message, a name any system accepts
  assert.equal(f.file, `desk/${rid}/${f.message}-ordonnance_ _mars__.pdf`);
  assert.ok(files.get(f.file), [...files.keys()].join(' '));
  assert.ok(files.get(f.file).equals(mine), 'byte-identical to what the institution sent');
  const doc = data.desk_requests.find((d) => d.id === rid).messages.find((x) => x.kind === 'document');
  assert.deepEqual(doc.file, { name: f.name, type: 'application/pdf', size: mine.length, path: f.file });
  const html = files.get('index.html').toString('utf8');
  assert.ok(html.includes(`<a href="${f.file}">`), 'index.html links the document');
  assert.ok(html.includes('ordonnance: &lt;mars&gt;?.pdf'));
  // nobody else's document, in the listing or in the archive
  assert.deepEqual([...files.keys()].filter((k) => k.startsWith('desk/')), [f.file]);
  assert.ok(!zip.includes('zzqautrepdf'));
  assert.equal(pythonCheck(zip), `None\n${files.size}\n`);
  // and the other member gets theirs, not this one
  const otherFiles = unzip(await exportOf(other));
  const od = JSON.parse(otherFiles.get('data.json').toString('utf8')).desk_files;
  assert.equal(od.length, 1);
  assert.ok(otherFiles.get(od[0].file).equals(theirs));
  assert.ok(![...otherFiles.values()].some((b) => b.includes('zzqexportpdf')));
});
