// tests/lib/smtp_sink.mjs - an SMTP server for the tests, on loopback only: it accepts every
// message and keeps it, so a test can read what entraide sent (a real SMTP conversation:
// EHLO, optional AUTH PLAIN, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT).
//
//   const sink = await startSmtpSink({ user: 'u', password: 'p' });  // auth optional
//   serve with ['--smtp', sink.url]
//   const m = await sink.waitFor((m) => m.to.includes('a@example.org'));
//   m.subject, m.body, m.headers['content-type'], m.auth
//   await sink.stop();
import { createServer } from 'node:net';

// RFC 2047 encoded-words (=?UTF-8?B?...?= and ?Q?) in a header value.
function decodeWords(v) {
  return v.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc, text) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

function parse(raw) {
  const at = raw.indexOf('\r\n\r\n');
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at + 4);
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, subject: decodeWords(headers.subject || ''), body };
}

export async function startSmtpSink({ user = null, password = null } = {}) {
  const messages = [];
  const waiters = [];
  const sockets = new Set();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    let buf = Buffer.alloc(0);
    let inData = false;
    let cur = { from: null, to: [], auth: null };
    let authed = null;
    let awaitingPlain = false; // AUTH PLAIN without an initial response: 334, then the line
    const say = (line) => s.write(line + '\r\n');
    say('220 sink.test ESMTP');
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          const startEnd = buf.indexOf('.\r\n');
          let raw;
          if (startEnd === 0) { raw = ''; buf = buf.subarray(3); }
          else if (end >= 0) { raw = buf.subarray(0, end + 2).toString('utf8'); buf = buf.subarray(end + 5); }
          else return;
          raw = raw.replace(/\r\n$/, '').split('\r\n').map((l) => (l.startsWith('..') ? l.slice(1) : l)).join('\r\n');
          const m = { ...cur, raw, ...parse(raw), auth: authed };
          messages.push(m);
          for (const w of [...waiters]) if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); w.ok(m); }
          inData = false;
          cur = { from: null, to: [], auth: null };
          say('250 2.0.0 queued');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        let line = buf.subarray(0, nl).toString('utf8');
        buf = buf.subarray(nl + 2);
        if (awaitingPlain) { awaitingPlain = false; line = 'AUTH PLAIN ' + line; }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') {
          say('250-sink.test');
          if (user) say('250-AUTH PLAIN');
          say('250-8BITMIME');
          say('250 SIZE 1000000');
        } else if (verb === 'HELO') say('250 sink.test');
        else if (verb === 'AUTH') {
          const [, mech, init] = line.split(' ');
          if (mech && mech.toUpperCase() === 'PLAIN' && !init) { awaitingPlain = true; say('334 '); continue; }
          const parts = mech && mech.toUpperCase() === 'PLAIN' && init ? Buffer.from(init, 'base64').toString('utf8').split('\0') : [];
          if (user && parts[1] === user && parts[2] === password) { authed = parts[1]; say('235 2.7.0 ok'); }
          else say('535 5.7.8 bad credentials');
        } else if (verb === 'MAIL') {
          if (user && !authed) { say('530 5.7.0 authentication required'); continue; }
          cur.from = (line.match(/<([^>]*)>/) || [])[1] ?? null; say('250 ok');
        } else if (verb === 'RCPT') { cur.to.push((line.match(/<([^>]*)>/) || [])[1]); say('250 ok'); }
        else if (verb === 'DATA') { inData = true; say('354 go on'); }
        else if (verb === 'RSET') { cur = { from: null, to: [], auth: null }; say('250 ok'); }
        else if (verb === 'NOOP') say('250 ok');
        else if (verb === 'QUIT') { say('221 bye'); s.end(); return; }
        else say('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise((ok, ko) => { server.once('error', ko); server.listen(0, '127.0.0.1', ok); });
  const { port } = server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(pred = () => true, ms = 15000) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((ok, ko) => {
        const w = { pred, ok };
        waiters.push(w);
        setTimeout(() => { const i = waiters.indexOf(w); if (i >= 0) { waiters.splice(i, 1); ko(new Error(`no matching e-mail in ${ms} ms (${messages.length} received)`)); } }, ms).unref();
      });
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}

// The link of a message that starts with base (the instance's public URL).
export function linkIn(m, base) {
  const re = new RegExp(base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '/[A-Za-z0-9/_-]+');
  const found = m.body.match(re);
  return found ? found[0] : null;
}
