// messages.test.mjs - direct messages in the browser (issue 20), on a phone, axe-core on every
// page and state:
//   - alice writes to sam; sam sees the unread count in the header and reads it; no API answer, and no file of the data directory
//     (database, WAL, media) nor the server's log holds a word of it (a canary);
//   - a phone number in a message is pointed out and nothing is sent until the writer
//     chooses; an urgent message shows the emergency numbers to its writer;
//   - a member writing to a professional is refused with the pointer to the desk (R2);
//   - sam reports a message he chooses; a moderator reads it, its signature checked;
//   - sam on a fresh browser profile makes new keys: alice is told in the conversation;
//   - alice backs up her keys under a passphrase and restores them on a fresh profile.
// The composer is used with the keyboard only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { launch, newPage, checkA11y, assertNoProblems, logIn, waitForHeading } from './lib.mjs';
import { lesionPng } from '../api/pro_helpers.mjs';

const DEMO_PASSWORD = 'demo-entraide-2026';
const CANARY = 'zzqcanarydirect';
const env = { srv: null, browser: null };
const answers = []; // every API answer's text, from every page
before(async () => {
  env.srv = await startServer({ demo: true, captureLog: true });
  env.browser = await launch();
});
after(async () => {
  if (env.browser) await env.browser.close();
  if (env.srv) await env.srv.stop();
});

async function member(handle, locale = 'fr-FR') {
  const { context, page, problems } = await newPage(env.browser, env.srv.url, { phone: true, locale });
  page.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    try { answers.push(await res.text()); } catch { /* a redirect or an aborted answer has no body */ }
  });
  await logIn(page, handle, DEMO_PASSWORD, { baseUrl: env.srv.url });
  await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session');
  await page.waitForURL((u) => u.pathname === '/');
  return { context, page, problems };
}

// Types into the composer and presses the send button, with the keyboard only.
async function writeAndSend(page, text, sendName = 'Envoyer') {
  const box = page.getByRole('textbox', { name: /^Message/ });
  await box.focus();
  await page.keyboard.type(text);
  const send = page.getByRole('button', { name: sendName });
  await send.focus();
  await page.keyboard.press('Enter');
}

const posts = (page) => {
  const seen = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/v1\/conversations\/\d+\/messages$/.test(new URL(r.url()).pathname)) seen.push(r);
  });
  return seen;
};

function files(dir) {
  const out = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...files(p)); else out.push(p);
  }
  return out;
}

let alice, sam, convPath;

test('alice writes to sam, sam reads it; the server holds none of the words', async () => {
  sam = await member('sam', 'en-GB');
  await sam.page.goto(`${env.srv.url}/messages`);
  await waitForHeading(sam.page, 'Messages');
  await checkA11y(sam.page, '/messages, empty');

  alice = await member('alice');
  await alice.page.goto(`${env.srv.url}/messages/new?to=sam`);
  await waitForHeading(alice.page, 'Conversation avec sam');
  convPath = new URL(alice.page.url()).pathname;
  assert.match(convPath, /^\/messages\/\d+$/);
  await checkA11y(alice.page, 'a new conversation');
  const sent = posts(alice.page);
  const words = `Bonjour, voici le mot ${CANARY} entre nous.`;
  await writeAndSend(alice.page, words);
  await alice.page.locator('.msg-thread').getByText(words).waitFor();
  assert.equal(sent.length, 1);
  const body = sent[0].postData();
  assert.ok(!body.includes(CANARY), 'the request carries a ciphertext');

  await sam.page.goto(`${env.srv.url}/messages`);
  await waitForHeading(sam.page, 'Messages');
  await sam.page.locator('header a[data-count="messages"]', { hasText: 'Messages (1 unread)' }).waitFor({ state: 'attached' });
  const item = sam.page.locator('.msg-list li').filter({ hasText: 'alice' });
  await item.getByText('1 unread message').waitFor();
  await checkA11y(sam.page, '/messages with an unread conversation');
  await item.getByRole('link').click();
  await waitForHeading(sam.page, 'Conversation with alice');
  await sam.page.locator('.msg-thread').getByText(words).waitFor();
  await checkA11y(sam.page, 'a conversation, read');
  assert.equal(await sam.page.getByRole('button', { name: 'Send' }).count(), 1, 'the English send button');

  // R6: the canary is nowhere on the server's side.
  assert.ok(answers.length > 10);
  for (const a of answers) assert.ok(!a.includes(CANARY), 'an API answer holds the canary');
  const needle = Buffer.from(CANARY);
  const all = files(env.srv.data);
  assert.ok(all.some((f) => f.endsWith('entraide.db-wal')) || all.some((f) => f.endsWith('entraide.db')));
  for (const f of all) assert.ok(!readFileSync(f).includes(needle), `${f} holds the canary`);
  assert.ok(env.srv.log().length > 0, 'the log was read');
  assert.ok(!env.srv.log().includes(CANARY), 'the log holds the canary');
  assertNoProblems(alice.problems);
  assertNoProblems(sam.problems);
});

