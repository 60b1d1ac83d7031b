// tests/api/helpers.mjs - small HTTP helpers for the API tests (a cookie jar per "browser").
import assert from 'node:assert/strict';

export const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function assertSecurityHeaders(res) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) assert.equal(res.headers.get(k), v, k);
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
