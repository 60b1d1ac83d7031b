// newcomer.test.mjs - what a newcomer meets (issue 15): each point people stopped at when they
// walked the journeys for the first time, checked in Chromium as they met it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, newPage, checkA11y, assertNoProblems, waitForHeading, logIn,
} from './lib.mjs';

const env = serverAndBrowser();
const PASSWORD = 'demo-entraide-2026';

async function as(handle, options = {}) {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, options);
  await logIn(page, handle, PASSWORD, { baseUrl: env.srv.url });
  await page.waitForURL((u) => u.pathname === '/');
  // the header redrawn for the member (its log-out button; folded in the menu on a phone)
  await page.locator('#site-header button.link-button').waitFor({ state: 'attached' });
  return { page, problems, context };
}

// Language from the browser: a visitor whose browser asks for English gets English, in
// <html lang> from the first byte (the shell the server sends) and in the page; French
// otherwise; the instance's tagline follows.
test('a visitor gets the browser language, from the first byte', async () => {
  for (const [locale, lang, heading, tagline] of [
    ['en-US', 'en', 'What is entraide?', /^Health mutual-aid network/],
    ['en-GB', 'en', 'What is entraide?', /^Health mutual-aid network/],
    ['fr-FR', 'fr', 'Qu’est-ce qu’entraide ?', /^Réseau d'entraide en santé/],
    ['de-DE', 'fr', 'Qu’est-ce qu’entraide ?', /^Réseau d'entraide en santé/],
  ]) {
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { locale });
    const res = await page.goto(`${env.srv.url}/`);
    assert.match(await res.text(), new RegExp(`<html lang="${lang}">`), `${locale}: the shell as sent`);
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, locale);
    assert.match(await page.locator('main p.lead').innerText(), tagline, `${locale}: tagline`);
    await checkA11y(page, `home, ${locale}`);
    assertNoProblems(problems);
    await context.close();
  }
});

// The member's setting wins over the browser once logged in, in the shell too.
test('once logged in, the account language wins over the browser', async () => {
  for (const [handle, locale, lang] of [['sam', 'fr-FR', 'en'], ['alice', 'en-US', 'fr']]) {
    const { page, problems, context } = await as(handle, { locale });
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    const res = await page.goto(`${env.srv.url}/c`);
    assert.match(await res.text(), new RegExp(`<html lang="${lang}" data-member>`), `${handle}: shell`);
    await page.locator('main h1').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assertNoProblems(problems);
    await context.close();
  }
});

// Dead end 1: the appointment link of the consultation guidance opens the appointment form.
test('the consultation guidance leads to the appointment form, not to a missing page', async () => {
  const { page, problems, context } = await as('alice');
  await page.goto(`${env.srv.url}/desk/chu-exemple`);
  await waitForHeading(page, 'Écrire à l’accueil de CHU Exemple');
  await page.getByLabel('Une question pratique').check();
  await page.getByLabel('Votre message').fill('Est-ce que je peux arrêter mon traitement, j’ai des vertiges ?');
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/desk/requests'));
  await page.getByRole('button', { name: 'Envoyer à l’accueil' }).click();
  const guidance = (await (await answer).json()).guidance;
  const href = guidance.alternatives.find((a) => a.kind === 'appointment').href;
  const panel = page.getByRole('region', { name: 'Cette question demande une consultation' });
  await panel.getByRole('link', { name: 'prendre rendez-vous avec le service concerné' }).click();
  await waitForHeading(page, 'Écrire à l’accueil de CHU Exemple');
  // the same heading is already there before the link redraws the page: wait for the state
  await page.getByRole('radio', { name: 'Un rendez-vous (prendre, déplacer, annuler)', checked: true }).waitFor();
  await page.getByLabel('Service').waitFor();
  // The address the API hands out, and the one earlier versions handed out, both open it.
  for (const path of [href, '/desk/chu-exemple/new?form=appointment']) {
    await page.goto(env.srv.url + path);
    await waitForHeading(page, 'Écrire à l’accueil de CHU Exemple');
    await page.getByRole('radio', { name: 'Un rendez-vous (prendre, déplacer, annuler)', checked: true }).waitFor();
  }
  assertNoProblems(problems);
  await context.close();
});

