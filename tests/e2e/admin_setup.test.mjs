// admin_setup.test.mjs - issue 17's "done when" for administration, through the browser: from
// an EMPTY data directory, `entraide admin` creates the first administrator, who turns
// two-factor authentication on through /settings/security (required of staff on a new
// instance) and then sets the instance up from the browser alone on a phone: a space (created, edited, archived,
// reopened, given a moderator of its own), an institution and its team (an institution administrator, a community
// manager), the institution administrator approves a professional of their institution, the
// community manager chooses the desk's forms (a member's desk page then offers only those)
// and sets its link and a canned reply, the administrator suspends an
// account with a reason and lifts it, and reads it all in the log; the instance offers French
// only (an English browser gets French, no switcher); a member reads their
// notifications, counted in the header. axe-core checks every new page and state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN } from '../lib/server.mjs';
import { totpCode } from '../lib/totp.mjs';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, newAccount, signUpAndLogIn, logIn,
  waitForHeading, fill,
} from './lib.mjs';

const env = serverAndBrowser({ demo: false });
const CHEF = { handle: 'chef_instance', email: 'chef@example.org', password: 'phrase du premier administrateur' };

function cli(...args) {
  return execFileSync(BIN, ['admin', '--data', env.srv.data, ...args], { input: `${CHEF.password}\n`, encoding: 'utf8' });
}

