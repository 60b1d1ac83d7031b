// mail.test.mjs - account recovery in the browser, through a real SMTP conversation
// (tests/lib/smtp_sink.mjs): confirming one's address from the sign-up e-mail, "forgot your
// password" from the log-in page, the link of the e-mail, the new password, the used link;
// the e-mail part of "My account" and the administrators' queue page; a parent's agreement for
// an under-15 account (issue 21): asked from the settings, given on the link's page. axe-core
// on every page and state, phone viewport and keyboard for the forms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { startSmtpSink, linkIn } from '../lib/smtp_sink.mjs';
import { launch, newPage, checkA11y, assertNoProblems, newAccount, waitForHeading, logIn } from './lib.mjs';

const env = { srv: null, browser: null, sink: null };
before(async () => {
  env.sink = await startSmtpSink();
  env.srv = await startServer({ demo: true, args: ['--smtp', env.sink.url] });
  env.browser = await launch();
});
after(async () => {
  if (env.browser) await env.browser.close();
  if (env.srv) await env.srv.stop();
  if (env.sink) await env.sink.stop();
});

async function signUp(a, locale = 'fr', age_band = '25-plus') {
  const r = await fetch(env.srv.url + '/api/v1/accounts', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: a.handle, email: a.email, password: a.password, locale, age_band }),
  });
  assert.equal(r.status, 201, await r.text());
}

const mailTo = (addr, path) => env.sink.waitFor((m) => m.to.includes(addr) && m.body.includes(path));

test('confirm the address, then reset a forgotten password from the log-in page (phone)', async () => {
  const a = newAccount('mail');
  await signUp(a);
  const { page, problems } = await newPage(env.browser, env.srv.url, { phone: true });
  // the sign-up e-mail's link: confirming takes a press of the button
  const confirmMail = await mailTo(a.email, '/confirm-email/');
  await page.goto(linkIn(confirmMail, env.srv.url));
  await waitForHeading(page, 'Confirmer votre adresse e-mail');
  await checkA11y(page, 'confirm e-mail');
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await page.locator('main').getByText('Votre adresse e-mail est confirmée.').waitFor();
  await checkA11y(page, 'confirm e-mail, done');

  // "forgot your password" from the log-in page, with the keyboard
  await page.goto(env.srv.url + '/login');
  await waitForHeading(page, 'Se connecter');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await waitForHeading(page, 'Mot de passe oublié');
  await checkA11y(page, 'password reset, empty');
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await page.locator('.error-summary').waitFor();
  await checkA11y(page, 'password reset, error');
  await page.getByLabel('Pseudonyme ou adresse e-mail').fill(a.email);
  await page.keyboard.press('Enter');
  await page.locator('main').getByText(/un e-mail vient de partir/).waitFor();
  await checkA11y(page, 'password reset, sent');

  const resetMail = await mailTo(a.email, '/password-reset/');
  assert.equal(resetMail.subject, 'Choisir un nouveau mot de passe');
  const link = linkIn(resetMail, env.srv.url);
  await page.goto(link);
  await waitForHeading(page, 'Choisir un nouveau mot de passe');
  await checkA11y(page, 'new password, empty');
  const np = 'une toute nouvelle phrase';
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(np);
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('autre chose encore');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.locator('.error-summary').waitFor();
  await checkA11y(page, 'new password, mismatch');
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(np);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await waitForHeading(page, 'Se connecter');
  await page.locator('main').getByText('Votre mot de passe est changé. Connectez-vous avec le nouveau.').first().waitFor();
  await logIn(page, a.handle, a.password, { navigate: false });
  await page.locator('.error-summary').waitFor(); // the old password no longer works
  await page.getByLabel('Mot de passe', { exact: true }).fill(np);
  await page.locator('main form button[type=submit]').click();
  await waitForHeading(page, /Bienvenue|Accueil|entraide/);

  // the link works once
  await page.goto(link);
  await waitForHeading(page, 'Choisir un nouveau mot de passe');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore une autre phrase');
  await page.getByLabel('Confirmez le nouveau mot de passe').fill('encore une autre phrase');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await page.locator('main').getByText(/Ce lien n’est plus valable/).waitFor();
  await page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
  await checkA11y(page, 'new password, used link');
  assertNoProblems(problems);
  await page.context().close();
});

