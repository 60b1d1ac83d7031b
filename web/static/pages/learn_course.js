// pages/learn_course.js - /learn/:slug (a course: its lessons and the member's results, the
// certificate for professionals) and /learn/:slug/:lesson (a lesson, then its quiz: every
// question a group of check boxes; the server grades and sends an explanation per answer).
// ?back= (a local path) is where an offered lesson returns to: offered, never imposed.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton, radioGroup } from '../forms.js';
import * as session from '../session.js';
import { postBody } from './comm_ui.js';
import { day, colon, stylesheet } from '../ui.js';

export const titleKey = 'courses.title';

function lessonState(l) {
  if (!l.result) return t('course.lesson.todo');
  return l.result.score === l.result.questions ? t('course.lesson.passed') : t('course.lesson.tried', l.result);
}

async function certificatePart(ctx, c) {
  if (!session.hasRole('professional')) return null;
  const box = h('div', {});
  const show = async (create) => {
    const cert = create ? await api.post(`/api/v1/courses/${encodeURIComponent(c.slug)}/certificate`)
      : await api.get(`/api/v1/courses/${encodeURIComponent(c.slug)}/certificate`);
    const file = new Blob([JSON.stringify(cert, null, 2)], { type: 'application/json' });
    box.replaceChildren(h('div', { class: 'certificate' },
      h('p', {}, t('course.certificate.made', { institution: cert.institution, date: day(cert.date) })),
      h('pre', { lang: cert.language }, cert.body),
      h('p', {}, h('a', { href: URL.createObjectURL(file), download: `certificat-${c.slug}.json` }, t('course.certificate.download')))));
    ctx.announce(t('course.certificate.made', { institution: cert.institution, date: day(cert.date) }));
  };
  const done = c.passed === c.lessons_count && c.lessons_count > 0;
  return h('section', { class: 'panel', 'aria-labelledby': 'course-cert' },
    h('h2', { id: 'course-cert' }, t('course.certificate.heading')),
    h('p', {}, done ? t('course.certificate.intro') : t('course.certificate.pending')),
    done ? h('button', { type: 'button', class: 'button', onclick: () => show(!c.certificate) },
      t(c.certificate ? 'course.certificate.show' : 'course.certificate.get')) : null,
    box);
}

async function coursePage(ctx, c) {
  const me = session.current();
  const first = c.lessons[0];
  const reset = me && c.passed !== undefined ? h('button', {
    type: 'button', class: 'button secondary',
    onclick: async () => {
      await api.del(`/api/v1/me/courses/${encodeURIComponent(c.slug)}`);
      ctx.navigate(`/learn/${encodeURIComponent(c.slug)}`, { notice: t('course.reset.done') });
    },
  }, t('course.reset')) : null;
  return [
    h('p', { class: 'meta' }, h('a', { href: `/learn?language=${c.language}` }, t('courses.title'))),
    h('h1', { lang: c.language }, c.title),
    h('p', { lang: c.language }, c.summary),
    h('p', { class: 'meta' }, t('courses.minutes', { n: c.minutes }),
      me ? [' · ', t('courses.passed', { passed: c.passed, total: c.lessons_count })] : null),
    first ? h('p', {}, h('a', { class: 'button', href: `/learn/${encodeURIComponent(c.slug)}/${encodeURIComponent(first.slug)}` }, t('course.start'))) : null,
    h('h2', {}, t('course.lessons')),
    h('ol', { class: 'learn-list' }, c.lessons.map((l) => h('li', {},
      h('h3', { lang: c.language }, h('a', { href: `/learn/${encodeURIComponent(c.slug)}/${encodeURIComponent(l.slug)}` }, l.title)),
      h('p', { class: 'meta' }, t('courses.minutes', { n: l.minutes }), me ? [' · ', lessonState(l)] : null)))),
    me ? h('p', { class: 'hint' }, t('course.progress_private')) : null,
    reset,
    await certificatePart(ctx, c),
    c.translations.length ? h('p', {}, h('a', { href: `/learn/${encodeURIComponent(c.translations[0].slug)}`, hreflang: c.translations[0].language },
      t('course.translation'))) : null,
  ];
}