// Broken text: after an urgent message, "sent to the desk" is said once, not twice.
test('the urgent confirmation says "sent to the desk" once', async () => {
  const { page, problems, context } = await as('alice');
  await page.goto(`${env.srv.url}/desk/chu-exemple`);
  await waitForHeading(page, 'Écrire à l’accueil de CHU Exemple');
  await page.getByLabel('Votre message').fill('Mon père a une douleur dans la poitrine en ce moment');
  await page.getByRole('button', { name: 'Envoyer à l’accueil' }).click();
  await page.getByRole('alert').filter({ hasText: 'Urgence : appelez maintenant' }).waitFor();
  const said = await page.locator('main').innerText();
  assert.equal(said.split('Votre message est aussi transmis à l’accueil').length - 1, 1, said);
  await page.getByRole('link', { name: /^Suivre la demande n° \d+$/ }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

// Dead end 2: a visitor opening a members-only space is asked to log in to read it, and after
// signing up there, is signed in and back on that space.
test('a members-only space asks a visitor to log in; sign-up signs in and comes back', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone: true });
  await page.goto(`${env.srv.url}/c/sclerose-en-plaques`);
  await waitForHeading(page, 'Se connecter');
  await page.locator('main .notice', { hasText: 'Cette page est réservée aux membres' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/c/sclerose-en-plaques');
  assert.equal(await page.getByText('Une erreur est survenue').count(), 0);
  await checkA11y(page, 'log in to read');
  await page.locator('main').getByRole('link', { name: 'Créer un compte' }).click();
  await waitForHeading(page, 'Créer un compte');
  const id = String(Math.floor(100000 + Math.random() * 900000)); // digits: hex could spell a name
  await page.getByLabel('Pseudonyme', { exact: true }).fill(`lecteur_${id}`);
  await page.getByLabel('Adresse e-mail').fill(`lecteur.${id}@example.org`);
  await page.getByLabel('Mot de passe', { exact: true }).fill(`phrase de passe ${id}`);
  await page.getByLabel('Confirmez le mot de passe').fill(`phrase de passe ${id}`);
  await page.getByRole('radio', { name: '18 à 24 ans' }).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await waitForHeading(page, 'Sclérose en plaques');
  assert.equal(new URL(page.url()).pathname, '/c/sclerose-en-plaques');
  await page.locator('main .notice', { hasText: `Bienvenue, lecteur_${id}` }).waitFor();
  assert.equal(await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status)), 200);
  assertNoProblems(problems);
  await context.close();
});

// Broken text in the publishing check: no literal "null", and each language's punctuation.
test('the publishing check: no "null", French and English punctuation', async () => {
  for (const [handle, path, text, audience, quote] of [
    ['alice', '/c/diabete-type-1', 'Je suis Marie Dupont, appelez-moi au 06 12 34 56 78.', 'Qui pourra lire\u00a0:', '«\u00a0Marie Dupont\u00a0»'],
    ['sam', '/c/long-covid', 'I am Mary Johnson, call me on 07700 900123.', 'Who will be able to read:', '“Mary Johnson”'],
  ]) {
    const { page, problems, context } = await as(handle);
    await page.goto(env.srv.url + path);
    await page.locator('main form textarea').waitFor();
    await page.locator('main form input[name=title]').fill(handle === 'sam' ? 'Hello' : 'Bonjour');
    await page.locator('main form textarea').fill(text);
    await page.locator('main form button[type=submit]').click();
    const box = page.locator('.findings');
    await box.locator('mark').first().waitFor();
    const said = await box.innerText();
    assert.doesNotMatch(said, /\bnull\b|undefined/, said);
    assert.ok(said.includes(audience), `${handle}: ${said}`);
    assert.ok(said.includes(quote), `${handle}: ${said}`);
    if (handle === 'sam') assert.doesNotMatch(await page.locator('main').innerText(), / :/, 'no space before a colon in English');
    await checkA11y(page, `publishing check, ${handle}`);
    assertNoProblems(problems);
    await context.close();
  }
});

