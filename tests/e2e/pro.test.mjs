// pro.test.mjs - issue 7's "done when", through the browser: a member asks for verification
// with an invalid RPPS number (refused at once) then a valid one; an administrator approves;
// the new professional presents a case with a photo whose face is covered automatically,
// draws a mask and records consent; the photo stays hidden from a colleague until that
// colleague reviews it; a member cannot read the professional space nor message a
// professional (rule R2). axe-core checks every page on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, newAccount, signUpAndLogIn, logIn,
  waitForHeading, fill,
} from './lib.mjs';
import { lesionPng } from '../api/pro_helpers.mjs';

const env = serverAndBrowser();
const DEMO_PW = 'demo-entraide-2026';
const FACE = '../shared/data/faces/skimage_astronaut.png';

async function as(handle) {
  const s = await newPage(env.browser, env.srv.url);
  await logIn(s.page, handle, DEMO_PW, { baseUrl: env.srv.url });
  await s.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return s;
}

test('verification, a case with a reviewed photo, and what members cannot do', async () => {
  const url = env.srv.url;
  // 1. A member asks for verification: a wrong RPPS key is refused at once, a valid one sent.
  const m = await newPage(env.browser, url);
  const account = newAccount('infirm');
  await signUpAndLogIn(m.page, url, account);
  await m.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await m.page.goto(`${url}/verification`);
  await waitForHeading(m.page, 'Vérification professionnelle');
  await checkA11y(m.page, 'verification, empty');
  await fill(m.page, /^Profession/, 'infirmière');
  await fill(m.page, /^Spécialité/, 'plaies et cicatrisation');
  await fill(m.page, /^Numéro RPPS/, '10003123452');
  await fill(m.page, /^Identifiant de l’établissement/, 'chu-exemple');
  await m.page.getByRole('button', { name: 'Demander la vérification' }).click();
  await m.page.getByText('Ce numéro RPPS n’est pas valide').first().waitFor();
  await checkA11y(m.page, 'verification, invalid RPPS');
  await fill(m.page, /^Numéro RPPS/, '10003123451');
  await m.page.getByRole('button', { name: 'Demander la vérification' }).click();
  await m.page.getByText('En attente de vérification').waitFor();
  await checkA11y(m.page, 'verification, pending');

  // 2. An administrator approves it.
  const admin = await as('admin');
  await admin.page.goto(`${url}/verification`);
  const row = admin.page.locator('li', { hasText: account.handle });
  await row.getByRole('button', { name: 'Approuver' }).click();
  // issue 15: a verification is granted only after a second look at who and which number
  const dialog = admin.page.getByRole('dialog', { name: `Vérifier ${account.handle} comme professionnel de santé ?` });
  await dialog.getByText('RPPS 10003123451').waitFor();
  await checkA11y(admin.page, 'verification, confirmation dialog');
  await dialog.getByRole('button', { name: 'Approuver' }).click();
  await admin.page.locator('li', { hasText: account.handle }).getByText('Vérifiée').waitFor();
  await checkA11y(admin.page, 'verification, administrator');

  // 3. The new professional presents a case with a photo, a mask and the consent.
  await m.page.goto(`${url}/verification`);
  await m.page.getByText(/infirmière — RPPS vérifié par CHU Exemple, \d{4}-\d{2}-\d{2}/).waitFor();
  await m.page.goto(`${url}/pro/cases/new`);
  await waitForHeading(m.page, 'Présenter un cas');
  await fill(m.page, 'Titre', 'Plaie du talon qui ne cicatrise pas');
  await fill(m.page, /^Description du cas/, 'Patient diabétique, plaie du talon depuis six semaines malgré la décharge. Quel pansement proposeriez-vous ?');
  await m.page.getByLabel('Par écrit').check();
  const face = existsSync(FACE);
  const picture = face ? readFileSync(FACE) : lesionPng(200, 150);
  await m.page.getByLabel(/^Photo/).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: picture });
  const canvas = m.page.locator('canvas.pro-canvas');
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await m.page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7);
  await m.page.mouse.down();
  await m.page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.9, { steps: 4 });
  await m.page.mouse.up();
  assert.match(await m.page.getByLabel(/^Zones masquées/).inputValue(), /^\d+,\d+,\d+,\d+$/);
  await checkA11y(m.page, 'new case with a photo preview');
  await m.page.getByRole('button', { name: 'Publier le cas' }).click();
  // the sanitizer loads its face detectors on first use: slow on a busy machine
  await m.page.getByRole('heading', { level: 1, name: 'Plaie du talon qui ne cicatrise pas' }).waitFor({ timeout: 60000 });
  const sent = await m.page.locator('main .notice').first().textContent();
  assert.match(sent, face ? /Photo envoyée : [1-9]\d* visage\(s\) masqué\(s\), 1 zone\(s\)/ : /Photo envoyée : \d+ visage\(s\) masqué\(s\), 1 zone\(s\)/);
  await m.page.getByText('En attente de relecture').waitFor();
  await m.page.getByText(/Consentement enregistré : Le patient, Par écrit/).waitFor();
  await checkA11y(m.page, 'case, author view');
  const caseUrl = m.page.url();

  // 4. A colleague does not see the photo until they review it.
  const colleague = await as('dr.leroy');
  await colleague.page.goto(caseUrl);
  await waitForHeading(colleague.page, 'Plaie du talon qui ne cicatrise pas');
  assert.equal(await colleague.page.locator('main img').count(), 0, 'no photo before the review');
  assert.equal(await colleague.page.getByText('Consentement enregistré').count(), 0, 'consent never shown to readers');
  await colleague.page.goto(`${url}/pro`);
  await waitForHeading(colleague.page, 'Espace professionnel');
  await checkA11y(colleague.page, 'professional space');
  await colleague.page.getByRole('link', { name: /Relire la photo du cas « Plaie du talon/ }).click();
  await waitForHeading(colleague.page, 'Relire une photo');
  await colleague.page.locator('canvas.pro-canvas').waitFor();
  await checkA11y(colleague.page, 'photo review');
  await colleague.page.getByRole('button', { name: 'Approuver la photo' }).click();
  await waitForHeading(colleague.page, 'Espace professionnel');
  await colleague.page.goto(caseUrl);
  await colleague.page.locator('main img.pro-photo').waitFor();
  await checkA11y(colleague.page, 'case, reader view after the review');

  // 5. A member cannot read the professional space nor message a professional.
  const alice = await as('alice');
  await alice.page.goto(`${url}/pro`);
  await alice.page.getByText('Cet espace est réservé aux professionnels de santé vérifiés.').waitFor();
  await checkA11y(alice.page, 'professional space, member');
  const r = await alice.page.evaluate(async (p) => (await fetch(p)).status, caseUrl.replace(/.*\/pro\/cases\//, '/api/v1/cases/'));
  assert.equal(r, 403);
  await alice.page.goto(`${url}/u/dr.martin`);
  await waitForHeading(alice.page, 'Profil de dr.martin');
  await alice.page.getByRole('button', { name: 'Écrire en privé' }).click();
  await alice.page.getByRole('heading', { name: 'Pas de message privé à un professionnel' }).waitFor();
  assert.equal(await alice.page.getByRole('link', { name: 'Écrire au guichet de l’établissement' }).getAttribute('href'), '/desk/chu-exemple');
  await checkA11y(alice.page, 'rule R2 explained');

  for (const s of [m, admin, colleague, alice]) {
    assertNoProblems(s.problems);
    await s.context.close();
  }
});
