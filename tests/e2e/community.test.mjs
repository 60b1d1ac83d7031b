// community.test.mjs - the communities journey of issue 5 in a browser, on a phone and on a
// desktop, with axe-core on every page: a visitor reads a public community; signs up; replies
// naming a child and a town, sees the findings and the audience, accepts the redaction and
// sees the post published redacted; reacts; searches; reports; a moderator hides the post;
// an editor publishes a signed article that a reader sees labelled, verified, and in the
// related panel of a peer thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, newAccount, signUpAndLogIn, logIn,
  waitForHeading,
} from './lib.mjs';

const env = serverAndBrowser();
const DEMO_PASSWORD = 'demo-entraide-2026';
const THREAD = 'Pompe à insuline : vos retours après quelques mois ?';

test('a visitor reads a public community, signs up and replies through the check (phone)', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone: true });
  await page.goto(`${env.srv.url}/c`);
  await waitForHeading(page, 'Communautés');
  await checkA11y(page, 'communities, visitor');
  await page.getByRole('link', { name: 'Diabète de type 1' }).click();
  await waitForHeading(page, 'Diabète de type 1');
  await page.getByText('Visible par tout le monde, non indexé par les moteurs de recherche.').first().waitFor();
  await checkA11y(page, 'space, visitor');
  await page.getByRole('link', { name: THREAD }).click();
  await waitForHeading(page, THREAD);
  await page.getByText('Témoignage — ne remplace pas un avis médical').first().waitFor();
  await page.locator('aside.related').getByRole('link', { name: /Pompes à insuline/ }).waitFor();
  await checkA11y(page, 'thread, visitor');
  const threadUrl = page.url();

  const account = newAccount('t1d');
  await signUpAndLogIn(page, env.srv.url, account);
  await page.goto(threadUrl);
  await waitForHeading(page, THREAD);
  const form = page.locator('form.compose');
  await form.getByText('Visible par tout le monde, non indexé par les moteurs de recherche.').waitFor();
  await form.getByLabel('Votre message').fill('Ma fille Léa utilise une pompe depuis un an à Villeurbanne, tout va mieux.');
  await form.getByRole('button', { name: 'Répondre' }).click();
  const findings = page.locator('.findings');
  await findings.getByText('La vérification a trouvé des éléments').waitFor();
  await findings.locator('mark.finding-direct', { hasText: 'Léa' }).waitFor();
  await findings.locator('mark', { hasText: 'Villeurbanne' }).waitFor();
  await findings.getByText('Visible par tout le monde, non indexé').waitFor();
  await checkA11y(page, 'reply with findings');
  await findings.getByRole('button', { name: 'Masquer ces éléments et publier' }).click();
  const mine = page.locator('article.post', { hasText: 'utilise une pompe depuis un an' });
  await mine.waitFor();
  const text = await mine.textContent();
  assert.ok(text.includes('[NOM]') && !text.includes('Léa') && !text.includes('Villeurbanne'), text);

  // react to someone else's post
  const other = page.locator('article.post', { hasText: 'les nuits ont vraiment changé' });
  await other.getByRole('button', { name: /^Soutien/ }).click();
  await other.getByRole('button', { name: 'Soutien (1)' }).waitFor();
  // report it
  await other.getByRole('button', { name: 'Signaler' }).click();
  await other.getByLabel('Motif du signalement').selectOption('harmful');
  await other.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await other.getByText('Son auteur ne saura pas qui l’a signalé.').waitFor();
  await checkA11y(page, 'thread, member after react and report');

  // search
  await page.goto(`${env.srv.url}/search`);
  await waitForHeading(page, 'Rechercher');
  await page.getByLabel('Mots recherchés').fill('hypoglycemie');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.locator('section', { hasText: 'Dans les communautés' }).getByRole('link', { name: 'Hypoglycémies pendant le sport' }).waitFor();
  await checkA11y(page, 'search results');
  assertNoProblems(problems);
  await context.close();
});

test('a moderator hides a reported post; it is gone for readers (desktop)', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  await logIn(page, 'modo', DEMO_PASSWORD, { baseUrl: env.srv.url });
  await page.getByText('Bonjour modo.').waitFor();
  await page.goto(`${env.srv.url}/moderation`);
  await waitForHeading(page, 'Modération');
  const item = page.locator('li', { hasText: 'les nuits ont vraiment changé' }).first();
  await item.waitFor();
  await checkA11y(page, 'moderation queue');
  await item.getByRole('button', { name: 'Masquer' }).click();
  await page.getByText(/modo : message masqué \(message \d+\)/).waitFor();
  const reader = await newPage(env.browser, env.srv.url);
  await reader.page.goto(`${env.srv.url}/c/diabete-type-1`);
  await reader.page.getByRole('link', { name: THREAD }).click();
  await waitForHeading(reader.page, THREAD);
  assert.equal(await reader.page.locator('article.post', { hasText: 'les nuits ont vraiment changé' }).count(), 0);
  assertNoProblems(reader.problems);
  await reader.context.close();
  assertNoProblems(problems);
  await context.close();
});

test('an editor publishes a signed article; a reader sees it verified and related', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  await logIn(page, 'redaction.chu', DEMO_PASSWORD, { baseUrl: env.srv.url });
  await page.getByText('Bonjour redaction.chu.').waitFor();
  await page.goto(`${env.srv.url}/articles`);
  await waitForHeading(page, 'Informations validées');
  await page.getByLabel('Titre').fill('Resucrage après le sport : les bons réflexes');
  await page.getByLabel('Texte (Markdown)').fill('Après le **sport**, contrôlez votre glycémie et gardez du sucre rapide sur vous.');
  await checkA11y(page, 'articles, editor');
  await page.getByRole('button', { name: 'Signer et publier' }).click();
  await waitForHeading(page, 'Resucrage après le sport : les bons réflexes');
  await context.close();

  const reader = await newPage(env.browser, env.srv.url, { phone: true });
  await reader.page.goto(`${env.srv.url}/articles`);
  await reader.page.getByRole('link', { name: 'Resucrage après le sport : les bons réflexes' }).click();
  await waitForHeading(reader.page, 'Resucrage après le sport : les bons réflexes');
  await reader.page.locator('[data-signature="verified"]', { hasText: 'Signature vérifiée' }).waitFor();
  await reader.page.getByText('Information validée').first().waitFor();
  await checkA11y(reader.page, 'article, visitor');
  await reader.page.goto(`${env.srv.url}/c/diabete-type-1`);
  await reader.page.getByRole('link', { name: 'Hypoglycémies pendant le sport' }).click();
  await waitForHeading(reader.page, 'Hypoglycémies pendant le sport');
  await reader.page.locator('aside.related').getByRole('link', { name: 'Resucrage après le sport : les bons réflexes' }).waitFor();
  await checkA11y(reader.page, 'thread with related article, phone');
  assertNoProblems(reader.problems);
  await reader.context.close();
  assertNoProblems(problems);
});