// One question as a group of check boxes (radioGroup's fieldset, legend, error and hint).
function questionField(q, i) {
  const field = radioGroup({
    name: `q${i}`, legend: t('lesson.question', { n: i + 1, text: q.question }),
    options: q.answers.map((a, j) => ({ value: String(j), label: a.text })),
  });
  for (const input of field.inputs) input.type = 'checkbox';
  field.value = () => field.inputs.filter((x) => x.checked).map((x) => x.value).join(',');
  return field;
}

function explain(field, r) {
  field.group.querySelector('.explanations')?.remove();
  const list = h('ul', { class: 'explanations' }, r.answers.map((a) => {
    const key = a.correct ? (a.chosen ? 'good' : 'missed') : (a.chosen ? 'bad' : 'other');
    return h('li', { class: `explanation ${a.correct === a.chosen ? 'right' : 'wrong'}` },
      h('strong', {}, `${t(`lesson.answer.${key}`)} — `), colon(a.text), a.explanation);
  }));
  field.group.append(h('p', { class: 'meta explanations-head' }, r.correct ? t('lesson.right') : t('lesson.wrong')), list);
  list.previousSibling.classList.add('explanations');
}

async function lessonPage(ctx, c, index) {
  const l = c.lessons[index];
  const next = c.lessons[index + 1];
  const back = ctx.query.get('back') ? ctx.safeNext(ctx.query.get('back')) : null;
  const me = session.current();
  ctx.setTitle(l.title);
  const fields = l.quiz.map(questionField);
  const result = h('div', { role: 'status' });
  const form = buildForm(fields, submitButton(t('lesson.check')), { labelledBy: 'lesson-quiz' });
  form.onSubmit(async () => {
    if (!form.check(fields.map((f) => [f, f.value() ? null : 'choose']))) return;
    let r = null;
    if (!await form.send(async () => {
      r = await api.post(`/api/v1/courses/${encodeURIComponent(c.slug)}/lessons/${encodeURIComponent(l.slug)}/answers`, { answers: fields.map((f) => f.value()) });
    })) return;
    r.results.forEach((x, i) => explain(fields[i], x));
    const line = `${t('lesson.result', { score: r.score, questions: r.questions })} ${r.passed ? t('lesson.result.passed') : t('lesson.result.retry')}`;
    result.replaceChildren(h('p', { class: `notice ${r.passed ? 'success' : ''}` }, line));
    ctx.announce(line);
  });
  return [
    h('p', { class: 'meta' }, h('a', { href: back || `/learn/${encodeURIComponent(c.slug)}` }, t('lesson.back'))),
    h('article', { lang: c.language, 'aria-labelledby': 'lesson-h' },
      h('p', { class: 'meta' }, c.title),
      h('h1', { id: 'lesson-h' }, l.title),
      h('p', { class: 'meta', lang: null }, t('courses.minutes', { n: l.minutes })),
      postBody(l.html, 2)),
    h('section', { class: 'quiz', 'aria-labelledby': 'lesson-quiz' },
      h('h2', { id: 'lesson-quiz' }, t('lesson.quiz')),
      h('p', { class: 'hint' }, t('lesson.quiz.hint')),
      me ? [form.form, result] : h('p', { class: 'notice' }, h('a', { href: `/login?next=${encodeURIComponent(`/learn/${c.slug}/${l.slug}`)}` }, t('course.login')))),
    h('p', {}, next ? h('a', { class: 'button', href: `/learn/${encodeURIComponent(c.slug)}/${encodeURIComponent(next.slug)}` }, t('lesson.next', { title: next.title }))
      : h('a', { class: 'button', href: back || `/learn/${encodeURIComponent(c.slug)}` }, back ? t('lesson.back') : t('lesson.done'))),
  ];
}

export async function render(ctx) {
  stylesheet('learn');
  const c = await api.get(`/api/v1/courses/${encodeURIComponent(ctx.params.slug)}`);
  ctx.setTitle(c.title);
  if (!ctx.params.lesson) return coursePage(ctx, c);
  const index = c.lessons.findIndex((l) => l.slug === ctx.params.lesson);
  if (index < 0) return import('./notfound.js').then((m) => m.render(ctx));
  return lessonPage(ctx, c, index);
}
