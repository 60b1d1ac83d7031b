// demo.test.mjs - the demo data as a newcomer meets it (the accounts the README lists, each in
// its own language, with its institution), and what a member sees when the server ends the
// session under them (suspension by an operator): back to the log-in page, then a clear refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN } from '../lib/server.mjs';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, newAccount, signUpAndLogIn, logIn,
  waitForHeading,
} from './lib.mjs';

const env = serverAndBrowser();
const DEMO_PASSWORD = 'demo-entraide-2026'; // printed by `entraide demo`, listed in README.md

test('demo accounts log in, each in its own language, with its institution', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  await logIn(page, 'sam', DEMO_PASSWORD, { baseUrl: env.srv.url });
  await page.getByText('Hello sam.').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'sam’s account is in English');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.locator('main .notice', { hasText: 'You are logged out.' }).waitFor();

  await logIn(page, 'accueil@demo.entraide.invalid', DEMO_PASSWORD, { baseUrl: env.srv.url });
  await page.getByText('Bonjour accueil.chu.').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'Mon compte');
  await page.locator('.facts dd', { hasText: 'CHU Exemple (chargé de relation)' }).waitFor();
  await checkA11y(page, 'settings, community manager');
  assertNoProblems(problems);
  await context.close();
});

test('a session ended by the server sends the member back to log in', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  const account = newAccount('suspendu');
  await signUpAndLogIn(page, env.srv.url, account);
  await page.getByText(`Bonjour ${account.handle}.`).waitFor();
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'Mon compte');

  execFileSync(BIN, ['admin', '--data', env.srv.data, 'suspend', account.handle], { stdio: 'ignore' });
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Enregistrer la langue' }).click();
  await waitForHeading(page, 'Se connecter');
  await page.locator('main .notice', { hasText: 'Votre session a expiré.' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/settings');
  await page.getByRole('navigation').getByRole('link', { name: 'Se connecter' }).waitFor();

  await logIn(page, account.handle, account.password, { navigate: false });
  await page.locator('.error-summary', { hasText: 'Ce compte est suspendu' }).waitFor();
  await checkA11y(page, 'log-in, suspended account');
  assertNoProblems(problems);
  await context.close();
});
