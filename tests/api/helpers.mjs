// tests/api/helpers.mjs - small HTTP helpers for the API tests (a cookie jar per "browser").
import assert from 'node:assert/strict';

export const SECURITY_HEADERS = {
  // style-src: the origin's files, and the one inline <style> of the embedded shell by its hash
  // (issue 15: the first paint waits for no stylesheet); nothing else inline.
  'content-security-policy': /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')?; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function assertSecurityHeaders(res) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
    if (v instanceof RegExp) assert.match(res.headers.get(k) || '', v, k);
    else assert.equal(res.headers.get(k), v, k);
  }
}

// A client keeps its session cookie and CSRF token, like one browser.
export class Client {
  constructor(base) { this.base = base; this.cookie = null; this.csrf = null; }

  async req(method, path, { json, body, headers = {}, csrf = true } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (json !== undefined) { h['content-type'] = 'application/json'; body = JSON.stringify(json); }
    const res = await fetch(this.base + path, { method, headers: h, body });
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0];
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    return { status: res.status, headers: res.headers, data, text, res };
  }

  async login(login, password) {
    const r = await this.req('POST', '/api/v1/session', { json: { login, password } });
    if (r.status === 200) this.csrf = r.data.csrf_token;
    return r;
  }
}

export function assertProblem(r, status, slug) {
  assert.equal(r.status, status, `status for ${slug}: ${r.text}`);
  assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal(r.data.type, `/problems/${slug}`);
  assert.equal(r.data.status, status);
  assert.equal(typeof r.data.title, 'string');
  assert.equal(typeof r.data.detail, 'string');
  assertSecurityHeaders(r.res);
}

// Sends only a request's head (no body) on a raw socket and reads the answer: for limits that
// must be applied from the declared Content-Length, before any body byte is sent.
export function headOnly(base, method, path, headers = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    import('node:net').then(({ connect }) => {
      const s = connect(Number(port), hostname);
      let buf = Buffer.alloc(0);
      const t0 = Date.now();
      const timer = setTimeout(() => { s.destroy(); reject(new Error('no answer in 5 s')); }, 5000);
      s.on('connect', () => {
        const lines = [`${method} ${path} HTTP/1.1`, `Host: ${hostname}:${port}`];
        for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
        s.write(lines.join('\r\n') + '\r\n\r\n');
      });
      s.on('data', (d) => { buf = Buffer.concat([buf, d]); });
      const done = () => {
        clearTimeout(timer);
        const text = buf.toString('utf8');
        const [head, body = ''] = text.split('\r\n\r\n');
        const status = Number((head.match(/^HTTP\/1\.[01] (\d{3})/) || [])[1]);
        resolve({ status, head, body, ms: Date.now() - t0 });
      };
      s.on('end', done);
      s.on('close', () => { if (buf.length) done(); });
      s.on('error', (e) => { if (buf.length) done(); else { clearTimeout(timer); reject(e); } });
    }, reject);
  });
}

// Signs up a new account (e-mail `${handle}@example.org` unless given) and logs it in. The
// handle is confirmed: tests pick first names freely (the check itself: accounts.test.mjs).
export async function newMember(base, handle, { password = 'correct horse battery', email } = {}) {
  const c = new Client(base);
  const json = { handle, email: email || `${handle}@example.org`, password, handle_confirmed: true };
  const r = await c.req('POST', '/api/v1/accounts', { json });
  assert.equal(r.status, 201, r.text);
  assert.equal((await c.login(handle, password)).status, 200);
  return c;
}
