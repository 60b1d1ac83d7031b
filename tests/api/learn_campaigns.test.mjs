// learn_campaigns.test.mjs - prevention campaigns (issue 21, R8): shown by age band, counted
// per campaign, band and day only, figures below 10 shown as "<10" (JSON and CSV), and no row
// anywhere that links an account to a campaign it was shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { columnsOf, foreignKeys, tablesLike } from '../lib/pg_sql.mjs';
import { Client, assertProblem } from './helpers.mjs';
import { sqlOf, bandMember, demoLogin } from './learn_helpers.mjs';

let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

const sql = (q) => sqlOf(srv)(q);
const member = (handle, band) => bandMember(srv, handle, band);
const demo = (handle) => demoLogin(srv, handle);

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

test('a 15-17 account sees a campaign for 15-24, a 25-plus account does not; the reach says "<10"', async () => {
  const ed = await demo('redaction.chu');
  const body = {
    title: 'Le vapotage, parlons-en', body: 'La **nicotine** crée une dépendance. [Tabac info service](https://www.tabac-info-service.fr)',
    language: 'fr', age_bands: ['15-17', '18-24'], starts_at: day(-1), ends_at: day(30), topic: 'tobacco-vaping',
  };
  let r = await ed.req('POST', '/api/v1/campaigns', { json: body });
  assert.equal(r.status, 201, r.text);
  const id = r.data.id;
  assert.deepEqual(r.data.age_bands, ['15-17', '18-24']);
  assert.match(r.data.html, /<strong>nicotine<\/strong>/);
  assert.equal(r.data.institution.slug, 'chu-exemple');

  const teen = await member('ado_quinze', '15-17');
  const adult = await member('adulte_trente', '25-plus');
  const visitor = new Client(srv.url);
  r = await teen.req('GET', '/api/v1/campaigns/current');
  assert.equal(r.status, 200);
  assert.ok(r.data.campaigns.some((c) => c.id === id), 'the 15-17 account sees it');
  r = await adult.req('GET', '/api/v1/campaigns/current');
  assert.ok(!r.data.campaigns.some((c) => c.id === id), 'the 25-plus account does not');
  r = await visitor.req('GET', '/api/v1/campaigns/current');
  assert.ok(!r.data.campaigns.some((c) => c.id === id), 'a visitor does not');

  // every row that names the viewer, table by table, before and after the view: unchanged
  const teenId = sql("SELECT id FROM accounts WHERE handle = 'ado_quinze'");
  const fks = foreignKeys(sql, { target: 'accounts' });
  const rowsOfViewer = () => {
    const counts = fks.map(([t, col]) => `SELECT '${t}.${col}', count(*) FROM "${t}" WHERE "${col}" = ${teenId}`);
    return Object.fromEntries(sql(counts.join(' UNION ALL ')).split('\n').map((r) => r.split('|')));
  };
  const beforeView = rowsOfViewer();
  assert.ok('sessions.account_id' in beforeView && 'posts.author_id' in beforeView, Object.keys(beforeView).join(' '));
  // one view by the teenager: the editor reads "<10", never 1
  r = await teen.req('POST', `/api/v1/campaigns/${id}/seen`, { json: { kind: 'view' } });
  assert.equal(r.status, 204, r.text);
  r = await ed.req('GET', `/api/v1/campaigns/${id}/reach`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.total, { views: '<10', clicks: '<10' });
  assert.deepEqual(r.data.rows, [{ band: '15-17', day: day(0), views: '<10', clicks: '<10' }]);
  assert.doesNotMatch(r.text, /"views":1\b/);
  r = await ed.req('GET', `/api/v1/campaigns/${id}/reach.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  assert.equal(r.text, `day,band,views,clicks\r\n${day(0)},15-17,<10,<10\r\ntotal,all,<10,<10\r\n`);

  // the database: the counters hold the exact figure, and nothing names an account
  assert.equal(sql(`SELECT band || ' ' || views FROM campaign_counts WHERE campaign_id = ${id}`), '15-17 1');
  const tables = tablesLike(sql, '%campaign%');
  assert.deepEqual(tables.sort(), ['campaign_counts', 'campaigns']);
  for (const t of tables) {
    const cols = columnsOf(sql, t).split(',');
    const fks = foreignKeys(sql, { table: t }).map(([, , target]) => target).join(',');
    if (t === 'campaign_counts') {
      assert.deepEqual(cols, ['campaign_id', 'band', 'day', 'views', 'clicks']);
      assert.equal(fks, 'campaigns', 'the counters refer to nothing but their campaign');
    } else {
      assert.ok(!cols.includes('account_id'));
    }
  }
  // the only account a campaign names is its author (an editor), never a viewer
  assert.equal(sql(`SELECT count(*) FROM campaigns WHERE author_id = ${teenId}`), '0');
  assert.deepEqual(rowsOfViewer(), beforeView, 'the view added no row naming the viewer anywhere');

  // ten views make a figure
  for (let i = 0; i < 9; i++) assert.equal((await visitor.req('POST', `/api/v1/campaigns/${id}/seen`, { json: { kind: 'view' } })).status, 204);
  await teen.req('POST', `/api/v1/campaigns/${id}/seen`, { json: { kind: 'click' } });
  r = await ed.req('GET', `/api/v1/campaigns/${id}/reach`);
  assert.deepEqual(r.data.total, { views: 10, clicks: '<10' });
  assert.deepEqual(r.data.rows.map((x) => x.band), ['15-17', 'none']);
  assert.equal(r.data.rows[1].views, '<10', 'nine visitor views are still "<10"');
});

test('who may create and read; bad input; campaigns for everyone reach visitors', async () => {
  const alice = await demo('alice');
  const body = { title: 'Dépistage', body: 'Texte', language: 'fr', age_bands: ['everyone'], starts_at: day(-1), ends_at: day(2) };
  assertProblem(await alice.req('POST', '/api/v1/campaigns', { json: body }), 403, 'forbidden');
  assertProblem(await new Client(srv.url).req('POST', '/api/v1/campaigns', { json: body }), 401, 'unauthenticated');
  const ed = await demo('redaction.chu');
  for (const [field, bad] of [['age_bands', ['12-13']], ['age_bands', []], ['starts_at', '01/12/2026'], ['ends_at', day(-3)], ['language', 'de']]) {
    const r = await ed.req('POST', '/api/v1/campaigns', { json: { ...body, [field]: bad } });
    assertProblem(r, 422, 'validation');
    assert.equal(r.data.errors[0].field, field, JSON.stringify(r.data.errors));
  }
  let r = await ed.req('POST', '/api/v1/campaigns', { json: body });
  assert.equal(r.status, 201, r.text);
  const id = r.data.id;
  r = await new Client(srv.url).req('GET', '/api/v1/campaigns/current');
  assert.ok(r.data.campaigns.some((c) => c.id === id), 'visitors see campaigns for everyone');
  r = await new Client(srv.url).req('GET', '/api/v1/campaigns/current', { headers: { 'accept-language': 'en' } });
  assert.ok(!r.data.campaigns.some((c) => c.id === id), 'a French campaign is not shown in English');
  // ended campaigns are neither shown nor counted
  r = await ed.req('POST', '/api/v1/campaigns', { json: { ...body, starts_at: day(-5), ends_at: day(-1) } });
  assert.equal(r.status, 201);
  assertProblem(await alice.req('POST', `/api/v1/campaigns/${r.data.id}/seen`, { json: { kind: 'view' } }), 404, 'not-found');
  // counts are for editors of the institution and administrators
  assertProblem(await alice.req('GET', `/api/v1/campaigns/${id}/reach`), 403, 'forbidden');
  assert.equal((await (await demo('admin')).req('GET', `/api/v1/campaigns/${id}/reach`)).status, 200);
  r = await ed.req('GET', '/api/v1/campaigns');
  assert.equal(r.data.institution, 'chu-exemple');
  assert.ok(r.data.campaigns.some((c) => c.id === id));
});

test('views and clicks are limited per campaign: 6 an hour per account, 30 per visitor address', async () => {
  const ed = await demo('redaction.chu');
  const body = { title: 'Les écrans le soir', body: 'Texte', language: 'fr', age_bands: ['everyone'], starts_at: day(-1), ends_at: day(3), topic: 'screens' };
  let r = await ed.req('POST', '/api/v1/campaigns', { json: body });
  assert.equal(r.status, 201, r.text);
  const id = r.data.id;
  const seen = (c, kind, campaign = id) => c.req('POST', `/api/v1/campaigns/${campaign}/seen`, { json: { kind } });
  const views = () => Number(sql(`SELECT coalesce(sum(views), 0) FROM campaign_counts WHERE campaign_id = ${id}`));

  const m = await member('ecran_six', '18-24');
  for (let i = 0; i < 6; i++) assert.equal((await seen(m, 'view')).status, 204);
  r = await seen(m, 'view');
  assertProblem(r, 429, 'rate-limited');
  assert.ok(Number(r.headers.get('retry-after')) > 0);
  assert.equal(views(), 6, 'the refused view is not counted');
  assert.equal((await seen(m, 'click')).status, 204, 'clicks have their own budget');

  // visitors share their address's budget (every client of this test is 127.0.0.1)
  const visitor = new Client(srv.url);
  for (let i = 0; i < 30; i++) assert.equal((await seen(visitor, 'view')).status, 204);
  assertProblem(await seen(new Client(srv.url), 'view'), 429, 'rate-limited');
  assert.equal(views(), 36);
  // made-up and ended campaigns are 404 and take nothing from a budget
  assertProblem(await seen(visitor, 'click', 99999999), 404, 'not-found');
  assert.equal((await seen(visitor, 'click')).status, 204);
});