// Broken text: the testimony label once per post, not once more for the thread.
test('a thread labels each post once', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  await page.goto(`${env.srv.url}/t/1`);
  await page.locator('main article.post').first().waitFor();
  const posts = await page.locator('main article.post').count();
  const labels = await page.locator('main .label-testimony').count();
  assert.equal(labels, posts, `${labels} testimony labels for ${posts} posts`);
  assertNoProblems(problems);
  await context.close();
});

// Broken text on the desk: durations and dates through Intl in the page's language.
test('the desk dashboard and queue: French decimals, day-month dates in both languages', async () => {
  const { page, problems, context } = await as('accueil.chu');
  await page.goto(`${env.srv.url}/desk/chu-exemple/dashboard`);
  await page.locator('main table tbody th').first().waitFor();
  let main = await page.locator('main').innerText();
  assert.doesNotMatch(main, /\d\.\d+ h\b/, 'no "73.1 h" in French');
  const weeks = await page.evaluate(() => fetch('/api/v1/institutions/chu-exemple/desk/dashboard').then((r) => r.json()).then((d) => d.weeks.map((w) => w.week)));
  const cells = await page.locator('main table tbody th').allInnerTexts();
  const expect = (tag) => weeks.map((w) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }).format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(w) ? `${w}T12:00:00Z` : w)));
  assert.deepEqual(cells, expect('fr-FR'));
  await page.goto(`${env.srv.url}/desk/chu-exemple/queue`);
  await page.locator('main h1').waitFor();
  main = await page.locator('main').innerText();
  assert.doesNotMatch(main, /\d\.\d+ h\b/, 'queue: no "73.1 h" in French');
  // in English: British day-month order, like the chart's labels
  await page.getByRole('button', { name: /English/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.goto(`${env.srv.url}/desk/chu-exemple/dashboard`);
  await page.locator('main table tbody th').first().waitFor();
  assert.deepEqual(await page.locator('main table tbody th').allInnerTexts(), expect('en-GB'));
  assert.doesNotMatch(await page.locator('main').innerText(), /\b\d{1,2}\/\d{1,2}\/\d{4}\b/, 'no US dates');
  assertNoProblems(problems);
  // back to French for the other tests
  await page.getByRole('button', { name: /Français/ }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await context.close();
});

// Broken text in the moderation queue: reasons and actions in words, not codes.
// alice reports a post of thread 1 that is not hers (as a visitor would see it reported).
async function reportAPost(reason) {
  const reporter = await as('alice');
  const token = await reporter.page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()).then((m) => m.csrf_token));
  const thread = await reporter.page.evaluate(() => fetch('/api/v1/threads/1').then((r) => r.json()));
  const target = thread.posts.find((p) => !p.mine && !p.deleted && p.author);
  const sent = await reporter.page.evaluate(async ([id, csrf, why]) => (await fetch(`/api/v1/posts/${id}/reports`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ reason: why }),
  })).status, [target.id, token, reason]);
  assert.ok(sent === 201 || sent === 200 || sent === 409, `report: ${sent}`);
  await reporter.context.close();
  return target;
}

test('the moderation queue says reasons and actions in words', async () => {
  await reportAPost('harmful');
  const { page, problems, context } = await as('modo');
  await page.goto(`${env.srv.url}/moderation`);
  await page.locator('main h2').first().waitFor();
  await page.locator('main', { hasText: 'Blessant ou dangereux' }).waitFor();
  const main = await page.locator('main').innerText();
  assert.doesNotMatch(main, /: (harmful|identifying|spam|other|medical-misinformation)\b/, main);
  assert.doesNotMatch(main, /\b(hide|restore|suspend) \((post|account) \d+\)/, main);
  await checkA11y(page, 'moderation queue');
  assertNoProblems(problems);
  await context.close();
});

