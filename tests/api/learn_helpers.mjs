// tests/api/learn_helpers.mjs - helpers of the learning and prevention tests (issue 21): the
// database read as it is on disk, members with an age band, demo accounts logged in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from './helpers.mjs';

export const PW = 'correct horse battery';
export const DEMO_PW = 'demo-entraide-2026';

export function sqlOf(srv) {
  return (query) => execFileSync('sqlite3', [join(srv.data, 'entraide.db'), query], { encoding: 'utf8' }).trim();
}

export async function bandMember(srv, handle, band) {
  const c = new Client(srv.url);
  const r = await c.req('POST', '/api/v1/accounts', { json: { handle, email: `${handle}@example.org`, password: PW, handle_confirmed: true, age_band: band } });
  assert.equal(r.status, 201, r.text);
  assert.equal((await c.login(handle, PW)).status, 200);
  return c;
}

export async function demoLogin(srv, handle) {
  const c = new Client(srv.url);
  assert.equal((await c.login(handle, DEMO_PW)).status, 200);
  return c;
}
