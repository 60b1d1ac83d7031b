// bench_redact_pii.mjs - the same corpus through the npm package redact-pii (SyncRedactor),
// one post per line, on one core; prints MB/s in the same format as bench_priv_text.
// usage: node bench_redact_pii.mjs CORPUS.txt [MAX_MB]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SyncRedactor } = require('redact-pii');

const [, , path, maxMb] = process.argv;
let text = readFileSync(path, 'utf8');
if (maxMb) {
  // redact-pii is slow: time it on a prefix of the corpus (whole lines)
  const cut = text.lastIndexOf('\n', Number(maxMb) * 1e6);
  if (cut > 0) text = text.slice(0, cut + 1);
}
const lines = text.split('\n').filter((l) => l.length);
const bytes = Buffer.byteLength(text, 'utf8');
const redactor = new SyncRedactor();
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let changed = 0;
for (const l of lines) if (redactor.redact(l) !== l) changed++;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
console.log(`redact-pii: ${(bytes / 1e6 / cpu).toFixed(2)} MB/s cpu, ${(bytes / 1e6 / secs).toFixed(2)} MB/s wall (${lines.length} posts, ${(bytes / 1e6).toFixed(1)} MB, ${changed} changed)`);
