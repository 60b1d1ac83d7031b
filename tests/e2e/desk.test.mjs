// desk.test.mjs - the relation desk through the browser (issue 6's "Done when"): a member
// books an appointment; asks for a prescription copy and receives it privately; writes a
// consultation question and gets the alternatives at once; writes an urgent message and sees
// the emergency numbers first; a community manager works the queue with a canned reply and
// sees the dashboard. axe-core checks every page and state on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, checkA11y, assertNoProblems, logIn, waitForHeading } from './lib.mjs';

const env = serverAndBrowser();
const PW = 'demo-entraide-2026';
const SLUG = 'chu-exemple';

async function member(login = 'alice', opts = {}) {
  const { page, problems } = await newPage(env.browser, env.srv.url, opts);
  await logIn(page, login, PW, { baseUrl: env.srv.url });
  await page.locator('main h1').waitFor();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { page, problems };
}

async function openDesk(page) {
  await page.goto(`${env.srv.url}/desk/${SLUG}`);
  await waitForHeading(page, 'Écrire à l’accueil de CHU Exemple');
}

let prescriptionId = null;

const PDF = Buffer.from('%PDF-1.4\n% ordonnance de sortie (test)\n%%EOF\n');

test('a member books an appointment', async () => {
  const { page, problems } = await member();
  await openDesk(page);
  await checkA11y(page, 'desk, new request');
  await page.getByLabel('Un rendez-vous (prendre, déplacer, annuler)').check();
  await page.getByLabel('Que souhaitez-vous faire ?').selectOption('book');
  await page.getByLabel('Service').fill('Cardiologie');
  await page.getByLabel('Moments qui vous conviennent').fill('mardi matin');
  await page.getByLabel('Votre message').fill('Un rendez-vous de contrôle, s’il vous plaît.');
  await page.getByRole('button', { name: 'Envoyer à l’accueil' }).click();
  await page.getByText('Votre demande est bien arrivée à l’accueil.').waitFor();
  await checkA11y(page, 'desk, appointment sent');
  await page.getByRole('link', { name: /^Suivre la demande n° \d+$/ }).click();
  await waitForHeading(page, /^Demande n° \d+$/);
  await page.getByText('Cardiologie').first().waitFor();
  await checkA11y(page, 'desk, request page (member)');
  assertNoProblems(problems);
});

test('a consultation question gets the alternatives at once (R2)', async () => {
  const { page, problems } = await member();
  await openDesk(page);
  await page.getByLabel('Une question pratique').check();
  await page.getByLabel('Votre message').fill('Est-ce que je peux arrêter mon traitement, j’ai des vertiges ?');
  await page.getByRole('button', { name: 'Envoyer à l’accueil' }).click();
  const panel = page.getByRole('region', { name: 'Cette question demande une consultation' });
  await panel.waitFor();
  await panel.getByRole('link', { name: 'prendre rendez-vous avec le service concerné' }).waitFor();
  await panel.getByRole('link', { name: 'utiliser la téléconsultation de l’établissement' }).waitFor();
  await panel.getByText('contacter votre médecin traitant').waitFor();
  await checkA11y(page, 'desk, consultation alternatives');
  assertNoProblems(problems);
});

