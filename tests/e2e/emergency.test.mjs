// emergency.test.mjs - rule R3 in communities (issue 12), in a browser on a 390x844 phone with
// axe-core on every page: a member who starts a crisis thread in a French community sees it
// published and, first on the page, calm supportive words and the French numbers; the same in
// English for a reply in an English community; a "someone may be in danger" report reaches the
// top of the moderators' queue, marked, with the steps to follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newPage, checkA11y, assertNoProblems, logIn, waitForHeading } from './lib.mjs';

const env = serverAndBrowser();
const DEMO_PASSWORD = 'demo-entraide-2026';
const PHONE_390 = { width: 390, height: 844 };

async function member(handle, locale = 'fr-FR') {
  const { page, problems } = await newPage(env.browser, env.srv.url, { viewport: PHONE_390, locale });
  await logIn(page, handle, DEMO_PASSWORD, { baseUrl: env.srv.url });
  await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session');
  return { page, problems };
}

// What the page looks like: the panel first in <main>, nothing red, nothing wider than the phone.
async function calmAndFirst(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const first = main.querySelector('section, h1, p, form');
    const panel = main.querySelector('.comm-emergency');
    const style = getComputedStyle(panel);
    const link = getComputedStyle(panel.querySelector('a'));
    const reddish = (c) => {
      const m = /rgba?\((\d+), (\d+), (\d+)/.exec(c);
      return m ? Number(m[1]) > 150 && Number(m[2]) < 100 && Number(m[3]) < 100 : false;
    };
    return {
      first: first ? first.className : null,
      red: [style.borderLeftColor, style.backgroundColor, link.backgroundColor].some(reddish),
      role: panel.getAttribute('role'),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
      linkHeight: panel.querySelector('a').getBoundingClientRect().height,
    };
  });
}

test('a crisis thread in a French community: published, French numbers first, calm (phone)', async () => {
  const { page, problems } = await member('alice');
  await page.goto(`${env.srv.url}/c/diabete-type-1`);
  await waitForHeading(page, 'Diabète de type 1');
  const form = page.locator('form.compose');
  await form.getByLabel('Titre').fill('jen peux plus');
  await form.getByLabel('Votre message').fill('jai plus envie de vivre, ce soir je veux en finir');
  await form.getByRole('button', { name: 'Publier' }).click();
  await waitForHeading(page, 'jen peux plus');
  const panel = page.getByRole('region', { name: 'Vous n’êtes pas seul·e' });
  await panel.waitFor();
  await panel.getByText('Merci d’avoir écrit ici').waitFor();
  const links = await panel.getByRole('link').allTextContents();
  assert.equal(links[0], 'Appeler le 3114', 'suicide prevention first');
  for (const l of ['Appeler le 15', 'Appeler le 112', 'SMS au 114']) assert.ok(links.includes(l), l);
  assert.equal(await panel.getByRole('link', { name: 'SMS au 114' }).getAttribute('href'), 'sms:114');
  assert.equal(await panel.getByRole('link', { name: 'Appeler le 3114' }).getAttribute('href'), 'tel:3114');
  // Published: the post is on the page, under the panel.
  await page.locator('article.post', { hasText: 'je veux en finir' }).waitFor();
  const look = await calmAndFirst(page);
  assert.equal(look.first, 'comm-emergency', 'the numbers come first');
  assert.equal(look.red, false, 'no red alarm');
  assert.notEqual(look.role, 'alert');
  assert.equal(look.overflow, false, 'fits a 390 px wide phone');
  assert.ok(look.linkHeight >= 44, 'call links are big enough to tap');
  await checkA11y(page, 'crisis thread, French numbers, phone');
  // A calm reply in the same thread shows no panel.
  await page.locator('form.compose').getByLabel('Votre message').fill('Merci, je vais appeler.');
  await page.locator('form.compose').getByRole('button', { name: 'Répondre' }).click();
  await page.locator('article.post', { hasText: 'Merci, je vais appeler.' }).waitFor();
  assert.equal(await page.locator('.comm-emergency').count(), 0);
  assertNoProblems(problems);
});

test('an emergency reply in an English community: English numbers first (phone)', async () => {
  const { page, problems } = await member('sam', 'en-GB');
  await page.goto(`${env.srv.url}/c/long-covid`);
  await waitForHeading(page, /Long COVID/);
  // The space page has a compose form too (a new thread): wait for the thread's own heading, or
  // a slow navigation lets the message be typed into the space's form, then lost.
  const first = page.locator('main ul.comm-list a').first();
  const title = (await first.innerText()).trim();
  await first.click();
  await waitForHeading(page, title);
  await page.locator('form.compose').getByLabel('Your message').fill('my husband has crushing chest pain right now and his left arm is numb');
  await page.locator('form.compose').getByRole('button', { name: 'Reply' }).click();
  const panel = page.getByRole('region', { name: 'You are not alone' });
  await panel.waitFor();
  await panel.getByText('Thank you for writing here').waitFor();
  const links = await panel.getByRole('link').allTextContents();
  assert.deepEqual(links, ['Call 999', 'Call 911', 'Call 988', 'Call 112', 'Call 116 123']);
  assert.equal(await panel.getByRole('link', { name: 'Call 116 123' }).getAttribute('href'), 'tel:116123');
  await page.locator('article.post', { hasText: 'crushing chest pain' }).waitFor();
  const look = await calmAndFirst(page);
  assert.equal(look.first, 'comm-emergency');
  assert.equal(look.red, false);
  assert.equal(look.overflow, false);
  await checkA11y(page, 'emergency reply, English numbers, phone');
  assertNoProblems(problems);
});

test('"someone may be in danger" reaches the top of the moderators queue, marked, with steps', async () => {
  // sam's account is in English: the report form is too.
  const { page, problems } = await member('sam', 'en-GB');
  await page.goto(`${env.srv.url}/c/diabete-type-1`);
  await waitForHeading(page, 'Diabète de type 1');
  await page.locator('main ul.comm-list a').first().click();
  // The post's own id: the Report button goes away once clicked.
  const postId = await page.locator('article.post').filter({ has: page.getByRole('button', { name: 'Report' }) }).first().getAttribute('id');
  const post = page.locator(`#${postId}`);
  await post.getByRole('button', { name: 'Report' }).click();
  await post.getByLabel('Reason for the report').selectOption('danger');
  assert.equal(await post.locator('option[value=danger]').textContent(), 'Someone may be in danger');
  await post.getByRole('button', { name: 'Send the report' }).click();
  await post.getByText('the post was reported to the moderators').waitFor();

  const mod = await newPage(env.browser, env.srv.url, { viewport: PHONE_390 });
  await logIn(mod.page, 'modo', DEMO_PASSWORD, { baseUrl: env.srv.url });
  await mod.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session');
  await mod.page.goto(`${env.srv.url}/moderation`);
  await waitForHeading(mod.page, 'Modération');
  const first = mod.page.locator('main ul.comm-list > li').first();
  await first.getByText('Quelqu’un est peut-être en danger').first().waitFor();
  await first.getByText('Que faire').waitFor();
  assert.ok((await first.locator('ol li').count()) >= 3, 'steps to follow');
  await first.getByRole('button', { name: 'Marquer comme traité' }).waitFor();
  await checkA11y(mod.page, 'moderation queue, danger first, phone');
  assertNoProblems(problems);
  assertNoProblems(mod.problems);
});
