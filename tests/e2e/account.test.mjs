// account.test.mjs - the whole life of an account, through the browser like a person would:
// sign up, log in, change language (English stays after a reload and after logging out and
// in again), change password, delete the account (then logging in fails). axe-core checks
// every page and every state on the way, error states included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, newAccount, signUpAndLogIn, submitSignUp,
  logIn, waitForHeading, fill, announced, focused,
} from './lib.mjs';

const env = serverAndBrowser();

test('an account from sign-up to deletion', async () => {
  const { page, problems } = await newPage(env.browser, env.srv.url);
  const account = newAccount('vie');
  const lang = () => page.evaluate(() => document.documentElement.lang);

  // Home page as a visitor, in French by default.
  await page.goto(env.srv.url + '/');
  await page.locator('main h1').waitFor();
  assert.equal(await lang(), 'fr');
  await page.getByRole('heading', { level: 2, name: /^Notre promesse\s:\spersonne de reconnaissable$/ }).waitFor();
  await checkA11y(page, 'home, visitor');

  // Sign-up: an empty submit shows the summary (focused) and each field's error, tied to
  // its input by aria-describedby.
  await page.getByRole('navigation').getByRole('link', { name: 'Créer un compte' }).click();
  await waitForHeading(page, 'Créer un compte');
  assert.equal((await focused(page)).tag, 'h1', 'focus moves to the heading on a route change');
  await checkA11y(page, 'sign-up');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  const summary = page.locator('.error-summary');
  await summary.getByRole('heading', { name: 'Le formulaire contient 4 erreurs' }).waitFor();
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the error summary takes the focus');
  const handleInput = page.getByLabel('Pseudonyme', { exact: true });
  assert.equal(await handleInput.getAttribute('aria-invalid'), 'true');
  const described = (await handleInput.getAttribute('aria-describedby')).split(' ');
  const errorText = await page.locator(`[id="${described[described.length - 1]}"]`).textContent();
  assert.match(errorText, /Choisissez un pseudonyme/);
  await checkA11y(page, 'sign-up, errors');
  // A summary link moves the focus to its field.
  await summary.getByRole('link', { name: /Choisissez un pseudonyme/ }).click();
  assert.equal((await focused(page)).id, await handleInput.getAttribute('id'));

  // A handle that gives too much away is refused before any request.
  await fill(page, 'Pseudonyme', 'Jo');
  await fill(page, 'Adresse e-mail', account.email);
  await fill(page, 'Mot de passe', 'court');
  await fill(page, 'Confirmez le mot de passe', 'court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await summary.getByText('Le pseudonyme doit contenir au moins 3 caractères.').waitFor();
  await summary.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();

  // Sign up for real (signed in at once), log out, log in again (a wrong password first).
  await signUpAndLogInWithAWrongTry(page, account);
  await page.getByText(`Bonjour ${account.handle}.`).waitFor();
  await announced(page, `Vous êtes connecté en tant que ${account.handle}.`);
  await checkA11y(page, 'home, member');

  // Settings, then English from the header switch: kept in the account.
  await page.getByRole('navigation').getByRole('link', { name: 'Mon compte', exact: true }).click();
  await waitForHeading(page, 'Mon compte');
  await checkA11y(page, 'settings');
  await page.getByRole('button', { name: /English/ }).click();
  await waitForHeading(page, 'My account');
  assert.equal(await lang(), 'en');
  await announced(page, 'The interface is now in English.');
  assert.equal((await focused(page)).text.includes('Français'), true, 'the focus stays on the language switch');
  await page.reload();
  await waitForHeading(page, 'My account');
  assert.equal(await lang(), 'en', 'English stays after a reload');
  await checkA11y(page, 'settings, English');

  // Log out, still English; log back in, still English.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.locator('main .notice', { hasText: 'You are logged out.' }).waitFor();
  assert.equal(await lang(), 'en');
  await page.getByRole('navigation').getByRole('link', { name: 'Log in' }).click();
  await waitForHeading(page, 'Log in');
  await logIn(page, account.email, account.password, { navigate: false });
  await page.getByText(`Hello ${account.handle}.`).waitFor();

  // Language from the settings form: back to French, then English again.
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'My account');
  await page.getByRole('radio', { name: 'Français' }).check();
  await page.getByRole('button', { name: 'Save the language' }).click();
  await waitForHeading(page, 'Mon compte');
  assert.equal(await lang(), 'fr');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Enregistrer la langue' }).click();
  await waitForHeading(page, 'My account');

  // Change password: a wrong current password first (an error state), then the right one.
  const newPassword = `${account.password} bis`;
  await fill(page, 'Current password', 'not the password at all');
  await fill(page, 'New password', newPassword);
  await fill(page, 'Confirm the new password', newPassword);
  await page.getByRole('button', { name: 'Change the password' }).click();
  await page.locator('.error-summary', { hasText: 'The password is incorrect.' }).waitFor();
  await checkA11y(page, 'settings, wrong current password');
  await fill(page, 'Current password', account.password);
  await fill(page, 'New password', newPassword);
  await fill(page, 'Confirm the new password', newPassword);
  await page.getByRole('button', { name: 'Change the password' }).click();
  await page.locator('.notice.success', { hasText: 'Your password is changed.' }).waitFor();
  await checkA11y(page, 'settings, password changed');

  // The old password no longer opens the account; the new one does.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.locator('main .notice', { hasText: 'You are logged out.' }).waitFor();
  await logIn(page, account.handle, account.password, { baseUrl: env.srv.url });
  await page.locator('.error-summary', { hasText: 'Wrong handle, e-mail address or password.' }).waitFor();
  await logIn(page, account.handle, newPassword, { navigate: false });
  await page.getByText(`Hello ${account.handle}.`).waitFor();

  // Delete the account: confirmation required, then gone.
  await page.goto(env.srv.url + '/settings');
  await waitForHeading(page, 'My account');
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  const deleteSummary = page.locator('.error-summary', { hasText: 'Tick the box to confirm the deletion.' });
  await deleteSummary.waitFor();
  await deleteSummary.getByText('Choose what happens to your posts.').waitFor();
  await checkA11y(page, 'settings, delete without confirmation');
  await page.getByRole('radio', { name: /Keep them, anonymised/ }).check();
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('checkbox', { name: 'I understand that deletion is final.' }).check();
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await page.locator('main .notice', { hasText: 'Your account has been deleted.' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Log in' }).waitFor();
  await checkA11y(page, 'home after deletion, with its notice');

  await logIn(page, account.handle, newPassword, { baseUrl: env.srv.url });
  await page.locator('.error-summary', { hasText: 'Wrong handle, e-mail address or password.' }).waitFor();
  await checkA11y(page, 'log-in, wrong credentials');
  const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
  assert.equal(me, 401);
  assertNoProblems(problems);
});

// Signing up signs in (issue 15: no second log-in); then log out and in again, with a wrong
// password first.
async function signUpAndLogInWithAWrongTry(page, account) {
  await submitSignUp(page, account);
  await page.locator('main .notice', { hasText: `Bienvenue, ${account.handle} : votre compte est créé et vous êtes connecté.` }).waitFor();
  await page.getByText(`Bonjour ${account.handle}.`).waitFor();
  await checkA11y(page, 'home, after sign-up');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Se connecter' }).click();
  await waitForHeading(page, 'Se connecter');
  await page.getByLabel('Pseudonyme ou adresse e-mail').fill(account.handle);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).last().click();
  await page.locator('.error-summary', { hasText: 'Pseudonyme, adresse e-mail ou mot de passe incorrect.' }).waitFor();
  await checkA11y(page, 'log-in, wrong password');
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.locator('main form button[type=submit]').click();
}

// signUpAndLogIn (lib.mjs) is the short way used by later tests; make sure it works too.
// Also: the member's pages on a phone in dark mode.
test('the shared sign-up-and-log-in helper; member pages on a dark phone', async () => {
  const { page, problems } = await newPage(env.browser, env.srv.url, { phone: true, colorScheme: 'dark' });
  const account = newAccount('aide');
  await signUpAndLogIn(page, env.srv.url, account);
  await page.getByText(`Bonjour ${account.handle}.`).waitFor();
  await checkA11y(page, 'home, member, dark phone');
  await page.getByRole('link', { name: 'Gérer mon compte' }).click();
  await waitForHeading(page, 'Mon compte');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'no horizontal scrolling on settings (phone)');
  await checkA11y(page, 'settings, dark phone');
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await page.locator('.error-summary[role=alert]').waitFor();
  await checkA11y(page, 'settings, delete errors, dark phone');
  assertNoProblems(problems);
});
