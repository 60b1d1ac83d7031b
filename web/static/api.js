// api.js - the one way the front end talks to the server: JSON in and out, same-origin
// credentials (the session cookie is HttpOnly, so the page never sees it), the CSRF token on
// every state-changing request, and problem+json answers turned into ApiError.
//
// The CSRF token comes from the log-in response or from GET /api/v1/me; any JSON answer that
// carries `csrf_token` refreshes it. Accept-Language follows the interface language, so the
// server's error texts come in the same language as the page.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = null;
let acceptLanguage = 'fr';

export function setCsrfToken(token) {
  csrfToken = typeof token === 'string' && token !== '' ? token : null;
}

export function setLanguage(locale) {
  acceptLanguage = locale;
}

// An answer that is not 2xx. `slug` is the last part of the problem type
// ("/problems/handle-taken" -> "handle-taken"), `errors` the per-field reasons of a 422, and
// `retryAfter` the number of seconds of a 429 (or null).
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(typeof p.title === 'string' ? p.title : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.slug = typeof p.type === 'string' ? p.type.replace(/^.*\/problems\//, '') : slugFor(status);
    this.title = typeof p.title === 'string' ? p.title : null;
    this.detail = typeof p.detail === 'string' ? p.detail : null;
    this.suggestions = Array.isArray(p.suggestions) ? p.suggestions.filter((s) => typeof s === 'string') : [];
    this.errors = Array.isArray(p.errors)
      ? p.errors.filter((e) => e && typeof e.field === 'string')
      : [];
    this.problem = p; // every member of the problem (a refusal's reason, rule, desk...)
    const seconds = Number.parseInt(retryAfter || '', 10);
    this.retryAfter = Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  }
}

function slugFor(status) {
  if (status === 0) return 'network';
  if (status >= 500) return 'internal';
  return 'unknown';
}

async function send(method, path, body) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, null, null);
  }
  let data = null;
  const type = res.headers.get('Content-Type') || '';
  if (res.status !== 204 && /json/.test(type)) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  if (!res.ok) throw new ApiError(res.status, data, res.headers.get('Retry-After'));
  if (data && typeof data.csrf_token === 'string') setCsrfToken(data.csrf_token);
  return data;
}

// A state-changing request refused for its CSRF token (the session changed in another tab,
// say) is retried once after fetching a fresh token from /me.
export async function request(method, path, body) {
  try {
    return await send(method, path, body);
  } catch (err) {
    if (!(err instanceof ApiError) || err.slug !== 'csrf' || !UNSAFE.has(method)) throw err;
    await send('GET', '/api/v1/me');
    return send(method, path, body);
  }
}

// The GETs the first page makes first (routes.js `data`), asked at start-up beside the page's
// modules instead of after them: the page's own api.get() of the same path takes the early
// answer, once; any later one asks again. What the first page did not take is dropped.
const early = new Map();

export function prefetch(path) {
  if (early.has(path)) return;
  const answer = send('GET', path);
  answer.catch(() => {}); // the page that takes it sees the error
  early.set(path, answer);
}

export function dropPrefetched() {
  early.clear();
}

function get(path) {
  const answer = early.get(path);
  if (!answer) return request('GET', path);
  early.delete(path);
  return answer;
}

export const api = {
  get,
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: (path, body) => request('DELETE', path, body),
};

// Sends raw bytes (a picture) and resolves to the answer's bytes as a Blob: for
// POST /api/v1/media/sanitize, whose answer is a picture, not JSON.
export async function postBytes(path, blob, type) {
  const headers = { 'Content-Type': type, 'Accept-Language': acceptLanguage };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, { method: 'POST', headers, body: blob, credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
  } catch {
    throw new ApiError(0, null, null);
  }
  if (!res.ok) {
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    throw new ApiError(res.status, data, res.headers.get('Retry-After'));
  }
  return res.blob();
}