test('an urgent message shows the emergency numbers first (R3)', async () => {
  const { page, problems } = await member();
  await openDesk(page);
  await page.getByLabel('Votre message').fill('Mon père a une douleur dans la poitrine en ce moment');
  await page.getByRole('button', { name: 'Envoyer à l’accueil' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Urgence : appelez maintenant' });
  await alert.waitFor();
  // The numbers come before anything else in the page's main content.
  const first = await page.evaluate(() => {
    const main = document.querySelector('main');
    const el = main.querySelector('section, h1, p, form');
    return el ? el.className : null;
  });
  assert.equal(first, 'desk-urgent');
  const links = await alert.getByRole('link').allTextContents();
  assert.deepEqual(links, ['Appeler le 15', 'Appeler le 112', 'SMS au 114', 'Appeler le 3114']);
  assert.equal(await alert.getByRole('link', { name: 'Appeler le 15' }).getAttribute('href'), 'tel:15');
  assert.equal(await alert.getByRole('link', { name: 'SMS au 114' }).getAttribute('href'), 'sms:114');
  await checkA11y(page, 'desk, emergency numbers');
  assertNoProblems(problems);
});

test('in English, on a phone, the English emergency numbers come first', async () => {
  const { page, problems } = await member('sam', { phone: true, locale: 'en-GB' });
  await page.goto(`${env.srv.url}/desk/${SLUG}`);
  await waitForHeading(page, 'Write to the desk of CHU Exemple');
  await page.getByLabel('Your message').fill('My father has chest pain right now');
  await page.getByRole('button', { name: 'Send to the desk' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Emergency: call now' });
  await alert.waitFor();
  assert.deepEqual(await alert.getByRole('link').allTextContents(), ['Call 999', 'Call 911', 'Call 988', 'Call 112', 'Call 116 123']);
  await checkA11y(page, 'desk, emergency numbers in English on a phone');
  assertNoProblems(problems);
});

test('a member asks for a prescription copy', async () => {
  const { page, problems } = await member();
  await openDesk(page);
  await page.getByLabel('La copie d’un document').check();
  await page.getByLabel('Document', { exact: true }).selectOption('prescription');
  await page.getByLabel('Votre message').fill('Bonjour, une copie de mon ordonnance de sortie, svp.');
  await page.getByRole('button', { name: 'Envoyer à l’accueil' }).click();
  const link = page.getByRole('link', { name: /^Suivre la demande n° \d+$/ });
  await link.waitFor();
  prescriptionId = Number(/(\d+)$/.exec(await link.textContent())[1]);
  assertNoProblems(problems);
});

test('a community manager works the queue with a canned reply, delivers the document, sees the dashboard', async () => {
  assert.ok(prescriptionId, 'the prescription request exists');
  const { page, problems } = await member('accueil.chu');
  await page.goto(`${env.srv.url}/desk/${SLUG}/queue`);
  await waitForHeading(page, 'File de l’accueil');
  await page.locator('.desk-list li').first().waitFor();
  // Urgent first.
  assert.match(await page.locator('.desk-list li').first().textContent(), /Urgence signalée/);
  await checkA11y(page, 'desk, queue');
  await page.getByLabel('Type').selectOption('document_request');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('link', { name: `Demande n° ${prescriptionId}` }).click();
  await waitForHeading(page, `Demande n° ${prescriptionId}`);
  await checkA11y(page, 'desk, request page (manager)');
  // A canned reply first (placeholders filled by the server).
  await page.getByLabel('Réponse type').selectOption({ label: 'Copie de document disponible' });
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  // issue 15: the canned text is shown before it goes, in a dialog
  const dialog = page.getByRole('dialog', { name: 'Envoyer la réponse type « Copie de document disponible » ?' });
  await dialog.locator('.dialog-preview').filter({ hasText: /votre document est disponible/ }).waitFor();
  await checkA11y(page, 'desk, canned reply preview');
  await dialog.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await page.getByText(/Bonjour alice, votre document est disponible/).waitFor();
  // Identity checked, assigned, then the document, privately.
  await page.getByLabel('J’ai vérifié l’identité du demandeur').check();
  await page.getByLabel('Je m’en occupe').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('dd').filter({ hasText: 'accueil.chu' }).waitFor();
  await page.getByLabel('Document (privé)').check();
  await page.getByLabel('Titre du document').fill('Ordonnance de sortie');
  await page.getByLabel('Texte', { exact: true }).fill('Copie conforme de votre ordonnance de sortie.');
  // issue 15: a document comes with its file (a document without one is refused at once)
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await page.locator('.field-error', { hasText: 'Joignez le fichier du document.' }).waitFor();
  await page.getByLabel('Fichier du document').setInputFiles({ name: 'ordonnance-sortie.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await page.getByRole('heading', { name: 'Ordonnance de sortie' }).waitFor();
  await page.getByRole('link', { name: /^Télécharger ordonnance-sortie\.pdf \(1\s?ko\)$/ }).waitFor();
  await checkA11y(page, 'desk, manager after reply');
  // The dashboard.
  await page.goto(`${env.srv.url}/desk/${SLUG}/dashboard`);
  await waitForHeading(page, 'Tableau de bord de l’accueil');
  await page.getByRole('img', { name: /Histogramme des demandes par semaine/ }).waitFor();
  await page.getByRole('table').waitFor();
  const median = await page.locator('dt:has-text("Première réponse, médiane") + dd').textContent();
  assert.match(median, /^\d+(,\d)?\s(min|h)$/, "through Intl, in French (\"73,1 h\", no-break space)");
  await checkA11y(page, 'desk, dashboard');
  assertNoProblems(problems);

  // The member receives it privately; another member cannot open it.
  const alice = await member('alice');
  await alice.page.goto(`${env.srv.url}/desk/requests/${prescriptionId}`);
  await alice.page.getByRole('heading', { name: 'Ordonnance de sortie' }).waitFor();
  await alice.page.getByText('Copie conforme de votre ordonnance de sortie.').waitFor();
  const link = alice.page.getByRole('link', { name: /^Télécharger ordonnance-sortie\.pdf/ });
  const href = await link.getAttribute('href');
  const got = await alice.page.evaluate(async (u) => { const r = await fetch(u); return [r.status, r.headers.get('content-type'), await r.text()]; }, href);
  assert.deepEqual(got, [200, 'application/pdf', PDF.toString()]);
  assert.equal(await alice.page.getByText('Note interne').count(), 0);
  await checkA11y(alice.page, 'desk, member sees the document');
  assertNoProblems(alice.problems);
  const sam = await member('sam');
  await sam.page.goto(`${env.srv.url}/desk/requests/${prescriptionId}`);
  await sam.page.locator('main h1').waitFor();
  assert.equal(await sam.page.getByText('Copie conforme').count(), 0);
  assert.equal(await sam.page.evaluate((u) => fetch(u).then((r) => r.status), href), 404, 'another member cannot download it');
});

test('public reviews: private details are offered the desk; the institution answers publicly', async () => {
  const { page, problems } = await member('alice');
  await page.goto(`${env.srv.url}/desk/${SLUG}/avis`);
  await waitForHeading(page, 'Avis publics sur CHU Exemple');
  await checkA11y(page, 'desk, public reviews');
  await page.getByLabel('Votre avis').fill('Deux heures d’attente samedi sans aucune information.');
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByText('Deux heures d’attente samedi sans aucune information.').waitFor();
  await page.getByLabel('Votre avis').fill('Mon mari Jean Dupont, joignable au 06 12 34 56 78, attend son compte rendu.');
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByRole('button', { name: 'Envoyer en privé à l’accueil' }).click();
  await page.getByText('Votre message est à l’accueil, en privé.').waitFor();
  await checkA11y(page, 'desk, review moved to the desk');
  assert.equal(await page.getByText('Jean Dupont').count(), 0);
  assertNoProblems(problems);
  const cm = await member('accueil.chu');
  await cm.page.goto(`${env.srv.url}/desk/${SLUG}/avis`);
  await waitForHeading(cm.page, 'Avis publics sur CHU Exemple');
  await cm.page.getByLabel('Réponse publique').fill('Nous sommes désolés ; écrivez-nous à l’accueil pour en parler.');
  await cm.page.getByRole('button', { name: 'Répondre publiquement' }).click();
  await cm.page.getByText('Réponse de CHU Exemple').waitFor();
  await checkA11y(cm.page, 'desk, public answer');
  assertNoProblems(cm.problems);
});