// Phone: the navigation folds behind a menu button under 600 px (one header line, not four);
// from 600 px the links show and the button does not.
test('a menu button under 600 px; the links always shown above', async () => {
  for (const [viewport, phone] of [[{ width: 390, height: 844 }, true], [{ width: 320, height: 640 }, true], [{ width: 1280, height: 800 }, false]]) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, problems, context } = await as('modo', { viewport, phone, colorScheme });
      const menu = page.getByRole('button', { name: 'Menu' });
      const link = page.getByRole('navigation').getByRole('link', { name: 'Communautés' });
      if (phone) {
        await menu.waitFor();
        assert.equal(await link.isVisible(), false, 'links folded');
        const header = await page.locator('#site-header').boundingBox();
        assert.ok(header.height < 100, `one header line on a phone (${header.height} px)`);
        assert.equal(await menu.getAttribute('aria-expanded'), 'false');
        await checkA11y(page, `header closed ${viewport.width} ${colorScheme}`);
        await menu.click();
        assert.equal(await menu.getAttribute('aria-expanded'), 'true');
        await link.waitFor();
        await checkA11y(page, `header open ${viewport.width} ${colorScheme}`);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Escape');
        assert.equal(await link.isVisible(), false, 'Escape folds it again');
        await menu.click();
        await link.click();
        await waitForHeading(page, 'Communautés');
        assert.equal(await link.isVisible(), false, 'folded again after following a link');
      } else {
        assert.equal(await menu.isVisible(), false);
        await link.waitFor();
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
      assertNoProblems(problems);
      await context.close();
    }
  }
});

