// privacy.test.mjs - issue 18 in the browser: the privacy page (a consent given then
// withdrawn, a patient's consent listed for the professional who recorded it), the download
// link of one's data in the settings, and the administrators' register of processing; axe-core
// on every state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, checkA11y, assertNoProblems, logIn, waitForHeading, announced } from './lib.mjs';

const env = serverAndBrowser();
const PW = 'demo-entraide-2026';

test('a member gives and withdraws a consent; the settings offer a copy of their data', async () => {
  const { page, problems } = await newPage(env.browser, env.srv.url);
  await logIn(page, 'alice', PW, { baseUrl: env.srv.url });
  await page.getByText('Bonjour alice.').waitFor();
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'Mon compte');
  const link = page.getByRole('link', { name: 'Télécharger mes données' });
  assert.equal(await link.getAttribute('href'), '/api/v1/me/export');
  await page.getByRole('link', { name: /Mes consentements/ }).click();
  await waitForHeading(page, 'Vie privée');
  await checkA11y(page, 'privacy, no consent');
  await page.getByRole('button', { name: 'Accepter' }).click();
  await announced(page, 'Consentement enregistré.');
  await page.getByText(/^Donné le /).waitFor();
  await checkA11y(page, 'privacy, consent given');
  await page.getByRole('button', { name: 'Retirer mon consentement' }).click();
  await announced(page, 'Consentement retiré.');
  await page.getByText(/Retiré le /).waitFor();
  assert.equal(await page.getByRole('link', { name: /Registre des traitements/ }).count(), 0, 'members see no register link');
  assertNoProblems(problems);
});

test('a professional sees the patients\' consents they recorded; an administrator reads the register', async () => {
  let { page, problems } = await newPage(env.browser, env.srv.url);
  await logIn(page, 'dr.martin', PW, { baseUrl: env.srv.url });
  await page.getByText('Bonjour dr.martin.').waitFor();
  await page.goto(env.srv.url + '/privacy');
  await waitForHeading(page, 'Vie privée');
  await page.getByRole('heading', { name: 'Consentements de patients que vous avez enregistrés' }).waitFor();
  await page.getByRole('button', { name: 'Le patient retire son consentement' }).first().waitFor();
  await checkA11y(page, 'privacy, professional');
  assertNoProblems(problems);

  ({ page, problems } = await newPage(env.browser, env.srv.url, { locale: 'en-GB' }));
  await logIn(page, 'admin', PW, { baseUrl: env.srv.url });
  // the log-in must be answered before /privacy loads, or the page is drawn for a visitor
  await page.getByText(/^(Bonjour|Hello) admin\.$/).waitFor();
  await page.goto(env.srv.url + '/privacy');
  await page.getByRole('link', { name: /Registre des traitements|Register of processing/ }).click();
  await waitForHeading(page, /^(Registre des traitements|Register of processing)$/);
  await page.getByRole('rowheader', { name: /Adresse e-mail|E-mail address/ }).waitFor();
  await page.getByRole('cell', { name: /^(chiffrée|encrypted)$/ }).first().waitFor();
  await checkA11y(page, 'register');
  assertNoProblems(problems);
});
