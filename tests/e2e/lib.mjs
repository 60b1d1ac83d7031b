// tests/e2e/lib.mjs - helpers shared by the browser tests (this and later ones):
//
//   const env = serverAndBrowser();                 // at the top of a test file: env.srv, env.browser
//   const { page, problems } = await newPage(env.browser, env.srv.url, { phone: true });
//   await page.goto(env.srv.url + '/signup');
//   await checkA11y(page, 'sign-up, empty');        // axe-core, WCAG 2.1 A + AA, fails on any violation
//   await signUpAndLogIn(page, env.srv.url, newAccount());  // through the form, like a person
//   assertNoProblems(problems);                     // no CSP violation, no uncaught error, no 404 asset
//
// Chromium is Debian's /usr/bin/chromium (CHROMIUM_PATH overrides), driven by playwright-core.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../lib/server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const PHONE = { width: 375, height: 740 };
export const NARROW = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 900 };

// For a test file: one server (with the demo data) and one browser, started before the
// tests and stopped after them. Read env.srv and env.browser inside the tests.
export function serverAndBrowser({ demo = true } = {}) {
  const env = { srv: null, browser: null };
  before(async () => {
    env.srv = await startServer({ demo });
    env.browser = await launch();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.srv) await env.srv.stop();
  });
  return env;
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh context (no cookie, no localStorage) and page. `problems` collects what must never
// happen: CSP violations (console messages and securitypolicyviolation events), uncaught
// exceptions, console errors other than the expected failed API calls, and failed loads of
// static files.
export async function newPage(browser, baseUrl, { phone = false, viewport = null, colorScheme = 'light', locale = 'fr-FR' } = {}) {
  const context = await browser.newContext({
    viewport: viewport || (phone ? PHONE : DESKTOP),
    isMobile: phone,
    hasTouch: phone,
    colorScheme,
    locale,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Chromium logs every non-2xx fetch ("Failed to load resource: ... 401"); API refusals are
    // part of the journeys under test (a visitor's GET /me is 401, a wrong password 401...).
    const url = msg.location() && msg.location().url ? msg.location().url : '';
    if (/^Failed to load resource: the server responded with a status of (401|403|404|409|410|422|429)/.test(text)
      && url.startsWith(`${baseUrl}/api/`)) return;
    problems.push(`console: ${text} ${url}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('response', (res) => {
    const url = res.url();
    if (url.startsWith(`${baseUrl}/static/`) && res.status() >= 400) problems.push(`static ${res.status()}: ${url}`);
  });
  return { context, page, problems };
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], `browser problems:\n${problems.join('\n')}`);
}

// Runs axe-core on the page as it is now and fails with a readable list of violations.
export async function checkA11y(page, label) {
  // Legacy mode runs axe.run() in the page itself. The default runs every frame's part and then
  // merges them in a blank page opened for it: twice the time here (0.7-0.9 s a call
  // against 1.3-2.1 s, same passes and violations on the same page) and ~180 checks in the
  // suite; the merge is only needed for cross-origin frames, and the strict CSP allows none.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  const lines = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  assert.equal(results.violations.length, 0, `axe violations on "${label}":\n${lines.join('\n')}`);
}

// A new account that nobody else uses in this run. The id is six digits: hex could spell a
// first name ("ada") or a year ("1987") that the sign-up's handle check points out.
export function newAccount(prefix = 'e2e') {
  const id = String(randomInt(100000, 1000000));
  return { handle: `${prefix}_${id}`, email: `${prefix}.${id}@example.org`, password: `phrase de passe ${id}` };
}

// Waits until the route change is drawn: the page's <h1> holds `heading` (string or RegExp).
export async function waitForHeading(page, heading) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

// Fills a form field found by its label (exact text or RegExp).
export async function fill(page, label, value) {
  await page.getByLabel(label, { exact: typeof label === 'string' }).fill(value);
}

// Signs up through the form (French interface): the page logs the new member in and goes
// home. Ends on the home page, logged in.
export async function signUpAndLogIn(page, baseUrl, account) {
  await page.goto(`${baseUrl}/signup`);
  await waitForHeading(page, 'Créer un compte');
  // Wait for the log-in answer (and so its cookie): a caller that navigates right after would
  // otherwise race the request and load its next page as a visitor.
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' &&
    new URL(r.url()).pathname === '/api/v1/session');
  await submitSignUp(page, account);
  const r = await answered;
  if (r.status() !== 200) throw new Error(`log-in after sign-up answered ${r.status()}`);
  await page.waitForURL((u) => u.pathname === '/');
}

// Fills the (French) sign-up form with `account` and submits it.
export async function submitSignUp(page, account) {
  await fill(page, 'Pseudonyme', account.handle);
  await fill(page, 'Adresse e-mail', account.email);
  await fill(page, 'Mot de passe', account.password);
  await fill(page, 'Confirmez le mot de passe', account.password);
  await page.getByRole('radio', { name: account.ageBand || '25 ans ou plus' }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
}

// Logs in through the form. `navigate: false` when the log-in page is already open.
export async function logIn(page, login, password, { baseUrl, navigate = true } = {}) {
  if (navigate) {
    await page.goto(`${baseUrl}/login`);
    await waitForHeading(page, /^(Se connecter|Log in)$/);
  }
  await page.getByLabel(/^(Pseudonyme ou adresse e-mail|Handle or e-mail address)$/).fill(login);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(password);
  await page.locator('main form button[type=submit]').click();
}

// The text the aria-live region ends up saying.
export async function announced(page, text) {
  await page.locator('#announcer').filter({ hasText: text }).waitFor();
}

// Which element has the focus, as "tag#id" or "tag.text" for assertions.
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent || '').trim().slice(0, 80) } : null;
  });
}
