// learn_courses.test.mjs - courses (issue 21, R7): the shipped courses are there at start in
// both languages, quizzes are graded with an explanation per answer, progress is private (in
// the export, deleted with the account), a professional's certificate is signed with the
// institution's key and checks with `entraide verify`, editors write and edit courses, and
// short lessons are offered at the four places (a member's first post only while none).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, BIN } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';
import { PW, sqlOf, bandMember, demoLogin } from './learn_helpers.mjs';

let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

const sql = (q) => sqlOf(srv)(q);
const member = (handle) => bandMember(srv, handle, '25-plus');
const demo = (handle) => demoLogin(srv, handle);

// The right answers of a lesson, read from the shipped file (the API never sends them first).
const SHIPPED = join(process.cwd(), 'content', 'courses');
function rightAnswers(slug, lesson) {
  const file = readdirSync(SHIPPED).find((f) => f.startsWith(`${slug}.`));
  const doc = JSON.parse(readFileSync(join(SHIPPED, file), 'utf8'));
  const l = doc.lessons.find((x) => x.slug === lesson);
  return l.quiz.map((q) => q.answers.map((a, i) => (a.correct ? String(i) : null)).filter((x) => x !== null).join(','));
}

test('four courses or more in each language, shipped at start, listed with slug, title, language', async () => {
  const anon = new Client(srv.url);
  for (const language of ['fr', 'en']) {
    const r = await anon.req('GET', `/api/v1/courses?language=${language}`);
    assert.equal(r.status, 200);
    assert.ok(r.data.courses.length >= 4, `${language}: ${r.data.courses.length} courses`);
    for (const c of r.data.courses) {
      assert.equal(c.language, language);
      assert.equal(typeof c.slug, 'string');
      assert.equal(typeof c.title, 'string');
      assert.ok(c.lessons_count >= 1);
    }
  }
  const all = (await anon.req('GET', '/api/v1/courses')).data.courses;
  const files = readdirSync(SHIPPED).filter((f) => /\.(fr|en)\.json$/.test(f));
  assert.equal(all.length, files.length, 'every shipped file is a course');
  assertProblem(await anon.req('GET', '/api/v1/courses?language=de'), 422, 'validation');
  // a course: lessons with their quiz (texts only: no right answer, no explanation before answering)
  const c = (await anon.req('GET', '/api/v1/courses/garder-sa-sante-privee')).data;
  assert.ok(c.lessons.length >= 3);
  assert.match(c.lessons[0].html, /<h2>/);
  assert.ok(c.lessons[0].quiz[0].answers.length >= 2);
  assert.doesNotMatch(JSON.stringify(c.lessons), /"correct"|"explanation"/);
  assert.deepEqual(c.translations, [{ language: 'en', slug: 'keeping-your-health-private' }]);
  assertProblem(await anon.req('GET', '/api/v1/courses/nope'), 404, 'not-found');
});

test('a quiz is graded with an explanation per answer; progress is private, exported and deleted', async () => {
  const m = await member('apprenant');
  const slug = 'garder-sa-sante-privee';
  const course = (await m.req('GET', `/api/v1/courses/${slug}`)).data;
  const lesson = course.lessons[0];
  const right = rightAnswers(slug, lesson.slug);
  assertProblem(await new Client(srv.url).req('POST', `/api/v1/courses/${slug}/lessons/${lesson.slug}/answers`, { json: { answers: right } }), 401, 'unauthenticated');
  // a wrong try first
  const wrong = right.map((a) => (a === '0' ? '1' : '0'));
  let r = await m.req('POST', `/api/v1/courses/${slug}/lessons/${lesson.slug}/answers`, { json: { answers: wrong } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.passed, false);
  for (const q of r.data.results) for (const a of q.answers) assert.ok(a.explanation.length > 10);
  r = await m.req('POST', `/api/v1/courses/${slug}/lessons/${lesson.slug}/answers`, { json: { answers: right } });
  assert.equal(r.data.passed, true);
  assert.equal(r.data.score, right.length);
  assert.deepEqual(r.data.course, { passed: 1, lessons: course.lessons.length });
  assertProblem(await m.req('POST', `/api/v1/courses/${slug}/lessons/${lesson.slug}/answers`, { json: { answers: ['9'] } }), 422, 'validation');
  r = await m.req('GET', '/api/v1/me/courses');
  assert.deepEqual(r.data.courses.map((x) => [x.slug, x.passed]), [[slug, 1]]);
  // private: nobody else sees it
  const other = await member('curieux');
  assert.deepEqual((await other.req('GET', '/api/v1/me/courses')).data.courses, []);
  assert.equal((await other.req('GET', `/api/v1/courses/${slug}`)).data.passed, 0);
  assert.equal((await new Client(srv.url).req('GET', `/api/v1/courses/${slug}`)).data.passed, undefined);
  // in the member's export
  const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: m.cookie } });
  const zip = Buffer.from(await res.arrayBuffer()).toString('utf8');
  assert.match(zip, new RegExp(`"course_progress":\\[\\{"course":"${slug}","lesson":"${lesson.slug}","score":${right.length}`));
  // deleted with the account
  const id = sql("SELECT id FROM accounts WHERE handle = 'apprenant'");
  assert.equal(sql(`SELECT count(*) FROM course_progress WHERE account_id = ${id}`), '1');
  r = await m.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'delete' } });
  assert.equal(r.status, 204);
  assert.equal(sql(`SELECT count(*) FROM course_progress WHERE account_id = ${id}`), '0');
});

