// learn_courses.test.mjs - every shipped course taken end to end in a browser (issue 21, R7),
// on a phone, with axe-core on each kind of page: the list, a course, a lesson, its quiz
// answered wrong (explanations shown), then right, to the end of the course; the professional
// course ends with a signed certificate. Then a lesson offered before a first post, shown in
// the page without losing the draft, and the editors' page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAndBrowser, newPage, checkA11y, assertNoProblems, logIn, waitForHeading } from './lib.mjs';

const env = serverAndBrowser();
const PW = 'demo-entraide-2026';
const PHONE_390 = { width: 390, height: 844 };
const SHIPPED = join(process.cwd(), 'content', 'courses');
const courses = readdirSync(SHIPPED).filter((f) => /\.(fr|en)\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(SHIPPED, f), 'utf8')));

async function as(handle, locale = 'fr-FR') {
  const s = await newPage(env.browser, env.srv.url, { viewport: PHONE_390, locale });
  s.page.setDefaultTimeout(15000);
  await logIn(s.page, handle, PW, { baseUrl: env.srv.url });
  await s.page.waitForURL((u) => u.pathname === '/');
  return s;
}

// Ticks the answers of question i (indexes), after unticking the others.
async function tick(page, i, picks) {
  const boxes = page.locator('.quiz form fieldset').nth(i).locator('input[type=checkbox]');
  const n = await boxes.count();
  for (let j = 0; j < n; j++) await boxes.nth(j).setChecked(picks.includes(j));
}

// ui: the interface's language (the account's), which may differ from the course's.
async function takeCourse(page, course, { a11y, ui = course.language }) {
  const fr = ui === 'fr';
  await page.goto(`${env.srv.url}/learn/${course.slug}`);
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
  if (a11y) await checkA11y(page, `course ${course.slug}`);
  await page.getByRole('link', { name: fr ? 'Commencer' : 'Start' }).click();
  for (const [index, lesson] of course.lessons.entries()) {
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    const right = lesson.quiz.map((q) => q.answers.map((a, j) => (a.correct ? j : -1)).filter((j) => j >= 0));
    if (index === 0) {
      // a wrong try: every question answered with its first wrong answer only
      for (const [i, q] of lesson.quiz.entries()) await tick(page, i, [q.answers.findIndex((a) => !a.correct)]);
      await page.getByRole('button', { name: fr ? 'Vérifier mes réponses' : 'Check my answers' }).click();
      await page.locator('.quiz .notice', { hasText: fr ? 'Relisez les explications' : 'Read the explanations' }).waitFor();
      await page.locator('.quiz .explanation').first().waitFor();
      assert.ok(await page.getByText(lesson.quiz[0].answers[0].explanation, { exact: false }).count() >= 1, 'the explanation of an answer is shown');
      if (a11y) await checkA11y(page, `lesson ${lesson.slug}, explanations`);
    }
    for (const [i, picks] of right.entries()) await tick(page, i, picks);
    await page.getByRole('button', { name: fr ? 'Vérifier mes réponses' : 'Check my answers' }).click();
    await page.locator('.quiz .notice.success', { hasText: fr ? 'Leçon réussie.' : 'Lesson passed.' }).waitFor();
    const next = course.lessons[index + 1];
    if (next) await page.getByRole('link', { name: fr ? `Leçon suivante : ${next.title}` : `Next lesson: ${next.title}` }).click();
    else await page.getByRole('link', { name: fr ? 'Fin de la formation' : 'End of the course' }).click();
  }
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
  const n = course.lessons.length;
  await page.getByText(fr ? `${n} leçon(s) réussie(s) sur ${n}` : `${n} of ${n} lesson(s) passed`).waitFor();
}

