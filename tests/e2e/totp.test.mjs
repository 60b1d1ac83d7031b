// totp.test.mjs - two-factor authentication in the browser: on a new instance (not the demo)
// an administrator logging in is sent to turn it on; the secret as text and an otpauth://
// link, a first code, the recovery codes; then log-in asks for the code. axe-core on every
// state, phone viewport.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, BIN } from '../lib/server.mjs';
import { totpCode } from '../lib/totp.mjs';
import { launch, newPage, checkA11y, assertNoProblems, waitForHeading, logIn } from './lib.mjs';

const PW = 'une phrase de passe solide';
const env = { srv: null, browser: null };
before(async () => {
  env.srv = await startServer();
  execFileSync(BIN, ['admin', '--data', env.srv.data, 'create-account', 'gardien', 'gardien@example.org'], { input: PW + '\n' });
  execFileSync(BIN, ['admin', '--data', env.srv.data, 'grant', 'gardien', 'administrator']);
  env.browser = await launch();
});
after(async () => {
  if (env.browser) await env.browser.close();
  if (env.srv) await env.srv.stop();
});

test('an administrator turns two-factor authentication on, then logs in with a code (phone)', async () => {
  const { page, problems } = await newPage(env.browser, env.srv.url, { phone: true });
  await logIn(page, 'gardien', PW, { baseUrl: env.srv.url });
  await waitForHeading(page, 'Double authentification');
  await page.locator('main').getByText(/Votre rôle sur cette instance demande la double authentification/).waitFor();
  await checkA11y(page, 'totp, required');
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  const secret = (await page.locator('#totp-secret').innerText()).trim();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  const uri = await page.getByRole('link', { name: 'Ouvrir dans l’application d’authentification' }).getAttribute('href');
  assert.ok(uri.startsWith('otpauth://totp/entraide:gardien?secret=' + secret));
  await checkA11y(page, 'totp, secret shown');
  await page.getByLabel('Code affiché par l’application').fill('000000' === totpCode(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  await checkA11y(page, 'totp, wrong code');
  const enrolledAt = Date.now() / 1000;
  await page.getByLabel('Code affiché par l’application').fill(totpCode(secret, enrolledAt));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
  const codes = await page.locator('.recovery-codes li').allInnerTexts();
  assert.equal(codes.length, 10);
  await checkA11y(page, 'totp, recovery codes');

  // a new browser: the password, then the code asked for
  const second = await newPage(env.browser, env.srv.url, { phone: true });
  await logIn(second.page, 'gardien', PW, { baseUrl: env.srv.url });
  await second.page.getByLabel('Code de connexion').waitFor();
  await checkA11y(second.page, 'log-in, code asked');
  await second.page.getByLabel('Code de connexion').fill(codes[0]);
  await second.page.locator('main form button[type=submit]').click();
  // an account made on the command line has no age band yet: asked once, after the log-in
  await second.page.waitForURL((u) => u.pathname === '/age' && u.searchParams.get('next') === '/');
  await waitForHeading(second.page, 'Votre tranche d’âge');
  await second.page.getByRole('radio', { name: '25 ans ou plus' }).check();
  await second.page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
  await second.page.waitForURL(env.srv.url + '/');
  await second.page.goto(env.srv.url + '/admin/mail'); // an administrator's page, open now
  await second.page.getByRole('table', { name: 'Derniers e-mails' }).or(second.page.getByText('Aucun e-mail pour l’instant.')).waitFor();
  assertNoProblems(problems);
  assertNoProblems(second.problems);
  await second.page.context().close();
  await page.context().close();
});