test('"My account" says whether the address is confirmed and sends a new link (English)', async () => {
  const a = newAccount('mailset');
  await signUp(a, 'en');
  await mailTo(a.email, '/confirm-email/');
  const { page, problems } = await newPage(env.browser, env.srv.url, { locale: 'en-GB' });
  await logIn(page, a.handle, a.password, { baseUrl: env.srv.url });
  await page.waitForURL(env.srv.url + '/');
  await page.goto(env.srv.url + '/settings');
  await page.getByRole('heading', { level: 2, name: 'E-mail address' }).waitFor();
  await page.locator('main').getByText(/not confirmed yet/).waitFor();
  await page.getByRole('button', { name: 'Send me a new confirmation link' }).click();
  await page.locator('main').getByText('A confirmation link is on its way to your address.').waitFor();
  await checkA11y(page, 'settings, e-mail part');
  await env.sink.waitFor((m) => m.to.includes(a.email) && m.body.includes('/confirm-email/') && m.subject === 'Confirm your e-mail address');
  // the digest: off by default, then weekly, kept after a reload
  await page.getByRole('radio', { name: 'Never' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Never' }).isChecked(), true);
  await page.getByRole('radio', { name: 'At most once a week' }).check();
  await page.locator('#settings-mail').locator('..').getByRole('button', { name: 'Save' }).click();
  await page.locator('main').getByText('Your choice is saved.').waitFor();
  await checkA11y(page, 'settings, digest saved');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'E-mail address' }).waitFor();
  await page.waitForFunction(() => document.querySelector('input[name=digest][value=weekly]')?.checked);
  assertNoProblems(problems);
  await page.context().close();
});

test('administrators see the e-mail queue, without addresses', async () => {
  const { page, problems } = await newPage(env.browser, env.srv.url);
  await logIn(page, 'admin', 'demo-entraide-2026', { baseUrl: env.srv.url });
  await page.waitForURL(env.srv.url + '/');
  await page.getByRole('link', { name: 'E-mails' }).click();
  await waitForHeading(page, 'E-mails');
  await page.getByRole('table', { name: 'Derniers e-mails' }).waitFor();
  await page.getByRole('cell', { name: 'Confirmation d’adresse' }).first().waitFor();
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /@example\.org|password-reset\/|confirm-email\//);
  await checkA11y(page, 'admin e-mail queue');
  assertNoProblems(problems);
  await page.context().close();
});

test('under 15: the member asks a parent from the settings; the parent confirms on the link\'s page (phone)', async () => {
  const a = newAccount('jeune');
  await signUp(a, 'fr', '13-14');
  const child = await newPage(env.browser, env.srv.url, { phone: true });
  await logIn(child.page, a.handle, a.password, { baseUrl: env.srv.url });
  await child.page.waitForURL(env.srv.url + '/');
  await child.page.goto(env.srv.url + '/settings');
  await child.page.getByRole('heading', { level: 2, name: 'Tranche d’âge' }).waitFor();
  await child.page.locator('main').getByText(/attend l’accord d’un parent/).waitFor();
  await child.page.getByLabel('Adresse e-mail d’un parent').fill('parent.' + a.email);
  await child.page.keyboard.press('Enter');
  await child.page.locator('main').getByText('Le lien est parti.', { exact: false }).waitFor();
  await checkA11y(child.page, 'settings, parent asked');

  const mail = await mailTo('parent.' + a.email, '/parent-confirm/');
  const link = linkIn(mail, env.srv.url);
  const parent = await newPage(env.browser, env.srv.url, { phone: true });
  await parent.page.goto(link);
  await waitForHeading(parent.page, 'Accord d’un parent');
  await parent.page.locator('main').getByText(/Nous ne gardons pas votre adresse e-mail/).waitFor();
  await checkA11y(parent.page, 'parent confirm');
  await parent.page.getByRole('button', { name: 'Je confirme, en tant que parent' }).click();
  await parent.page.locator('main').getByText('Merci : le compte n’est plus limité.').waitFor();
  await checkA11y(parent.page, 'parent confirm, done');
  // the link works once: opened again, it says so
  await parent.page.reload();
  await parent.page.getByRole('button', { name: 'Je confirme, en tant que parent' }).click();
  await parent.page.locator('.error-summary').getByText(/Ce lien n’est plus valable/).waitFor();
  await checkA11y(parent.page, 'parent confirm, used link');

  const me = await child.page.evaluate(async () => (await fetch('/api/v1/me')).json());
  assert.equal(me.age_limited, false);
  assertNoProblems(child.problems);
  assertNoProblems(parent.problems);
  await child.context.close();
  await parent.context.close();
});
