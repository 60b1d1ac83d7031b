// learn_age.test.mjs - age bands (issue 21): given at sign-up or later, never a birth date,
// changeable by the member, in the export, deleted with the account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const PW = 'correct horse battery';

async function signUp(handle, extra = {}) {
  const c = new Client(srv.url);
  const r = await c.req('POST', '/api/v1/accounts', { json: { handle, email: `${handle}@example.org`, password: PW, handle_confirmed: true, ...extra } });
  return { c, r };
}

function sql(query) {
  return execFileSync('sqlite3', [join(srv.data, 'entraide.db'), query], { encoding: 'utf8' }).trim();
}

test('sign-up takes an age band; without one the account works and is asked later', async () => {
  const { c, r } = await signUp('bande_un', { age_band: '15-17' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.age_band, '15-17');
  const login = await c.login('bande_un', PW);
  assert.equal(login.data.age_band, '15-17');
  assert.equal(login.data.age_limited, false);

  const old = await signUp('bande_deux');
  assert.equal(old.r.status, 201, 'an account without a band is still accepted');
  assert.equal(old.r.data.age_band, null);
  const l2 = await old.c.login('bande_deux', PW);
  assert.equal(l2.status, 200);
  assert.equal(l2.data.age_band, null, 'the log-in answer says the band is missing (the page asks)');

  const bad = await signUp('bande_trois', { age_band: '2008-04-01' });
  assertProblem(bad.r, 422, 'validation');
  assert.equal(bad.r.data.errors[0].field, 'age_band');
  // no field of the sign-up takes a birth date
  const birth = await signUp('bande_quatre', { birth_date: '2010-01-01', age_band: '13-14' });
  assertProblem(birth.r, 422, 'validation');
});

test('the member changes the band; it is stored as the band only and exported', async () => {
  const { c } = await signUp('bande_cinq');
  await c.login('bande_cinq', PW);
  let r = await c.req('PATCH', '/api/v1/me', { json: { age_band: '18-24' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.age_band, '18-24');
  r = await c.req('PATCH', '/api/v1/me', { json: { age_band: '25-plus' } });
  assert.equal(r.data.age_band, '25-plus');
  r = await c.req('PATCH', '/api/v1/me', { json: { age_band: '26' } });
  assertProblem(r, 422, 'validation');
  r = await c.req('GET', '/api/v1/me');
  assert.equal(r.data.age_band, '25-plus');

  // the table holds the band and nothing that dates a birth
  const cols = sql("SELECT group_concat(name) FROM pragma_table_info('account_age_bands')");
  assert.equal(cols, 'account_id,band,limited');
  assert.equal(sql("SELECT b.band FROM account_age_bands b JOIN accounts a ON a.id = b.account_id WHERE a.handle = 'bande_cinq'"), '25-plus');

  // the export's data.json holds it (ZIP entries are stored, so the JSON is readable as is)
  const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: c.cookie } });
  assert.equal(res.status, 200);
  const zip = Buffer.from(await res.arrayBuffer()).toString('utf8');
  assert.match(zip, /"account":\{[^}]*"age_band":"25-plus"\}/);

  // deleted with the account
  r = await c.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'delete' } });
  assert.equal(r.status, 204);
  assert.equal(sql('SELECT count(*) FROM account_age_bands b LEFT JOIN accounts a ON a.id = b.account_id WHERE a.id IS NULL'), '0');
  assert.equal(sql("SELECT count(*) FROM accounts WHERE handle = 'bande_cinq'"), '0');
});

test('under 15, the account is limited until a parent confirms; going up a band keeps it', async () => {
  const { c, r } = await signUp('bande_six', { age_band: '13-14' });
  assert.equal(r.status, 201);
  let me = await c.login('bande_six', PW);
  assert.equal(me.data.age_limited, true);
  me = await c.req('PATCH', '/api/v1/me', { json: { age_band: '15-17' } });
  assert.equal(me.data.age_limited, true, 'changing the band does not lift the limit');
});
