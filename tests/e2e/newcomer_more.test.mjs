// newcomer_more.test.mjs - the rest of what a newcomer met (issue 15): the handle check at
// sign-up, suspending with a reason and a duration, dismissing a report, excerpts on the desk
// queue, the publishing check's hints while typing, the document's file field. Each in
// Chromium at 1280 px and on a phone, in French and English, light and dark, axe-clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, waitForHeading, logIn,
} from './lib.mjs';
import { BIN } from '../lib/server.mjs';
import { Client } from '../api/helpers.mjs';

const env = serverAndBrowser();

// Each combination once: [phone, locale, colour scheme].
const LOOKS = [[false, 'fr-FR', 'light'], [true, 'en-GB', 'dark'], [true, 'fr-FR', 'dark'], [false, 'en-GB', 'light']];

const SIGNUP = {
  fr: { title: 'Créer un compte', handle: 'Pseudonyme', email: 'Adresse e-mail', pw: 'Mot de passe', confirm: 'Confirmez le mot de passe', submit: 'Créer mon compte', full: '«\u00a0lea martin\u00a0» ressemble à un prénom et un nom de famille', first: '«\u00a0alice\u00a0» est un prénom.', keep: 'Je garde ce pseudonyme : il ne me désigne pas', use: 'Utiliser', welcome: 'Bienvenue, alice.media', age: '25 ans ou plus' },
  en: { title: 'Sign up', handle: 'Handle', email: 'E-mail address', pw: 'Password', confirm: 'Confirm the password', submit: 'Create my account', full: '“lea martin” looks like a first name and a surname', first: '“alice” is a first name.', keep: 'I keep this handle: it does not point to me', use: 'Use', welcome: 'Welcome, alice.media', age: '25 or older' },
};

// R1 at sign-up: "lea.martin69" is refused with what was found and free handles to pick;
// "alice.media" (a first name alone) is pointed out and kept once the member ticks the box.
test('sign-up refuses a handle that names the member and offers free ones', async () => {
  let n = 0;
  for (const [phone, locale, colorScheme] of LOOKS) {
    const L = SIGNUP[locale.slice(0, 2)];
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, locale, colorScheme });
    await page.goto(`${env.srv.url}/signup`);
    await waitForHeading(page, L.title);
    const id = `${Date.now().toString(36)}${n++}`;
    await page.getByLabel(L.handle, { exact: true }).fill('lea.martin69');
    await page.getByLabel(L.email).fill(`nouveau.${id}@example.org`);
    await page.getByLabel(L.pw, { exact: true }).fill(`phrase de passe ${id}`);
    await page.getByLabel(L.confirm).fill(`phrase de passe ${id}`);
    await page.getByRole('radio', { name: L.age }).check();
    await page.getByRole('button', { name: L.submit }).click();
    const error = page.locator('.field-error', { hasText: L.full });
    await error.waitFor();
    assert.equal(await page.getByLabel(L.handle, { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel(L.keep).isVisible(), false, 'a refused handle cannot be kept');
    const pick = page.getByRole('button', { name: new RegExp(`^${L.use} `) }).first();
    await pick.waitFor();
    await checkA11y(page, `handle refused ${locale} ${colorScheme} ${phone ? 'phone' : 'desktop'}`);
    const picked = (await pick.innerText()).replace(`${L.use} `, '');
    await pick.click();
    assert.equal(await page.getByLabel(L.handle, { exact: true }).inputValue(), picked);
    await error.waitFor({ state: 'detached' });
    if (n === 1) {
      // the pointed-out case, once: confirm and keep it
      await page.getByLabel(L.handle, { exact: true }).fill('alice.media');
      await page.getByRole('button', { name: L.submit }).click();
      await page.locator('.field-error', { hasText: L.first }).waitFor();
      const keep = page.getByLabel(L.keep);
      await keep.waitFor();
      await checkA11y(page, `handle to confirm ${locale} ${colorScheme}`);
      await keep.check();
      await page.getByRole('button', { name: L.submit }).click();
      await page.locator('main .notice', { hasText: L.welcome }).waitFor();
    } else {
      // a suggestion goes through as it is
      await page.getByRole('button', { name: L.submit }).click();
      await page.locator('main .notice', { hasText: picked }).waitFor();
    }
    assert.equal(await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status)), 200);
    assertNoProblems(problems);
    await context.close();
  }
});

// --- moderation: a reason and a length for a suspension; dismissing a report ---

const PW = 'correct horse battery';
const DEMO_PW = 'demo-entraide-2026';
let made = 0;