// At 1280 px the thread keeps a readable column, not ~400 px beside a full-height sidebar.
test('at 1280 px the thread column is readable and the sidebar only as tall as its content', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.srv.url}/t/1`);
  await page.locator('main article.post').first().waitFor();
  const column = await page.locator('main article.post').first().boundingBox();
  const aside = await page.locator('main aside.related').boundingBox();
  assert.ok(column.width >= 600, `thread column ${column.width} px`);
  assert.ok(column.width <= 44 * 16 + 1, `a readable measure (${column.width} px)`);
  assert.ok(aside.x > column.x + column.width, 'the related articles beside the thread');
  const layout = await page.locator('main .thread-layout').boundingBox();
  assert.ok(aside.height < layout.height, `sidebar ${aside.height} px, layout ${layout.height} px`);
  await checkA11y(page, 'thread at 1280 px');
  assertNoProblems(problems);
  await context.close();
});

// Missing where people look: Moderation and Verification in the navigation for those roles.
test('the navigation links to Moderation and Verification for those who hold the role', async () => {
  for (const [handle, mod, verif] of [['modo', true, false], ['admin', false, true], ['alice', false, false]]) {
    const { page, problems, context } = await as(handle);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Communautés' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Modération' }).count(), mod ? 1 : 0, handle);
    assert.equal(await nav.getByRole('link', { name: 'Vérifications' }).count(), verif ? 1 : 0, handle);
    if (mod) {
      await nav.getByRole('link', { name: 'Modération' }).click();
      await waitForHeading(page, 'Modération');
    }
    if (verif) {
      await nav.getByRole('link', { name: 'Vérifications' }).click();
      await page.locator('main h1').waitFor();
      assert.equal(new URL(page.url()).pathname, '/verification');
    }
    assertNoProblems(problems);
    await context.close();
  }
});

// Replies on thread 1 through its form; the new post's <article>.
async function replyOnThread1(page, text, shown) {
  await page.goto(`${env.srv.url}/t/1`);
  const form = page.locator('main form.compose');
  await form.locator('textarea').fill(text);
  await form.locator('button[type=submit]').click();
  const mine = page.locator('article.post', { hasText: shown });
  await mine.waitFor();
  return mine;
}

// Acts without a second thought: deleting one's post asks first (a native modal <dialog>);
// cancelling leaves it, confirming deletes it.
test('deleting one’s own post asks for confirmation in a dialog', async () => {
  const { page, problems, context } = await as('alice');
  const mine = await replyOnThread1(page, 'Un message que je vais retirer, sans rien d’identifiant.', 'Un message que je vais retirer');
  await mine.getByRole('button', { name: 'Supprimer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer ce message ?' });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('dialog').matches(':modal')), true, 'a modal dialog');
  await dialog.getByText('Un message que je vais retirer').waitFor();
  await checkA11y(page, 'delete confirmation');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  // The dialog leaves on its 'close' event, which the browser fires in a later task.
  await page.locator('dialog').waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await mine.getByRole('button', { name: 'Supprimer' }).evaluate((b) => b === document.activeElement), true, 'focus back');
  await page.reload();
  await mine.waitFor();
  await mine.getByRole('button', { name: 'Supprimer' }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await page.locator('dialog').waitFor({ state: 'detached', timeout: 5000 }); // Escape cancels
  await mine.getByText('Un message que je vais retirer').waitFor();
  await mine.getByRole('button', { name: 'Supprimer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await page.locator('article.post', { hasText: 'Message supprimé par son auteur.' }).first().waitFor();
  assertNoProblems(problems);
  await context.close();
});

// The design system's page: every component, for developers, behind no login and linked from
// nowhere; axe-clean at both sizes, in both languages and both colour schemes.
test('the design-system page shows each component, axe-clean everywhere', async () => {
  for (const locale of ['fr-FR', 'en-GB']) {
    for (const [phone, colorScheme] of [[false, 'light'], [false, 'dark'], [true, 'light'], [true, 'dark']]) {
      const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone, colorScheme, locale });
      await page.goto(`${env.srv.url}/dev/ui`);
      await waitForHeading(page, locale === 'fr-FR' ? 'Système de conception' : 'Design system');
      assert.equal(await page.locator('a[href="/dev/ui"]').filter({ hasNot: page.locator('main') }).count(), 1, 'linked only from its own empty state');
      assert.equal(await page.locator('header a[href="/dev/ui"], footer a[href="/dev/ui"]').count(), 0);
      for (const sel of ['.button', '.button.secondary', '.button.danger', '.field input[type=text]', '.field textarea', '.field select',
        '.field input[type=radio]', '.field input[type=checkbox]', '.field input[type=file]', '.field.has-error', '.notice.success',
        '.notice.error', '.empty-state']) {
        assert.ok(await page.locator(`main ${sel}`).count() > 0, `${sel} shown`);
      }
      await checkA11y(page, `design system ${locale} ${phone ? 'phone' : 'desktop'} ${colorScheme}`);
      await page.getByRole('button', { name: locale === 'fr-FR' ? 'Ouvrir le dialogue' : 'Open the dialog' }).click();
      await page.getByRole('dialog').waitFor();
      await checkA11y(page, `dialog ${locale} ${phone ? 'phone' : 'desktop'} ${colorScheme}`);
      await page.keyboard.press('Escape');
      assertNoProblems(problems);
      await context.close();
    }
  }
});

// Missing where people look: editing one's own post, through the same check as a new one.
test('a member edits her own post', async () => {
  const { page, problems, context } = await as('alice');
  const mine = await replyOnThread1(page, 'Premier jet de mon message.', 'Premier jet de mon message.');
  await mine.getByRole('button', { name: 'Modifier' }).click();
  const editor = page.locator('article.post .post-edit textarea');
  assert.equal(await editor.inputValue(), 'Premier jet de mon message.');
  await checkA11y(page, 'editing a post');
  await editor.fill('Message corrigé, sans rien d’identifiant.');
  await page.getByRole('button', { name: 'Enregistrer la modification' }).click();
  const edited = page.locator('article.post', { hasText: 'Message corrigé, sans rien d’identifiant.' });
  await edited.waitFor();
  await edited.getByText('modifié').first().waitFor();
  assertNoProblems(problems);
  await context.close();
});

// Missing where people look: the post's author in the moderation queue.
test('the moderation queue names the reported post’s author', async () => {
  const target = await reportAPost('spam');
  const { page, problems, context } = await as('modo');
  await page.goto(`${env.srv.url}/moderation`);
  await page.locator('main', { hasText: `Auteur : ${target.author}` }).first().waitFor();
  assertNoProblems(problems);
  await context.close();
});

// Forms: an empty new thread says which fields are missing, next to each field.
test('an empty new thread marks the title and the message', async () => {
  const { page, problems, context } = await as('alice');
  await page.goto(`${env.srv.url}/c/diabete-type-1`);
  const form = page.locator('main form.compose');
  await form.locator('button[type=submit]').click();
  const title = form.getByLabel('Titre');
  const body = form.getByLabel('Votre message');
  await form.getByText('Donnez un titre à la discussion.').first().waitFor();
  // the design system's fields (forms.js): aria-invalid, the error among the descriptions
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  assert.equal(await body.getAttribute('aria-invalid'), 'true');
  const describedBy = (await body.getAttribute('aria-describedby')).split(' ');
  const said = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
  assert.ok(said.some((x) => x.endsWith('Écrivez votre message.')), said.join(' | '));
  assert.ok(said.some((x) => x.startsWith('Qui pourra lire')), `the audience too (R4): ${said.join(' | ')}`);
  assert.equal(await page.getByText('Certaines valeurs ne sont pas acceptées').count(), 0);
  await checkA11y(page, 'empty new thread');
  await title.fill('Une question');
  await form.locator('button[type=submit]').click();
  await form.getByText('Écrivez votre message.').first().waitFor();
  assert.equal(await title.getAttribute('aria-invalid'), null, 'the title is no longer marked');
  assertNoProblems(problems);
  await context.close();
});

// Forms: a case refused for identifiers names the words found; the case form is styled.
test('a refused case names the words found; its fields use the shared look', async () => {
  const { page, problems, context } = await as('dr.martin');
  await page.goto(`${env.srv.url}/pro/cases/new`);
  await waitForHeading(page, 'Présenter un cas');
  for (const sel of ['select', 'textarea', 'input[type=file]']) {
    const el = page.locator(`main form ${sel}`).first();
    if (await el.count() === 0) continue;
    const box = await el.boundingBox();
    assert.ok(box.height >= 40, `${sel} at least 40 px high (${box.height})`);
    assert.doesNotMatch(await el.evaluate((e) => getComputedStyle(e).fontFamily), /monospace/, `${sel} font`);
  }
  await page.getByLabel('Titre').fill('Plaie du talon');
  await page.getByLabel(/^Description du cas/).fill('Mme Sophie Durand, 06 12 34 56 78, plaie du talon depuis six semaines.');
  await page.getByLabel('Par écrit').check();
  await page.getByRole('button', { name: /Présenter|Publier|Envoyer/ }).first().click();
  await page.locator('.error-summary').getByText('06 12 34 56 78').first().waitFor();
  await page.locator('.error-summary').getByText(/Sophie Durand/).first().waitFor();
  await checkA11y(page, 'case refused with the words found');
  assertNoProblems(problems);
  await context.close();
});

// Missing where people look: the home page shows recent discussions and the communities to join.
test('the home page shows recent discussions and the communities to join', async () => {
  for (const phone of [false, true]) {
    const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone });
    await page.goto(`${env.srv.url}/`);
    const recent = page.getByRole('region', { name: 'Discussions récentes' });
    await recent.getByRole('link').first().waitFor();
    assert.ok(await recent.getByRole('link').count() >= 3);
    const spaces = page.getByRole('region', { name: 'Communautés à rejoindre' });
    await spaces.getByRole('link', { name: 'Diabète de type 1' }).waitFor();
    assert.equal(await spaces.getByRole('link', { name: 'Sclérose en plaques' }).count(), 0, 'members-only spaces not offered to a visitor');
    await checkA11y(page, `home with discussions (${phone ? 'phone' : 'desktop'})`);
    await recent.getByRole('link').first().click();
    await page.locator('main article.post').first().waitFor();
    assertNoProblems(problems);
    await context.close();
  }
});