test('a phone number is pointed out and nothing is sent until the writer chooses', async () => {
  const { page, problems } = alice;
  const sent = posts(page);
  await writeAndSend(page, 'Appelle-moi au 06 12 34 56 78 ce soir.');
  const panel = page.getByRole('alert').filter({ hasText: 'Ce message permet peut-être de reconnaître quelqu’un' });
  await panel.waitFor();
  await panel.getByText('06 12 34 56 78').waitFor();
  await checkA11y(page, 'identifiers pointed out');
  await page.waitForTimeout(300);
  assert.equal(sent.length, 0, 'nothing sent before the choice');
  const remove = panel.getByRole('button', { name: 'Retirer ces éléments et envoyer' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await page.locator('.msg-thread').getByText('Appelle-moi au […] ce soir.').waitFor();
  assert.equal(sent.length, 1);
  assert.equal(await page.locator('.msg-thread').getByText('06 12 34 56 78').count(), 0);
  assertNoProblems(problems);
});

test('an urgent message shows the emergency numbers to its writer', async () => {
  const { page, problems } = alice;
  await writeAndSend(page, 'Mon père a une douleur dans la poitrine en ce moment, il transpire.');
  const panel = page.getByRole('region', { name: 'Vous n’êtes pas seul·e' });
  await panel.waitFor();
  const links = await panel.getByRole('link').allTextContents();
  for (const l of ['Appeler le 15', 'Appeler le 112', 'SMS au 114']) assert.ok(links.includes(l), l);
  assert.equal(await panel.getByRole('link', { name: 'Appeler le 15' }).getAttribute('href'), 'tel:15');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'nothing wider than the phone');
  await checkA11y(page, 'emergency numbers');
  assertNoProblems(problems);
});

test('a photo: sanitized by the server in memory (nothing stored), sealed, seen by sam', async () => {
  const { page, problems } = alice;
  const mediaBefore = files(join(env.srv.data, 'media')).length;
  await page.getByLabel('Photo (facultatif)').setInputFiles({ name: 'lesion.png', mimeType: 'image/png', buffer: lesionPng() });
  const cleaned = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/media/sanitize');
  await writeAndSend(page, 'Une photo pour toi.');
  assert.equal((await cleaned).status(), 200);
  await page.locator('.msg-thread').getByText('Une photo pour toi.').waitFor();
  assert.equal(files(join(env.srv.data, 'media')).length, mediaBefore, 'nothing stored');
  await sam.page.goto(`${env.srv.url}${convPath}`);
  const img = sam.page.getByRole('img', { name: 'Photo sent by alice' });
  await img.waitFor();
  assert.match(await img.getAttribute('src'), /^data:image\/png;base64,/);
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'the photo decodes');
  assertNoProblems(problems);
  assertNoProblems(sam.problems);
});

test('R2: a member cannot open a conversation with a professional; the desk is offered', async () => {
  const { page, problems } = alice;
  await page.goto(`${env.srv.url}/messages/new?to=dr.martin`);
  const panel = page.getByRole('alert').filter({ hasText: 'Conversation impossible' });
  await panel.waitFor();
  await panel.getByText(/consultation en ligne/).waitFor();
  assert.match(await panel.getByRole('link', { name: 'Écrire au guichet de l’établissement' }).getAttribute('href'), /^\/desk/);
  await checkA11y(page, 'R2 refusal');
  assertNoProblems(problems);
});