async function apiMember(handle, locale = 'fr') {
  const c = new Client(env.srv.url);
  const r = await c.req('POST', '/api/v1/accounts', { json: { handle, email: `${handle}@example.org`, password: PW, locale, handle_confirmed: true, age_band: '25-plus' } });
  assert.equal(r.status, 201, r.text);
  assert.equal((await c.login(handle, PW)).status, 200);
  return c;
}

// A new member's thread in a public space, reported by alice: { author, post, thread, title }.
async function reportedThread() {
  const n = made++;
  const author = `auteur_${Date.now().toString().slice(-6)}${n}`;
  const c = await apiMember(author);
  const title = `Complément miracle, épisode ${['un', 'deux', 'trois', 'quatre', 'cinq', 'six'][n]}`;
  let r = await c.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title, body: 'Achetez ce complément, il remplace l’insuline.' } });
  assert.equal(r.status, 201, r.text);
  const post = r.data.id, thread = r.data.thread;
  const alice = new Client(env.srv.url);
  assert.equal((await alice.login('alice', DEMO_PW)).status, 200);
  r = await alice.req('POST', `/api/v1/posts/${post}/reports`, { json: { reason: 'spam' } });
  assert.equal(r.status, 201, r.text);
  return { author, post, thread, title };
}

// A moderator who reads the interface in `lang` (the demo's "modo" reads French).
let englishModerator = null;
async function moderatorPage(lang, { phone, colorScheme }) {
  let handle = 'modo', pw = DEMO_PW;
  if (lang === 'en') {
    if (!englishModerator) {
      englishModerator = `moderator_${Date.now().toString().slice(-6)}`;
      await apiMember(englishModerator, 'en');
      execFileSync(BIN, ['admin', '--data', env.srv.data, 'grant', englishModerator, 'moderator'], { stdio: 'ignore' });
    }
    handle = englishModerator;
    pw = PW;
  }
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, colorScheme, locale: lang === 'en' ? 'en-GB' : 'fr-FR' });
  await logIn(page, handle, pw, { baseUrl: env.srv.url });
  await page.waitForURL((u) => u.pathname === '/');
  await page.locator('#site-header button.link-button').waitFor({ state: 'attached' });
  await page.goto(`${env.srv.url}/moderation`);
  await page.locator('main h2').first().waitFor();
  return { page, problems, context };
}

const MOD = {
  fr: { suspend: 'Suspendre l’auteur', reason: 'Motif', length: 'Durée', d30: '30 jours', confirm: 'Suspendre le compte', required: 'Ce champ est obligatoire', dismiss: 'Classer sans suite', suspended: 'est suspendu jusqu’au', logSuspend: 'compte suspendu', logDismiss: 'signalement classé sans suite' },
  en: { suspend: 'Suspend the author', reason: 'Reason', length: 'Length', d30: '30 days', confirm: 'Suspend the account', required: 'This field is required', dismiss: 'Dismiss the report', suspended: 'is suspended until', logSuspend: 'account suspended', logDismiss: 'report dismissed' },
};

