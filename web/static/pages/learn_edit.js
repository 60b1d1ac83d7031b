// pages/learn_edit.js - /learn-edit and /learn-edit/:slug: editors write courses (issue 21) as
// course documents, the format of the courses shipped in content/courses/ (title, summary,
// audience, lessons in Markdown, each quiz with an explanation per answer). The server checks
// the document and says which part is wrong.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textArea, buildForm, submitButton } from '../forms.js';
import { stylesheet } from '../ui.js';
import * as session from '../session.js';
import './learn_i18n.js';

export const titleKey = 'edit.title';

const TEMPLATE = {
  'key': 'nouvelle-formation', slug: 'nouvelle-formation', language: 'fr', title: 'Titre', summary: 'Résumé en une phrase.',
  audience: 'everyone',
  lessons: [{
    slug: 'premiere-lecon', title: 'Première leçon', minutes: 2, offered_at: [], body: '## Titre\n\nTexte de la leçon.',
    quiz: [{ question: 'Question ?', answers: [{ text: 'Oui', correct: true, explanation: 'Pourquoi.' }, { text: 'Non', correct: false, explanation: 'Pourquoi pas.' }] }],
  }],
};

function documentForm(ctx, initial, label, send) {
  const field = textArea({ name: 'document', label: t('edit.document'), hint: t('edit.document.hint'), rows: 24, max: 262144, value: initial, attrs: { spellcheck: 'false' } });
  const done = h('p', { class: 'notice success', hidden: true });
  const form = buildForm([field], submitButton(label), { after: done });
  form.onSubmit(async () => {
    done.hidden = true;
    if (!form.check([[field, field.value().trim() ? null : 'required']])) return;
    let r = null;
    if (!await form.send(async () => { r = await send(field.value()); })) return;
    done.textContent = t('edit.saved', { slug: r.slug });
    done.hidden = false;
    ctx.announce(done.textContent);
  });
  return form.form;
}

export async function render(ctx) {
  stylesheet('learn');
  if (!session.hasRole('editor') && !session.hasRole('administrator')) {
    return [h('h1', {}, t('edit.title')), h('p', { class: 'notice' }, t('edit.not_editor'))];
  }
  if (ctx.params.slug) {
    const slug = ctx.params.slug;
    const [c, d] = await Promise.all([api.get(`/api/v1/courses/${encodeURIComponent(slug)}`),
      api.get(`/api/v1/courses/${encodeURIComponent(slug)}/document`)]);
    ctx.setTitle(t('edit.edit', { title: c.title }));
    return [
      h('p', { class: 'meta' }, h('a', { href: '/learn-edit' }, t('edit.title'))),
      h('h1', {}, t('edit.edit', { title: c.title })),
      documentForm(ctx, d.document, t('edit.save'),
        (text) => api.put(`/api/v1/courses/${encodeURIComponent(slug)}`, { document: text })),
      h('p', {}, h('a', { href: `/learn/${encodeURIComponent(slug)}` }, c.title)),
    ];
  }
  const { courses } = await api.get('/api/v1/courses');
  return [
    h('h1', {}, t('edit.title')),
    h('p', {}, t('edit.intro')),
    h('h2', {}, t('edit.list')),
    h('ul', { class: 'learn-list' }, courses.map((c) => h('li', {},
      h('a', { href: `/learn-edit/${encodeURIComponent(c.slug)}`, lang: c.language }, c.title), ' ', h('span', { class: 'meta' }, `(${c.language})`)))),
    h('section', { class: 'panel', 'aria-labelledby': 'edit-new' },
      h('h2', { id: 'edit-new' }, t('edit.new')),
      documentForm(ctx, JSON.stringify(TEMPLATE, null, 2), t('edit.create'),
        (text) => api.post('/api/v1/courses', { document: text }))),
  ];
}