test('sam reports a message: he chooses it, the moderators read it with its signature checked', async () => {
  const { page, problems } = sam;
  await page.goto(`${env.srv.url}${convPath}`);
  await waitForHeading(page, 'Conversation with alice');
  await page.locator('.msg-report summary').click();
  await page.getByLabel(/Appelle-moi au/).check();
  await page.getByLabel('Reason for the report').selectOption('harmful');
  await checkA11y(page, 'the report form');
  const sent = page.waitForResponse((r) => /\/reports$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Send the report' }).click();
  const res = await sent;
  assert.equal(res.status(), 201);
  assert.equal(JSON.parse(res.request().postData()).messages.length, 1, 'only the chosen message');
  await page.locator('.msg-report').getByText('Thank you: the chosen messages were forwarded to the moderators.').waitFor();
  const modo = await member('modo');
  await modo.page.goto(`${env.srv.url}/moderation`);
  const section = modo.page.getByRole('region', { name: 'Conversations privées signalées' });
  await section.getByText('Appelle-moi au […] ce soir.').waitFor();
  await section.getByText('Signature vérifiée (clé n° 1 de alice)').waitFor();
  await checkA11y(modo.page, 'reported conversations');
  assertNoProblems(problems);
  assertNoProblems(modo.problems);
  await modo.context.close();
});

test('sam on a fresh browser profile: new keys, and alice is told in the conversation', async () => {
  const fresh = await member('sam', 'en-GB');
  await fresh.page.goto(`${env.srv.url}${convPath}`);
  await waitForHeading(fresh.page, 'Conversation with alice');
  await fresh.page.getByText('This message cannot be read on this device.').first().waitFor();
  await alice.page.goto(`${env.srv.url}${convPath}`);
  await waitForHeading(alice.page, 'Conversation avec sam');
  const note = alice.page.getByRole('status').filter({ hasText: 'Les clés de sam ont changé' });
  await note.waitFor();
  await checkA11y(alice.page, 'a key change notice');
  // The safety numbers are the same on both sides.
  await alice.page.locator('.msg-safety summary').click();
  await fresh.page.locator('.msg-safety summary').click();
  const a = await alice.page.locator('.msg-safety code').textContent();
  const b = await fresh.page.locator('.msg-safety code').textContent();
  assert.match(a, /^(\d{5} ){11}\d{5}$/);
  assert.equal(a, b);
  await note.getByRole('button', { name: 'J’ai compris' }).click();
  await note.waitFor({ state: 'detached' });
  // a new message is sealed to the new keys: sam reads it on the new profile
  await writeAndSend(alice.page, 'Tu as changé de téléphone ?');
  await alice.page.locator('.msg-thread').getByText('Tu as changé de téléphone ?').waitFor();
  await fresh.page.reload();
  await fresh.page.locator('.msg-thread').getByText('Tu as changé de téléphone ?').waitFor();
  assertNoProblems(alice.problems);
  assertNoProblems(fresh.problems);
});

test('key backup: alice seals her keys under a passphrase; on a fresh profile it restores them and she reads her old messages', async () => {
  const { page, problems } = alice;
  await page.goto(`${env.srv.url}/messages`);
  await waitForHeading(page, 'Messages');
  const offer = page.locator('details.msg-backup[open]');
  const pass = 'trois chats gris sous la pluie';
  await checkA11y(page, 'the key backup offered');
  await offer.getByLabel('Phrase secrète', { exact: true }).fill(pass);
  await offer.getByLabel('La même phrase secrète, encore').fill(pass);
  await offer.getByRole('button', { name: 'Sauvegarder mes clés' }).click();
  await offer.getByText('Vos clés sont sauvegardées.').waitFor();

  const fresh = await member('alice');
  const puts = [];
  fresh.page.on('request', (r) => { if (r.method() === 'PUT' && new URL(r.url()).pathname === '/api/v1/me/keys') puts.push(r); });
  await fresh.page.goto(`${env.srv.url}/messages`);
  const panel = fresh.page.getByRole('region', { name: 'Restaurer vos clés' });
  await panel.waitFor();
  await checkA11y(fresh.page, 'restoring the keys');
  const field = panel.getByLabel('Phrase secrète de la sauvegarde');
  await field.fill('pas la bonne phrase');
  await panel.getByRole('button', { name: 'Restaurer mes clés' }).click();
  await panel.getByText('Cette phrase secrète n’ouvre pas la sauvegarde.').first().waitFor();
  await field.fill(pass);
  await panel.getByRole('button', { name: 'Restaurer mes clés' }).click();
  await fresh.page.getByRole('link', { name: 'Avec sam' }).click();
  await waitForHeading(fresh.page, 'Conversation avec sam');
  await fresh.page.locator('.msg-thread').getByText('Tu as changé de téléphone ?').waitFor();
  await fresh.page.locator('.msg-thread').getByText('Une photo pour toi.').waitFor();
  assert.equal(puts.length, 0, 'the restored keys are the published ones: no new keys');
  assertNoProblems(problems);
  assertNoProblems(fresh.problems);
});