test('a moderator suspends with a reason and a length; the report closes with it', async () => {
  for (const [phone, locale, colorScheme] of [LOOKS[0], LOOKS[1]]) {
    const lang = locale.slice(0, 2), M = MOD[lang];
    const { author, title } = await reportedThread();
    const { page, problems, context } = await moderatorPage(lang, { phone, colorScheme });
    const card = page.locator('main li', { has: page.getByRole('heading', { name: title }) });
    await card.waitFor();
    await card.getByRole('button', { name: M.suspend }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await checkA11y(page, `suspend dialog ${locale} ${colorScheme}`);
    // no reason: the dialog stays and says so
    await dialog.getByRole('button', { name: M.confirm }).click();
    await dialog.locator('.field-error', { hasText: M.required }).waitFor();
    await dialog.getByLabel(M.reason).fill('Publicité répétée pour un faux traitement');
    await dialog.getByLabel(M.length).selectOption({ label: M.d30 });
    await dialog.getByRole('button', { name: M.confirm }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('#announcer', { hasText: `${author} ${M.suspended}` }).waitFor();
    await card.waitFor({ state: 'detached' });
    await page.locator('main li', { hasText: M.logSuspend }).filter({ hasText: 'Publicité répétée pour un faux traitement' }).first().waitFor();
    await checkA11y(page, `moderation after suspending ${locale} ${colorScheme}`);
    const login = await new Client(env.srv.url).login(author, PW);
    assert.equal(login.status, 403);
    const days = (Date.parse(login.data.suspended_until) - Date.now()) / 86400e3;
    assert.ok(days > 29.9 && days < 30.1, login.data.suspended_until);
    assertNoProblems(problems);
    await context.close();
  }
});

test('a moderator dismisses a report: it leaves the queue, the post stays', async () => {
  for (const [phone, locale, colorScheme] of [LOOKS[2], LOOKS[3]]) {
    const lang = locale.slice(0, 2), M = MOD[lang];
    const { post, thread, title } = await reportedThread();
    const { page, problems, context } = await moderatorPage(lang, { phone, colorScheme });
    const card = page.locator('main li', { has: page.getByRole('heading', { name: title }) });
    await card.waitFor();
    await card.getByRole('button', { name: M.dismiss }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await checkA11y(page, `dismiss dialog ${locale} ${colorScheme}`);
    await dialog.getByRole('button', { name: M.dismiss }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
    await page.locator('main li', { hasText: M.logDismiss }).first().waitFor();
    const shown = await new Client(env.srv.url).req('GET', `/api/v1/threads/${thread}`);
    assert.ok(shown.data.posts.some((p) => p.id === post), 'the post is still shown');
    assertNoProblems(problems);
    await context.close();
  }
});

// --- the desk queue: each card starts with what the requester wrote ---

test('desk queue cards carry an excerpt of the request', async () => {
  const alice = new Client(env.srv.url);
  assert.equal((await alice.login('alice', DEMO_PW)).status, 200);
  const text = 'Bonjour, pourriez-vous me dire si la consultation de diététique a lieu aussi le samedi matin ? Je travaille en semaine et je ne peux pas me libérer avant dix-huit heures.';
  const sent = await alice.req('POST', '/api/v1/institutions/chu-exemple/desk/requests', { json: { form: 'question', text } });
  assert.equal(sent.status, 201, sent.text);
  const manager = `accueil_en_${Date.now().toString().slice(-6)}`;
  execFileSync(BIN, ['admin', '--data', env.srv.data, 'create-account', manager, `${manager}@example.org`, 'en'], { input: `${PW}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
  execFileSync(BIN, ['admin', '--data', env.srv.data, 'grant', manager, 'community_manager', 'chu-exemple'], { stdio: 'ignore' });
  // an adult: the age band asked after a first log-in (issue 21) is given here
  const mc = new Client(env.srv.url);
  assert.equal((await mc.login(manager, PW)).status, 200);
  assert.equal((await mc.req('PATCH', '/api/v1/me', { json: { age_band: '25-plus' } })).status, 200);
  for (const [phone, locale, colorScheme] of LOOKS) {
    const en = locale.startsWith('en');
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, locale, colorScheme });
    await logIn(page, en ? manager : 'accueil.chu', en ? PW : DEMO_PW, { baseUrl: env.srv.url });
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('#site-header button.link-button').waitFor({ state: 'attached' });
    await page.goto(`${env.srv.url}/desk/chu-exemple/queue`);
    await waitForHeading(page, en ? 'Desk queue' : 'File de l’accueil');
    const card = page.locator('.desk-list li', { has: page.getByRole('link', { name: en ? `Request ${sent.data.id}` : `Demande n° ${sent.data.id}` }) });
    const excerpt = card.locator('.desk-excerpt');
    await excerpt.waitFor();
    const said = await excerpt.innerText();
    assert.ok(said.startsWith('Bonjour, pourriez-vous me dire si la consultation de diététique'), said);
    assert.ok(said.endsWith('…') && said.length <= 141, said);
    assert.ok(await page.locator('.desk-excerpt').count() >= 2, 'other cards too');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    await checkA11y(page, `desk queue with excerpts ${locale} ${colorScheme} ${phone ? 'phone' : 'desktop'}`);
    assertNoProblems(problems);
    await context.close();
  }
});

// --- the publishing check's hints, while typing ---

const HINTS = {
  fr: { body: 'Votre message', direct: 'À retirer avant de publier', name: 'nom\u00a0: «\u00a0Léa\u00a0»', none: 'Rien qui permette de reconnaître quelqu’un' },
  en: { body: 'Your message', direct: 'To remove before publishing', name: 'name: “Léa”', none: 'Nothing that could identify someone' },
};

test('the publishing check speaks while the member types, politely', async () => {
  for (const [phone, locale, colorScheme] of LOOKS) {
    const lang = locale.slice(0, 2), H = HINTS[lang];
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, locale, colorScheme });
    // sam reads English, alice French (their accounts' setting)
    await logIn(page, lang === 'en' ? 'sam' : 'alice', DEMO_PW, { baseUrl: env.srv.url });
    await page.waitForURL((u) => u.pathname === '/');
    await page.locator('#site-header button.link-button').waitFor({ state: 'attached' });
    await page.goto(`${env.srv.url}/t/1`);
    const box = page.getByLabel(H.body, { exact: true });
    await box.waitFor();
    const hints = page.locator('.compose-hints');
    assert.equal(await hints.getAttribute('aria-live'), 'polite');
    let checks = 0;
    page.on('request', (r) => { if (r.url().endsWith('/check')) checks++; });
    await box.pressSequentially('Ma fille Léa est diabétique', { delay: 20 });
    await hints.locator('li', { hasText: H.name }).waitFor();
    await hints.getByText(H.direct).waitFor();
    assert.ok(checks <= 2, `debounced: ${checks} checks for one burst of typing`);
    await checkA11y(page, `hints while typing ${locale} ${colorScheme} ${phone ? 'phone' : 'desktop'}`);
    await box.fill('');
    await box.pressSequentially('Le capteur tient bien', { delay: 10 });
    await hints.getByText(H.none).waitFor();
    await hints.locator('li').first().waitFor({ state: 'detached' });
    assertNoProblems(problems);
    await context.close();
  }
});

// --- the home page does not shift when the recent discussions arrive ---

test('the home page keeps its layout while recent discussions load', async () => {
  for (const [phone, locale, colorScheme] of [LOOKS[0], LOOKS[1]]) {
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, locale, colorScheme });
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // the spaces' threads come late, as on a slow phone network: the list arrives after the
    // page is drawn, which is what shifted it
    await page.route(/\/api\/v1\/spaces\/[^/?]+$/, async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    let askedMe = 0;
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/me') askedMe++; });
    await page.goto(`${env.srv.url}/`);
    const recent = page.locator('section[aria-labelledby="home-recent"] > div');
    await recent.waitFor();
    await page.waitForFunction(() => !document.querySelector('section[aria-labelledby="home-recent"] > div[aria-busy]'));
    await page.locator('section[aria-labelledby="home-recent"] li a').first().waitFor();
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__shifts);
    assert.ok(cls < 0.02, `cumulative layout shift ${cls.toFixed(3)} (${locale}, ${phone ? 'phone' : 'desktop'})`);
    assert.equal(askedMe, 0, 'a visitor\'s page does not ask /api/v1/me (its 401 was an error in the console)');
    await checkA11y(page, `home with recent discussions ${locale} ${colorScheme}`);
    assertNoProblems(problems);
    await context.close();
  }
});

// --- every form from the design system: report, search, article ---

test('the report, search and article forms use the shared fields and error summary', async () => {
  for (const [phone, locale, colorScheme] of [LOOKS[0], LOOKS[1]]) {
    const en = locale.startsWith('en');
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, locale, colorScheme });
    // search: an empty search is said next to the field and in the summary
    await page.goto(`${env.srv.url}/search`);
    const q = page.getByLabel(en ? 'Search words' : 'Mots recherchés');
    await q.waitFor();
    assert.equal(await q.evaluate((el) => el.closest('.field') !== null), true);
    await page.locator('main form button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    assert.equal(await q.getAttribute('aria-invalid'), 'true');
    await checkA11y(page, `search, empty ${locale} ${colorScheme}`);
    await q.fill('capteur');
    await page.locator('main form button[type=submit]').click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'capteur');
    await context.close();
    assertNoProblems(problems);
  }
  // the report form (a member) and the article form (an editor), in French
  const reader = await newPage(env.browser, env.srv.url, { phone: true });
  await logIn(reader.page, 'alice', DEMO_PW, { baseUrl: env.srv.url });
  await reader.page.waitForURL((u) => u.pathname === '/');
  await reader.page.locator('#site-header button.link-button').waitFor({ state: 'attached' });
  await reader.page.goto(`${env.srv.url}/t/1`);
  await reader.page.getByRole('button', { name: 'Signaler' }).first().click();
  const reason = reader.page.getByLabel('Motif du signalement');
  await reason.waitFor();
  assert.equal(await reason.evaluate((el) => el.tagName === 'SELECT' && el.closest('.field') !== null), true);
  await checkA11y(reader.page, 'report form');
  await reason.selectOption({ label: 'Publicité ou spam' });
  await reader.page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await reader.page.locator('.notice.success', { hasText: 'le message a été signalé' }).waitFor();
  assertNoProblems(reader.problems);
  await reader.context.close();
  const editor = await newPage(env.browser, env.srv.url);
  await logIn(editor.page, 'redaction.chu', DEMO_PW, { baseUrl: env.srv.url });
  await editor.page.waitForURL((u) => u.pathname === '/');
  await editor.page.locator('#site-header button.link-button').waitFor({ state: 'attached' });
  await editor.page.goto(`${env.srv.url}/articles`);
  await editor.page.getByRole('button', { name: 'Signer et publier' }).click();
  await editor.page.locator('.error-summary').waitFor();
  assert.equal(await editor.page.getByLabel('Titre', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await editor.page.getByLabel('Texte (Markdown)').getAttribute('aria-invalid'), 'true');
  await checkA11y(editor.page, 'article form, empty');
  assertNoProblems(editor.problems);
  await editor.context.close();
});