test('a professional who passed every lesson gets a certificate that entraide verify accepts', async () => {
  const pro = await demo('dr.martin');
  const slug = 'partager-un-cas-sans-identifier-le-patient';
  const course = (await pro.req('GET', `/api/v1/courses/${slug}`)).data;
  assert.equal(course.audience, 'professionals');
  let r = await pro.req('POST', `/api/v1/courses/${slug}/certificate`);
  assertProblem(r, 409, 'conflict');
  for (const l of course.lessons) {
    r = await pro.req('POST', `/api/v1/courses/${slug}/lessons/${l.slug}/answers`, { json: { answers: rightAnswers(slug, l.slug) } });
    assert.equal(r.data.passed, true, l.slug);
  }
  r = await pro.req('POST', `/api/v1/courses/${slug}/certificate`);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.institution, 'chu-exemple');
  assert.equal(r.data.author_role, 'course-certificate');
  assert.equal(r.data.holder, 'dr.martin');
  const again = await pro.req('GET', `/api/v1/courses/${slug}/certificate`);
  assert.equal(again.data.signature, r.data.signature);
  const dir = mkdtempSync(join(tmpdir(), 'entraide-cert-'));
  try {
    const f = join(dir, 'c.json');
    writeFileSync(f, JSON.stringify(r.data));
    const key = await new Client(srv.url).req('GET', '/.well-known/entraide/institutions/chu-exemple.json');
    writeFileSync(join(dir, 'k.json'), key.text);
    assert.equal(spawnSync(BIN, ['verify', f, '--key', join(dir, 'k.json')]).status, 0);
    writeFileSync(f, JSON.stringify({ ...r.data, holder: 'x', body: r.data.body.replace('dr.martin', 'dr.autre') }));
    assert.equal(spawnSync(BIN, ['verify', f, '--key', join(dir, 'k.json')]).status, 1, 'a changed certificate fails');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // members who are not professionals get none
  assertProblem(await (await demo('alice')).req('POST', `/api/v1/courses/${slug}/certificate`), 403, 'forbidden');
});

test('editors write and edit courses; a start does not undo an edit of a shipped course', async () => {
  const ed = await demo('redaction.chu');
  const alice = await demo('alice');
  const doc = {
    key: 'test-course', slug: 'cours-de-test', language: 'fr', title: 'Cours de test', summary: 'Un résumé.', audience: 'everyone',
    lessons: [{ slug: 'une', title: 'Une leçon', minutes: 2, offered_at: ['desk'], body: '## Titre\n\nTexte.', quiz: [{ question: 'Vrai ?', answers: [{ text: 'Oui', correct: true, explanation: 'Parce que.' }, { text: 'Non', correct: false, explanation: 'Non plus.' }] }] }],
  };
  assertProblem(await alice.req('POST', '/api/v1/courses', { json: { document: JSON.stringify(doc) } }), 403, 'forbidden');
  let r = await ed.req('POST', '/api/v1/courses', { json: { document: JSON.stringify(doc) } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.minutes, 2);
  r = await ed.req('POST', '/api/v1/courses', { json: { document: '{"key":' } });
  assertProblem(r, 422, 'validation');
  const broken = structuredClone(doc);
  broken.lessons[0].quiz[0].answers[0].correct = false;
  r = await ed.req('PUT', '/api/v1/courses/cours-de-test', { json: { document: JSON.stringify(broken) } });
  assertProblem(r, 422, 'validation');
  assert.equal(r.data.errors[0].reason, 'no-correct-answer');
  assert.match(r.data.errors[0].found, /lessons\[0\]\.quiz\[0\]\.answers/);
  // edit a shipped course, restart: the edit stays
  r = await ed.req('GET', '/api/v1/courses/garder-sa-sante-privee/document');
  assert.equal(r.status, 200);
  const shipped = JSON.parse(r.data.document);
  shipped.title = 'Garder sa santé privée (revu)';
  r = await ed.req('PUT', '/api/v1/courses/garder-sa-sante-privee', { json: { document: JSON.stringify(shipped) } });
  assert.equal(r.status, 200, r.text);
  execFileSync(BIN, ['demo', '--data', srv.data], { stdio: 'ignore' }); // ships what is missing
  assert.equal(sql("SELECT title FROM courses WHERE slug = 'garder-sa-sante-privee'"), 'Garder sa santé privée (revu)');
  assert.equal(sql("SELECT count(*) FROM courses WHERE key = 'privacy'"), '2', 'nothing shipped twice');
});

test('short lessons are offered at the four places; before a first post only', async () => {
  const anon = new Client(srv.url);
  for (const at of ['first-post', 'first-case-photo', 'desk', 'identifiers-found']) {
    const r = await anon.req('GET', `/api/v1/course-offers?at=${at}`);
    assert.equal(r.status, 200, at);
    assert.ok(r.data.offers.length >= 1, `an offer at ${at}`);
    for (const o of r.data.offers) assert.ok(o.minutes <= 2);
  }
  assertProblem(await anon.req('GET', '/api/v1/course-offers?at=nowhere'), 422, 'validation');
  const en = await anon.req('GET', '/api/v1/course-offers?at=desk', { headers: { 'accept-language': 'en' } });
  assert.ok(en.data.offers.every((o) => !/[éè]/.test(o.course)));
  // alice has posted (demo): no first-post offer for her; a new member gets one
  const alice = await demo('alice');
  assert.deepEqual((await alice.req('GET', '/api/v1/course-offers?at=first-post')).data.offers, []);
  const m = await member('nouvelle_plume');
  assert.ok((await m.req('GET', '/api/v1/course-offers?at=first-post')).data.offers.length >= 1);
});
