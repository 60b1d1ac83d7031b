// bench/media/upload.mjs - latency and throughput of POST /api/v1/media on pictures made at
// run time (and the astronaut of ../shared/data/faces when present). Not part of make check.
//   ENTRAIDE_BIN=build/entraide node bench/media/upload.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tests/lib/server.mjs';
import { Client } from '../../tests/api/helpers.mjs';

const rounds = Number(process.argv[2] || 5);
const tmp = mkdtempSync(join(tmpdir(), 'entraide-bench-media-'));
const make = (name, args) => {
  const p = join(tmp, name);
  execFileSync('convert', [...args, p]);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-Artist=bench', '-GPSLatitude=48.85', '-GPSLatitudeRef=N', p]);
  return readFileSync(p);
};
const pictures = [
  ['JPEG 640x480, EXIF+GPS', make('small.jpg', ['-size', '640x480', 'plasma:tan-brown', '-quality', '90']), 'image/jpeg'],
  ['JPEG 4032x3024 (12 MP phone size), EXIF+GPS', make('phone.jpg', ['-size', '4032x3024', 'plasma:tan-brown', '-quality', '90']), 'image/jpeg'],
  ['PNG 1024x768, EXIF+GPS', make('mid.png', ['-size', '1024x768', 'plasma:tan-brown']), 'image/png'],
];
const FACE = '../shared/data/faces/skimage_astronaut.png';
if (existsSync(FACE)) pictures.push(['PNG 512x512 astronaut (one face)', readFileSync(FACE), 'image/png']);

const srv = await startServer();
try {
  const c = new Client(srv.url);
  await c.req('POST', '/api/v1/accounts', { json: { handle: 'bench', email: 'bench@example.org', password: 'correct horse battery' } });
  await c.login('bench', 'correct horse battery');
  const upload = async (bytes, type) => {
    const t = process.hrtime.bigint();
    const r = await c.req('POST', '/api/v1/media', { body: bytes, headers: { 'content-type': type } });
    if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  await upload(pictures[0][1], pictures[0][2]); // loads the face detector
  console.log('| picture | bytes in | median ms | min ms | max ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, bytes, type] of pictures) {
    const ms = [];
    for (let i = 0; i < rounds; i++) ms.push(await upload(bytes, type));
    ms.sort((a, b) => a - b);
    console.log(`| ${name} | ${bytes.length} | ${ms[ms.length >> 1].toFixed(0)} | ${ms[0].toFixed(0)} | ${ms[ms.length - 1].toFixed(0)} |`);
  }
  // two clients at once on the small JPEG: pictures per second
  const n = rounds * 4;
  const t = process.hrtime.bigint();
  await Promise.all([0, 1].map(async () => { for (let i = 0; i < n / 2; i++) await upload(pictures[0][1], pictures[0][2]); }));
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`\n2 concurrent clients, ${n} x ${pictures[0][0]}: ${(n / s).toFixed(1)} uploads/s`);
} finally {
  await srv.stop();
  rmSync(tmp, { recursive: true, force: true });
}
