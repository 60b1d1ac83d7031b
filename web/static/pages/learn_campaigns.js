// pages/learn_campaigns.js - /campaigns: the editors' page of prevention campaigns (issue 21,
// R8): a form to publish one (title, Markdown text, language, topic, age bands or everyone,
// start and end), the institution's campaigns, and for each its figures per band and day
// with every figure below 10 shown as "<10" (the server never sends smaller figures), as a
// table and as CSV.
import { h } from '../dom.js';
import { t, locale } from '../i18n.js';
import { api } from '../api.js';
import { textField, textArea, select, radioGroup, buildForm, submitButton } from '../forms.js';
import { emptyState, day, stylesheet } from '../ui.js';
import * as session from '../session.js';
import { campaignCard } from './learn_ui.js';
import { BANDS } from './learn_age.js';

export const titleKey = 'campaigns.title';

const today = (offset = 0) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

// A group of check boxes built like a radio group (legend, hint, error), value() an array.
function checkGroup(opts) {
  const field = radioGroup(opts);
  for (const i of field.inputs) i.type = 'checkbox';
  field.value = () => field.inputs.filter((i) => i.checked).map((i) => i.value);
  return field;
}

function reachTable(r) {
  const rows = Array.isArray(r.rows) ? r.rows : [];
  const band = (b) => (b === 'none' ? t('campaigns.band.none') : t(`age.band.${b}`));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'reach-table' },
      h('caption', {}, t('campaigns.reach.caption')),
      h('thead', {}, h('tr', {}, ['day', 'band', 'views', 'clicks'].map((k) => h('th', { scope: 'col' }, t(`campaigns.reach.${k}`))))),
      h('tbody', {}, rows.length ? rows.map((x) => h('tr', {}, h('td', {}, day(x.day)), h('td', {}, band(x.band)),
        h('td', {}, String(x.views)), h('td', {}, String(x.clicks))))
        : h('tr', {}, h('td', { colspan: '4' }, t('campaigns.reach.none')))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '2' }, t('campaigns.reach.total')),
        h('td', {}, String(r.total.views)), h('td', {}, String(r.total.clicks))))));
}

function campaignItem(c) {
  const box = h('div', {});
  const button = h('button', {
    type: 'button', class: 'button secondary', 'aria-expanded': 'false',
    onclick: async () => {
      if (button.getAttribute('aria-expanded') === 'true') {
        box.replaceChildren();
        button.setAttribute('aria-expanded', 'false');
        return;
      }
      const r = await api.get(`/api/v1/campaigns/${c.id}/reach`);
      box.replaceChildren(
        h('h3', {}, t('campaigns.reach.heading', { title: c.title })),
        reachTable(r),
        h('p', {}, h('a', { href: `/api/v1/campaigns/${c.id}/reach.csv`, download: `campagne-${c.id}.csv` }, t('campaigns.reach.csv'))));
      button.setAttribute('aria-expanded', 'true');
    },
  }, t('campaigns.reach'));
  const bands = c.age_bands.map((b) => (b === 'everyone' ? t('campaigns.band.everyone') : t(`age.band.${b}`))).join(', ');
  return h('li', {},
    h('h3', { lang: c.language }, c.title),
    h('p', { class: 'meta' }, t('campaigns.period', { start: day(c.starts_at), end: day(c.ends_at) }), ' · ', bands, ' · ', t(`campaigns.topic.${c.topic}`)),
    button, box);
}

function createForm(ctx, topics, onDone) {
  const title = textField({ name: 'title', label: t('campaigns.field.title'), attrs: { maxlength: '200' } });
  const body = textArea({ name: 'body', label: t('campaigns.field.body'), hint: t('campaigns.field.body.hint'), rows: 6, max: 32768 });
  const language = radioGroup({
    name: 'language', legend: t('campaigns.field.language'), value: locale(),
    options: [{ value: 'fr', label: h('span', { lang: 'fr' }, 'Français') }, { value: 'en', label: h('span', { lang: 'en' }, 'English') }],
  });
  const topic = select({ name: 'topic', label: t('campaigns.field.topic'), options: topics.map((v) => ({ value: v, label: t(`campaigns.topic.${v}`) })) });
  const bands = checkGroup({
    name: 'age_bands', legend: t('campaigns.field.bands'), hint: t('campaigns.field.bands.hint'),
    options: [...BANDS.map((b) => ({ value: b, label: t(`age.band.${b}`) })), { value: 'everyone', label: t('campaigns.band.everyone') }],
  });
  const starts = textField({ name: 'starts_at', type: 'date', label: t('campaigns.field.starts'), value: today() });
  const ends = textField({ name: 'ends_at', type: 'date', label: t('campaigns.field.ends'), value: today(30) });
  const fields = [title, body, language, topic, bands, starts, ends];
  const form = buildForm(fields, submitButton(t('campaigns.submit')), { labelledBy: 'campaigns-new' });
  form.onSubmit(async () => {
    const ok = form.check([
      [title, title.value().trim().length >= 3 ? null : 'required'],
      [body, body.value().trim() ? null : 'required'],
      [bands, bands.value().length ? null : 'required'],
      [starts, starts.value() ? null : 'required'],
      [ends, !ends.value() ? 'required' : ends.value() <= starts.value() ? 'before-start' : null],
    ]);
    if (!ok) return;
    let made = null;
    const json = {
      title: title.value().trim(), body: body.value(), language: language.value(), topic: topic.value(),
      age_bands: bands.value(), starts_at: starts.value(), ends_at: ends.value(),
    };
    if (!await form.send(async () => { made = await api.post('/api/v1/campaigns', json); })) return;
    title.input.value = '';
    body.input.value = '';
    for (const i of bands.inputs) i.checked = false;
    ctx.announce(t('campaigns.created', { title: made.title }));
    onDone(made);
  });
  return form.form;
}

export async function render(ctx) {
  stylesheet('learn');
  if (!session.hasRole('editor') && !session.hasRole('administrator')) {
    return [h('h1', {}, t('campaigns.title')), h('p', { class: 'notice' }, t('campaigns.not_editor'))];
  }
  const data = await api.get('/api/v1/campaigns');
  const list = h('ul', { class: 'learn-list' }, data.campaigns.map(campaignItem));
  const listBox = h('div', {}, data.campaigns.length ? list : emptyState(t('campaigns.none')));
  const done = h('div', {});
  return [
    h('h1', {}, t('campaigns.title')),
    h('p', {}, t('campaigns.intro')),
    h('section', { class: 'panel', 'aria-labelledby': 'campaigns-new' },
      h('h2', { id: 'campaigns-new' }, t('campaigns.new')),
      createForm(ctx, data.topics, (c) => {
        list.prepend(campaignItem(c));
        listBox.replaceChildren(list);
        done.replaceChildren(h('p', { class: 'notice success' }, t('campaigns.created', { title: c.title })), campaignCard(c, 3, { count: false }));
      }),
      done),
    h('section', { 'aria-labelledby': 'campaigns-list' },
      h('h2', { id: 'campaigns-list' }, t('campaigns.list')),
      listBox),
  ];
}