async function phone(login, password) {
  const s = await newPage(env.browser, env.srv.url, { phone: true });
  if (login) {
    await logIn(s.page, login, password, { baseUrl: env.srv.url });
    await s.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  return s;
}

async function member(prefix) {
  const s = await phone();
  const account = newAccount(prefix);
  await signUpAndLogIn(s.page, env.srv.url, account);
  return { ...s, account };
}

// Clicks a button that opens a confirmation dialog, then the dialog's button.
async function confirmAction(page, scope, label, { dialogName, fields = {}, confirm = label } = {}) {
  await scope.getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog', dialogName ? { name: dialogName } : {});
  await dialog.waitFor();
  for (const [l, v] of Object.entries(fields)) await dialog.getByLabel(l).fill(v);
  await checkA11y(page, `dialog: ${label}`);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('a new instance is set up and run from the browser alone', async () => {
  const url = env.srv.url;
  // 0. The data directory is empty: one command creates the first administrator.
  cli('create-account', CHEF.handle, CHEF.email, 'fr');
  cli('grant', CHEF.handle, 'administrator');
  const chef = await phone(CHEF.handle, CHEF.password);
  const { page } = chef;

  // 0b. Two-factor authentication is required of staff on a new instance: the log-in sends the
  // administrator to /settings/security, where they turn it on with their app's first code.
  await waitForHeading(page, 'Double authentification');
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  const secret = (await page.locator('#totp-secret').innerText()).trim();
  await page.getByLabel('Code affiché par l’application').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Activer', exact: true }).click();
  await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
  // The other staff of this journey turn it on from their own session too (through the API:
  // the pages are the administrator's above and tests/e2e/totp's).
  const meOf = async (p) => (await (await p.request.get(`${url}/api/v1/me`)).json()).csrf_token;
  const enrol = async (p) => {
    const headers = { 'x-csrf-token': await meOf(p) };
    const e = await (await p.request.post(`${url}/api/v1/me/totp/enrolment`, { headers })).json();
    const r = await p.request.post(`${url}/api/v1/me/totp`, { headers, data: { code: totpCode(e.secret) } });
    assert.equal(r.status(), 200, await r.text());
  };

  // 1. The administration page and its sections.
  await page.goto(`${url}/admin`);
  await waitForHeading(page, 'Administration');
  await checkA11y(page, 'administration');
  await page.getByRole('link', { name: 'Espaces' }).click();
  await waitForHeading(page, 'Espaces');
  await page.getByText('Aucun espace pour l’instant').waitFor();
  await checkA11y(page, 'spaces, none');

  // 2. A space: a bad address is refused at once, then created, edited, archived, reopened.
  await fill(page, 'Identifiant d’adresse', 'Aidants Alzheimer');
  await fill(page, 'Nom', 'Aidants Alzheimer');
  await page.getByRole('button', { name: 'Créer l’espace' }).click();
  await page.getByText('Utilisez seulement des lettres minuscules').first().waitFor();
  await checkA11y(page, 'spaces, bad slug');
  await fill(page, 'Identifiant d’adresse', 'aidants-alzheimer');
  await fill(page, 'Description (facultatif)', 'Entre aidants, pour souffler un peu.');
  await page.getByLabel('Qui peut lire').selectOption('public');
  await page.getByRole('button', { name: 'Créer l’espace' }).click();
  await page.getByRole('link', { name: 'Modifier Aidants Alzheimer' }).waitFor();
  await checkA11y(page, 'spaces, one');
  await page.getByRole('link', { name: 'Modifier Aidants Alzheimer' }).click();
  await waitForHeading(page, 'Espace Aidants Alzheimer');
  await fill(page, 'Durée de conservation des messages, en jours', '730');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('#announcer').filter({ hasText: 'Enregistré.' }).waitFor();
  assert.equal(await page.getByLabel('Durée de conservation des messages, en jours').inputValue(), '730');
  await checkA11y(page, 'space, settings');
  await confirmAction(page, page.locator('main'), 'Archiver l’espace', { dialogName: 'Archiver « Aidants Alzheimer » ?' });
  await page.getByText('Archivé : il reste lisible').waitFor();
  await checkA11y(page, 'space, archived');
  let r = await page.request.get(`${url}/api/v1/spaces`);
  assert.deepEqual((await r.json()).spaces.map((s) => s.slug), [], 'an archived space leaves the list');
  await page.getByRole('button', { name: 'Rouvrir l’espace' }).click();
  await page.getByText('Ouvert : les membres peuvent y écrire.').waitFor();
  r = await page.request.get(`${url}/api/v1/spaces`);
  assert.deepEqual((await r.json()).spaces.map((s) => s.slug), ['aidants-alzheimer']);

  // 3. An institution.
  await page.goto(`${url}/admin/institutions`);
  await waitForHeading(page, 'Établissements');
  await checkA11y(page, 'institutions, none');
  await fill(page, 'Identifiant d’adresse', 'clinique-des-lilas');
  await fill(page, 'Nom', 'Clinique des Lilas');
  await page.getByRole('button', { name: 'Ajouter l’établissement' }).click();
  await waitForHeading(page, 'Établissement Clinique des Lilas');
  await checkA11y(page, 'institution, new');

  // 4. People sign up on their own; one asks to be verified, naming the clinic.
  const nurse = await member('soin');
  await nurse.page.goto(`${url}/verification`);
  await waitForHeading(nurse.page, 'Vérification professionnelle');
  await fill(nurse.page, /^Profession/, 'infirmière');
  await fill(nurse.page, /^Numéro RPPS/, '10003123451');
  await fill(nurse.page, /^Identifiant de l’établissement/, 'clinique-des-lilas');
  await nurse.page.getByRole('button', { name: 'Demander la vérification' }).click();
  await nurse.page.getByText('En attente de vérification').waitFor();
  const director = await member('direction');
  const desk = await member('accueil');
  const someone = await member('membre');

  // 5. The administrator names the clinic's team: an unknown handle is refused by the field.
  await fill(page, 'Pseudonyme du compte', 'personne_inconnue');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByText('Aucun compte ne porte ce pseudonyme.').first().waitFor();
  await checkA11y(page, 'institution, unknown handle');
  await fill(page, 'Pseudonyme du compte', director.account.handle);
  await page.getByLabel('Rôle').selectOption('institution_admin');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.locator('main li', { hasText: director.account.handle }).waitFor();
  await fill(page, 'Pseudonyme du compte', desk.account.handle);
  await page.getByLabel('Rôle').selectOption('community_manager');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.locator('main li', { hasText: desk.account.handle }).waitFor();
  await checkA11y(page, 'institution, team');
  await enrol(director.page);
  await enrol(desk.page);

  // 5b. The space gets a moderator of its own, who sees its reports and suspends nobody.
  await page.goto(`${url}/admin/spaces/aidants-alzheimer`);
  await waitForHeading(page, 'Espace Aidants Alzheimer');
  await page.getByText('Aucun modérateur attitré').waitFor();
  await fill(page, 'Pseudonyme du compte', director.account.handle);
  await page.getByRole('button', { name: 'Nommer modérateur' }).click();
  await page.getByRole('button', { name: `Retirer ${director.account.handle}` }).waitFor();
  await checkA11y(page, 'space, moderators');
  await director.page.goto(`${url}/moderation`);
  await waitForHeading(director.page, 'Modération');
  await director.page.getByText('Aucun signalement en attente.').waitFor();
  await checkA11y(director.page, 'moderation, space moderator');

  // 6. The institution administrator approves the professional of their clinic.
  await director.page.goto(`${url}/verification`);
  await waitForHeading(director.page, 'Vérification professionnelle');
  const row = director.page.locator('li', { hasText: nurse.account.handle });
  await row.getByRole('button', { name: 'Approuver' }).click();
  await director.page.getByRole('dialog').getByRole('button', { name: 'Approuver' }).click();
  await director.page.locator('li', { hasText: nurse.account.handle }).getByText('Vérifiée').waitFor();
  await checkA11y(director.page, 'verification, institution administrator');
  await director.page.goto(`${url}/admin/institutions`);
  await director.page.getByRole('link', { name: 'Clinique des Lilas' }).waitFor();
  await checkA11y(director.page, 'institutions, institution administrator');
  await nurse.page.goto(`${url}/verification`);
  await nurse.page.getByText(/infirmière — RPPS vérifié par Clinique des Lilas/).waitFor();

  // 7. The community manager sets the teleconsultation link and a canned reply.
  await desk.page.goto(`${url}/desk/clinique-des-lilas/settings`);
  await waitForHeading(desk.page, 'Réglages de l’accueil — Clinique des Lilas');
  await checkA11y(desk.page, 'desk settings, empty');
  // the clinic sends no document copies online: that form is no longer offered
  await desk.page.getByRole('checkbox', { name: 'La copie d’un document' }).uncheck();
  await desk.page.getByRole('button', { name: 'Enregistrer les formulaires' }).click();
  await desk.page.locator('#announcer').filter({ hasText: 'Formulaires enregistrés.' }).waitFor();
  assert.equal(await desk.page.getByRole('checkbox', { name: 'La copie d’un document' }).isChecked(), false);
  await desk.page.getByRole('textbox', { name: 'Lien de téléconsultation' }).fill('http://pas-sur.example');
  await desk.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await desk.page.getByText('Donnez une adresse qui commence par https://.').first().waitFor();
  await desk.page.getByRole('textbox', { name: 'Lien de téléconsultation' }).fill('https://teleconsultation.example/lilas');
  await desk.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await desk.page.locator('#announcer').filter({ hasText: 'Lien enregistré.' }).waitFor();
  await fill(desk.page, 'Titre', 'Prendre rendez-vous');
  await fill(desk.page, 'Texte', 'Bonjour {handle}, vous pouvez prendre rendez-vous en ligne : {teleconsultation}');
  await desk.page.getByRole('button', { name: 'Ajouter la réponse type' }).click();
  await desk.page.getByRole('heading', { name: 'Prendre rendez-vous' }).waitFor();
  await checkA11y(desk.page, 'desk settings, filled');
  r = await desk.page.request.get(`${url}/api/v1/institutions/clinique-des-lilas/desk`);
  assert.equal((await r.json()).teleconsult_url, 'https://teleconsultation.example/lilas');
  await someone.page.goto(`${url}/desk/clinique-des-lilas`);
  await waitForHeading(someone.page, 'Écrire à l’accueil de Clinique des Lilas');
  await someone.page.getByRole('radio', { name: 'Une question pratique' }).waitFor();
  assert.equal(await someone.page.getByRole('radio', { name: 'La copie d’un document' }).count(), 0, 'a form not offered is not shown');

  // 8. A member writes in the new space; another replies: the first sees it counted.
  r = await someone.page.request.post(`${url}/api/v1/spaces/aidants-alzheimer/threads`, {
    headers: { 'x-csrf-token': await meOf(someone.page) },
    data: { title: 'Comment tenez-vous le coup ?', body: 'Les nuits sont courtes en ce moment.' },
  });
  assert.equal(r.status(), 201, await r.text());
  const thread = (await r.json()).thread;
  r = await nurse.page.request.post(`${url}/api/v1/threads/${thread}/posts`, {
    headers: { 'x-csrf-token': await meOf(nurse.page) }, data: { body: 'Courage, les siestes aident un peu.' },
  });
  assert.equal(r.status(), 201, await r.text());
  await someone.page.goto(`${url}/`);
  // on a phone the links fold behind the menu button
  await someone.page.locator('a[data-count="notifications"]', { hasText: 'Notifications (1 non lue)' }).waitFor({ state: 'attached' });
  await someone.page.getByRole('button', { name: 'Menu' }).click();
  await someone.page.getByRole('link', { name: 'Notifications (1 non lue)' }).click();
  await waitForHeading(someone.page, 'Notifications');
  await someone.page.getByRole('link', { name: 'Nouvelle réponse dans « Comment tenez-vous le coup ? »' }).waitFor();
  await checkA11y(someone.page, 'notifications');

  // 9. The administrator suspends that member with a reason and a length, then lifts it.
  await page.goto(`${url}/admin/accounts`);
  await waitForHeading(page, 'Comptes');
  await checkA11y(page, 'accounts');
  await fill(page, 'Début du pseudonyme', someone.account.handle.slice(0, 8).toUpperCase());
  await page.getByRole('button', { name: 'Chercher' }).click();
  const card = page.locator('main li', { hasText: someone.account.handle });
  await card.waitFor();
  await confirmAction(page, card, 'Suspendre', {
    dialogName: `Suspendre ${someone.account.handle} ?`,
    fields: { Motif: 'messages répétés hors sujet', 'Durée en jours (vide : jusqu’à levée)': '7' },
  });
  await card.getByText(/^Suspendu jusqu’au/).waitFor();
  await checkA11y(page, 'accounts, suspended');
  const again = await phone();
  await logIn(again.page, someone.account.handle, someone.account.password, { baseUrl: url });
  await again.page.locator('main .error-summary').waitFor();
  await confirmAction(page, card, 'Lever la suspension', { fields: { Motif: 'erreur de ma part, désolé' } });
  await card.getByText(/^Actif/).waitFor();
  await logIn(again.page, someone.account.handle, someone.account.password, { baseUrl: url });
  await again.page.waitForURL((u) => !u.pathname.startsWith('/login'));

  // 10. Everything is in the log.
  await page.goto(`${url}/admin/log`);
  await waitForHeading(page, 'Journal');
  for (const note of ['messages répétés hors sujet', 'erreur de ma part, désolé', 'aidants-alzheimer', 'clinique-des-lilas', `institution_admin clinique-des-lilas`]) {
    await page.locator('main li', { hasText: note }).first().waitFor();
  }
  await checkA11y(page, 'log');

  // 11. A member is refused the administration, in words.
  await again.page.goto(`${url}/admin/spaces`);
  await again.page.getByText('Cette page est réservée aux administrateurs.').waitFor();
  await checkA11y(again.page, 'spaces, refused');

  // 12. The instance's settings: its name, French only, sign-up by invitation, terms of use.
  await page.goto(`${url}/admin/settings`);
  await waitForHeading(page, 'Réglages de l’instance');
  await checkA11y(page, 'settings');
  await fill(page, 'Nom de l’instance', 'Réseau des Lilas');
  await page.getByLabel('Langues proposées').selectOption('fr');
  await page.getByLabel('Sur invitation').check();
  await fill(page, 'Conditions d’utilisation', 'Soyez bienveillants.\n\nNe publiez rien qui permette de reconnaître quelqu’un.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('#announcer').filter({ hasText: 'Enregistré.' }).waitFor();
  await page.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
  const link = await page.locator('main code.admin-code').textContent();
  assert.match(link, /\/signup\?invitation=[A-Za-z0-9_-]{43}$/);
  await checkA11y(page, 'settings, invitation');
  r = await page.request.post(`${url}/api/v1/accounts`, {
    data: { handle: 'sans_invitation', email: 'sans@example.org', password: 'phrase de passe sans code' },
  });
  assert.equal(r.status(), 422, 'sign-up without an invitation is refused');
  // a visitor whose browser asks for English gets the one language offered, and no switcher
  const guest = await newPage(env.browser, url, { phone: true, locale: 'en-GB' });
  await guest.page.goto(link);
  await waitForHeading(guest.page, 'Créer un compte');
  assert.equal(await guest.page.locator('.lang-switch').count(), 0, 'no language switcher');
  assert.equal(await guest.page.locator('html').getAttribute('lang'), 'fr');
  assert.equal(await guest.page.getByLabel('Code d’invitation').inputValue(), link.split('=')[1]);
  await checkA11y(guest.page, 'sign-up by invitation');
  const invited = newAccount('invite');
  await fill(guest.page, 'Pseudonyme', invited.handle);
  await fill(guest.page, 'Adresse e-mail', invited.email);
  await fill(guest.page, 'Mot de passe', invited.password);
  await fill(guest.page, 'Confirmez le mot de passe', invited.password);
  await guest.page.getByRole('radio', { name: '18 à 24 ans' }).check();
  await guest.page.getByRole('button', { name: 'Créer mon compte' }).click();
  await guest.page.waitForURL((u) => u.pathname === '/');
  await guest.page.goto(`${url}/terms`);
  await waitForHeading(guest.page, 'Conditions d’utilisation');
  await guest.page.getByText('Soyez bienveillants.').waitFor();
  await guest.page.locator('footer').getByRole('link', { name: 'Conditions d’utilisation' }).waitFor();
  await checkA11y(guest.page, 'terms');
  r = await guest.page.request.get(`${url}/api/v1/instance`);
  assert.equal((await r.json()).name, 'Réseau des Lilas');
  for (const s of [chef, nurse, director, desk, someone, again, guest]) assertNoProblems(s.problems);
});
