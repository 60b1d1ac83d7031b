// learn_campaigns.test.mjs - prevention campaigns in a browser (issue 21, R8), on a phone
// with axe-core on every page: a visitor sees the campaign for everyone on the home page, not
// the ones for young people; lou (15-17, demo) sees the vaping one and the page counts one
// view; the editor publishes a campaign from /campaigns and reads its figures ("<10") and the
// CSV link; a member without an age band is asked for one after logging in, and may say later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serverAndBrowser, newPage, checkA11y, assertNoProblems, logIn, waitForHeading, PHONE } from './lib.mjs';

const env = serverAndBrowser();
const PW = 'demo-entraide-2026';

function sql(query) {
  return execFileSync('sqlite3', [join(env.srv.data, 'entraide.db'), query], { encoding: 'utf8' }).trim();
}

test('a visitor sees campaigns for everyone; lou (15-17) sees the vaping one, counted once', async () => {
  const v = await newPage(env.browser, env.srv.url, { phone: true });
  await v.page.goto(env.srv.url + '/');
  await v.page.getByRole('heading', { level: 2, name: 'Prévention' }).waitFor();
  await v.page.getByRole('heading', { level: 3, name: 'Vos vaccins sont-ils à jour ?' }).waitFor();
  assert.equal(await v.page.getByRole('heading', { name: 'La vape, on en parle ?' }).count(), 0);
  await checkA11y(v.page, 'home with a campaign, visitor, phone');
  assertNoProblems(v.problems);
  await v.context.close();

  const before = Number(sql("SELECT coalesce(sum(views), 0) FROM campaign_counts c JOIN campaigns k ON k.id = c.campaign_id WHERE k.title = 'La vape, on en parle ?' AND c.band = '15-17'"));
  const m = await newPage(env.browser, env.srv.url, { phone: true });
  const counted = m.page.waitForResponse((r) => /\/api\/v1\/campaigns\/\d+\/seen$/.test(new URL(r.url()).pathname) && r.status() === 204);
  await logIn(m.page, 'lou', PW, { baseUrl: env.srv.url });
  await m.page.getByRole('heading', { level: 3, name: 'La vape, on en parle ?' }).waitFor();
  await counted;
  await checkA11y(m.page, 'home with campaigns, 15-17, phone');
  // the view reaches the counters of band 15-17 (the page posts each campaign it shows)
  for (let i = 0; i < 50; i++) {
    const now = Number(sql("SELECT coalesce(sum(views), 0) FROM campaign_counts c JOIN campaigns k ON k.id = c.campaign_id WHERE k.title = 'La vape, on en parle ?' AND c.band = '15-17'"));
    if (now > before) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.equal(Number(sql("SELECT coalesce(sum(views), 0) FROM campaign_counts c JOIN campaigns k ON k.id = c.campaign_id WHERE k.title = 'La vape, on en parle ?' AND c.band = '15-17'")), before + 1);
  assertNoProblems(m.problems);
  await m.context.close();
});

test('the editor publishes a campaign and reads its figures, "<10" for small ones', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone: true });
  await logIn(page, 'redaction.chu', PW, { baseUrl: env.srv.url });
  await page.waitForURL((u) => u.pathname === '/');
  await page.goto(env.srv.url + '/campaigns');
  await waitForHeading(page, 'Campagnes de prévention');
  await checkA11y(page, 'campaigns, editor, phone');
  // an empty submit: the errors, tied to their fields
  await page.getByRole('button', { name: 'Publier la campagne' }).click();
  await page.locator('.error-summary').getByText('Choisissez au moins une tranche.').waitFor();
  await checkA11y(page, 'campaigns, errors');
  await page.getByLabel('Titre', { exact: true }).fill('Écrans et sommeil');
  await page.getByLabel('Texte (Markdown)').fill('Couper les écrans une heure avant de dormir **aide** à mieux dormir.');
  await page.getByLabel('Thème').selectOption('screens');
  await page.getByRole('checkbox', { name: '15 à 17 ans' }).check();
  await page.getByRole('checkbox', { name: '18 à 24 ans' }).check();
  await page.getByRole('button', { name: 'Publier la campagne' }).click();
  await page.locator('main .notice.success', { hasText: 'La campagne « Écrans et sommeil » est publiée.' }).waitFor();
  const item = page.locator('.learn-list > li', { hasText: 'Écrans et sommeil' });
  await item.getByRole('button', { name: 'Voir la mesure' }).click();
  await item.getByRole('table').waitFor();
  await item.getByText('Aucune vue pour l’instant.').waitFor();
  // a view by lou's band, then the figures read "<10"
  const id = sql("SELECT id FROM campaigns WHERE title = 'Écrans et sommeil'");
  const r = await fetch(`${env.srv.url}/api/v1/campaigns/${id}/seen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"view"}' });
  assert.equal(r.status, 204);
  await item.getByRole('button', { name: 'Voir la mesure' }).click();
  await item.getByRole('button', { name: 'Voir la mesure' }).click();
  await item.getByRole('cell', { name: 'Sans tranche (visiteurs)' }).waitFor();
  assert.equal(await item.getByRole('cell', { name: '<10' }).count(), 4);
  assert.equal(await item.getByRole('link', { name: 'Télécharger en CSV' }).getAttribute('href'), `/api/v1/campaigns/${id}/reach.csv`);
  await checkA11y(page, 'campaign figures, phone');
  assertNoProblems(problems);
  await context.close();
});

test('a member without an age band is asked after logging in, and may answer later', async () => {
  const handle = `sansbande_${Date.now().toString().slice(-6)}`;
  const r = await fetch(`${env.srv.url}/api/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ handle, email: `${handle}@example.org`, password: 'phrase de passe longue', handle_confirmed: true }) });
  assert.equal(r.status, 201);
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { viewport: PHONE, phone: true });
  await logIn(page, handle, 'phrase de passe longue', { baseUrl: env.srv.url });
  await waitForHeading(page, 'Votre tranche d’âge');
  await checkA11y(page, 'age band asked, phone');
  await page.getByRole('radio', { name: '13 ou 14 ans' }).check();
  await page.getByText('Avant 15 ans, la loi demande l’accord d’un parent').waitFor();
  await page.getByRole('radio', { name: '18 à 24 ans' }).check();
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.locator('main .notice', { hasText: 'Votre tranche d’âge est enregistrée.' }).waitFor();
  assert.equal(sql(`SELECT b.band FROM account_age_bands b JOIN accounts a ON a.id = b.account_id WHERE a.handle = '${handle}'`), '18-24');
  // the settings show it and change it
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'Mon compte');
  assert.equal(await page.getByRole('radio', { name: '18 à 24 ans' }).isChecked(), true);
  await page.getByRole('radio', { name: '25 ans ou plus' }).check();
  await page.getByRole('button', { name: 'Enregistrer la tranche d’âge' }).click();
  await page.locator('main .notice.success', { hasText: 'Votre tranche d’âge est enregistrée.' }).waitFor();
  await checkA11y(page, 'settings with the age band, phone');
  assert.equal(sql(`SELECT b.band FROM account_age_bands b JOIN accounts a ON a.id = b.account_id WHERE a.handle = '${handle}'`), '25-plus');
  assertNoProblems(problems);
  await context.close();
});