test('four courses or more in each language, each taken end to end on a phone', async () => {
  const everyone = courses.filter((c) => c.audience === 'everyone');
  assert.ok(courses.filter((c) => c.language === 'fr').length >= 4);
  assert.ok(courses.filter((c) => c.language === 'en').length >= 4);
  for (const locale of ['fr-FR', 'en-GB']) {
    const lang = locale.slice(0, 2);
    const { page, problems, context } = await as(lang === 'fr' ? 'alice' : 'sam', locale);
    await page.goto(`${env.srv.url}/learn`);
    await waitForHeading(page, lang === 'fr' ? 'Formations' : 'Courses');
    await checkA11y(page, `courses list ${lang}`);
    for (const c of courses.filter((x) => x.language === lang)) {
      assert.equal(await page.getByRole('link', { name: c.title, exact: true }).count(), 1, c.slug);
    }
    let first = true;
    for (const c of everyone.filter((x) => x.language === lang)) {
      await takeCourse(page, c, { a11y: first });
      first = false;
    }
    assertNoProblems(problems);
    await context.close();
  }
});

test('the professional course ends with a signed certificate', async () => {
  for (const c of courses.filter((x) => x.audience === 'professionals')) {
    const locale = c.language === 'fr' ? 'fr-FR' : 'en-GB';
    const { page, problems, context } = await as('dr.martin', locale);
    await takeCourse(page, c, { a11y: c.language === 'fr', ui: 'fr' }); // dr.martin reads French
    if (c.language === 'fr') {
      await page.getByRole('button', { name: 'Obtenir le certificat' }).click();
      await page.locator('.certificate', { hasText: 'Certificat signé par chu-exemple' }).waitFor();
      await page.getByRole('link', { name: 'Télécharger le certificat signé' }).waitFor();
      await checkA11y(page, 'certificate');
    }
    assertNoProblems(problems);
    await context.close();
  }
});

test('a lesson is offered before a first post, read in the page; editors see the course document', async () => {
  const handle = `plume_${Date.now().toString().slice(-6)}`;
  const r = await fetch(`${env.srv.url}/api/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ handle, email: `${handle}@example.org`, password: 'phrase de passe longue', handle_confirmed: true, age_band: '25-plus' }) });
  assert.equal(r.status, 201);
  const s = await newPage(env.browser, env.srv.url, { viewport: PHONE_390 });
  await logIn(s.page, handle, 'phrase de passe longue', { baseUrl: env.srv.url });
  await s.page.waitForURL((u) => u.pathname === '/');
  await s.page.goto(`${env.srv.url}/c/diabete-type-1`);
  const offer = s.page.locator('aside.offer details');
  await offer.waitFor();
  await s.page.getByLabel('Votre message').fill('Mon brouillon reste là.');
  await offer.locator('summary').click();
  await offer.locator('.post-body h4, .post-body h3, .post-body p').first().waitFor();
  assert.equal(await s.page.getByLabel('Votre message').inputValue(), 'Mon brouillon reste là.', 'the draft stays');
  await checkA11y(s.page, 'offer opened in the compose form');
  assertNoProblems(s.problems);
  await s.context.close();

  const { page, problems, context } = await as('redaction.chu');
  await page.goto(`${env.srv.url}/learn-edit`);
  await waitForHeading(page, 'Écrire des formations');
  await checkA11y(page, 'editors: courses');
  const privacy = courses.find((c) => c.slug === 'garder-sa-sante-privee');
  await page.getByRole('link', { name: privacy.title }).click();
  await waitForHeading(page, `Modifier « ${privacy.title} »`);
  const text = await page.getByLabel('Document de la formation (JSON)').inputValue();
  assert.equal(JSON.parse(text).slug, 'garder-sa-sante-privee');
  await page.getByLabel('Document de la formation (JSON)').fill(text.replace('"correct": true', '"correct": "oui"'));
  await page.getByRole('button', { name: 'Enregistrer la formation' }).click();
  await page.locator('.error-summary').waitFor();
  await page.getByLabel('Document de la formation (JSON)').fill(text);
  await page.getByRole('button', { name: 'Enregistrer la formation' }).click();
  await page.locator('main .notice.success', { hasText: 'garder-sa-sante-privee' }).waitFor();
  await checkA11y(page, 'editors: a course document');
  assertNoProblems(problems);
  await context.close();
});
