// pages.test.mjs - every page a visitor can reach, on a desktop and on a 375-px phone, in
// light and dark mode, checked by axe-core; the keyboard path (skip link, focus on route
// change); the visitor's language choice; the 404 view; a taken handle; closed sign-up; and,
// last (it leaves the log-in rate limit spent), the message after too many wrong passwords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import {
  serverAndBrowser, NARROW, newPage, checkA11y, assertNoProblems, newAccount, waitForHeading, fill, focused,
} from './lib.mjs';

const env = serverAndBrowser();

const VISITOR_PAGES = [
  { path: '/', heading: null },
  { path: '/signup', heading: 'Créer un compte' },
  { path: '/login', heading: 'Se connecter' },
  { path: '/no/such/page', heading: 'Page introuvable' },
];

async function visitAll(options, label) {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, options);
  for (const p of VISITOR_PAGES) {
    await page.goto(env.srv.url + p.path);
    if (p.heading) await waitForHeading(page, p.heading);
    else await page.locator('main h2').first().waitFor();
    assert.equal(await page.locator('h1').count(), 1, `one h1 on ${p.path}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `no horizontal scrolling on ${p.path} (${label})`);
    await checkA11y(page, `${p.path} (${label})`);
  }
  assertNoProblems(problems);
  await context.close();
}

test('visitor pages on a desktop, light', () => visitAll({}, 'desktop'));
test('visitor pages on a 375-px phone', () => visitAll({ phone: true }, 'phone'));
test('visitor pages in dark mode on a 320-px phone', () => visitAll({ phone: true, viewport: NARROW, colorScheme: 'dark' }, '320 px, dark'));

test('every response of the shell carries the security headers', async () => {
  for (const path of ['/', '/settings', '/static/app.js']) {
    const res = await fetch(env.srv.url + path);
    assert.equal(res.status, 200, path);
    const csp = res.headers.get('content-security-policy') || '';
    assert.match(csp, /default-src 'none'/, path);
    // scripts from the origin only; WebAssembly may be compiled (the privacy module), nothing
    // may be evaluated or inlined
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, path);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
  }
  const missing = await fetch(env.srv.url + '/static/no-such-file.js');
  assert.equal(missing.status, 404);
});

test('keyboard: skip link first, focus on the heading after a route change', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  await page.goto(env.srv.url + '/');
  await page.locator('main h2').first().waitFor();
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.equal(f.text, 'Aller au contenu principal');
  await checkA11y(page, 'home, skip link focused');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main');
  // Keyboard only: from the header, reach the log-in link and follow it.
  await page.locator('nav a', { hasText: 'Se connecter' }).focus();
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Se connecter');
  f = await focused(page);
  assert.equal(f.tag, 'h1');
  assert.equal(await page.locator('nav a[aria-current="page"]').textContent(), 'Se connecter');
  assert.equal(await page.title(), 'Se connecter · entraide');
  // Back button: the previous page comes back.
  await page.goBack();
  await page.locator('main h2').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assertNoProblems(problems);
  await context.close();
});

test('a visitor’s language choice stays after a reload; settings need a session', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone: true });
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'Se connecter');
  await page.locator('main .notice', { hasText: 'Connectez-vous pour accéder à cette page.' }).waitFor();
  assert.equal(new URL(page.url()).search, '?next=%2Fsettings');
  await checkA11y(page, 'log-in, redirected from settings (phone)');
  await page.getByRole('button', { name: /English/ }).click();
  await waitForHeading(page, 'Log in');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await waitForHeading(page, 'Log in');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: /Français/ }).click();
  await waitForHeading(page, 'Se connecter');
  assertNoProblems(problems);
  await context.close();
});

test('a taken handle is shown next to the field', async () => {
  const taken = newAccount('pris');
  const res = await fetch(env.srv.url + '/api/v1/accounts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(taken),
  });
  assert.equal(res.status, 201);
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  await page.goto(env.srv.url + '/signup');
  await waitForHeading(page, 'Créer un compte');
  const other = newAccount('autre');
  await fill(page, 'Pseudonyme', taken.handle.toUpperCase());
  await fill(page, 'Adresse e-mail', other.email);
  await fill(page, 'Mot de passe', other.password);
  await fill(page, 'Confirmez le mot de passe', other.password);
  await page.getByRole('radio', { name: '25 ans ou plus' }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.locator('.field-error', { hasText: 'Ce pseudonyme est déjà pris.' }).waitFor();
  await checkA11y(page, 'sign-up, handle taken');
  assertNoProblems(problems);
  await context.close();
});

test('with sign-up closed, no sign-up link and the sign-up page says so', async () => {
  const closed = await startServer({ args: ['--registration-open=false'] });
  try {
    const { page, problems, context } = await newPage(env.browser, closed.url);
    await page.goto(closed.url + '/');
    await page.locator('main h2').first().waitFor();
    await page.getByText('Les inscriptions sont fermées sur cette instance.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Créer un compte' }).count(), 0);
    await page.goto(closed.url + '/signup');
    await waitForHeading(page, 'Créer un compte');
    assert.equal(await page.locator('main form').count(), 0, 'no form to fill in for nothing');
    await page.locator('main p', { hasText: 'Les inscriptions sont fermées' }).waitFor();
    await checkA11y(page, 'sign-up, closed');
    assertNoProblems(problems);
    await context.close();
  } finally {
    await closed.stop();
  }
});

test('too many wrong passwords: the wait is shown', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  const victim = newAccount('cible');
  await fetch(env.srv.url + '/api/v1/accounts', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(victim),
  });
  let limited = false;
  for (let i = 0; i < 30 && !limited; i++) {
    const r = await fetch(env.srv.url + '/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: victim.handle, password: `wrong ${i}` }),
    });
    limited = r.status === 429;
  }
  assert.ok(limited, 'the server answers 429 after repeated wrong passwords');
  await page.goto(env.srv.url + '/login');
  await waitForHeading(page, 'Se connecter');
  await fill(page, 'Pseudonyme ou adresse e-mail', victim.handle);
  await fill(page, 'Mot de passe', victim.password);
  await page.locator('main form button[type=submit]').click();
  await page.locator('.error-summary', { hasText: /Trop de tentatives\. Réessayez dans \d+ (seconde|minute)s?\./ }).waitFor();
  await checkA11y(page, 'log-in, rate limited');
  assertNoProblems(problems);
  await context.close();
});
