// session.js - who is using the page: null for a visitor, or the body of GET /api/v1/me
// ({handle, roles, institutions, locale, created_at}). Pages read it through current() and
// change it through the functions below, which keep the CSRF token and the language in step.
import { api, ApiError, setCsrfToken } from './api.js';

let me = null;
const listeners = new Set();

export function current() {
  return me;
}

export function hasRole(role) {
  return Boolean(me && Array.isArray(me.roles) && me.roles.includes(role));
}

// Called with the new state whenever someone logs in or out.
export function onChange(fn) {
  listeners.add(fn);
}

function set(value) {
  me = value;
  if (!value) setCsrfToken(null);
  for (const fn of listeners) fn(me);
}

// Asks the server; a 401 means "visitor" and is not an error.
export async function refresh() {
  try {
    set(await api.get('/api/v1/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) set(null);
    else throw err;
  }
  return me;
}

// otp: the two-factor code or a recovery code, for accounts that use one (issue 17).
export async function logIn(login, password, otp) {
  await api.post('/api/v1/session', otp ? { login, password, otp } : { login, password });
  return refresh();
}

export async function logOut() {
  try {
    await api.del('/api/v1/session');
  } catch (err) {
    // An already expired session is as good as a closed one.
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
  }
  set(null);
}

// After the account is deleted on the server: forget it here.
export function forget() {
  set(null);
}

const expiredListeners = new Set();

// Called when the server no longer knows the session (expired, ended from another device).
export function onExpired(fn) {
  expiredListeners.add(fn);
}

// A request made with a session got 401: the session is gone on the server.
export function expire() {
  set(null);
  for (const fn of expiredListeners) fn();
}

// After PATCH /api/v1/me answered with the new state.
export function update(body) {
  if (body && typeof body === 'object') set(body);
}
