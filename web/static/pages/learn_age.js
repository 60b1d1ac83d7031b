// pages/learn_age.js - age bands (issue 21, R8): the field of the sign-up page (required
// there), the settings section where the member changes it, and the page asked once after a
// log-in when the account has none (/age?next=...). Never a birth date: four bands.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { radioGroup, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import './learn_i18n.js';
import { parentForm } from './learn_parent.js';

export const BANDS = ['13-14', '15-17', '18-24', '25-plus'];
export const titleKey = 'age.ask.title';

// The radio group of the four bands; under 15, a line says what the limit is.
export function ageBandField(value = null) {
  const field = radioGroup({
    name: 'age_band', legend: t('age.legend'), hint: t('age.hint'), value,
    options: BANDS.map((b) => ({ value: b, label: t(`age.band.${b}`) })),
  });
  const under = h('p', { class: 'hint' }, t('age.under15'));
  under.hidden = value !== '13-14';
  field.group.append(under);
  for (const input of field.inputs) input.addEventListener('change', () => { under.hidden = field.value() !== '13-14'; });
  return field;
}

// Where a member who gave no band goes after logging in (asked once per log-in, never forced).
export function afterLogin(me, next) {
  return me && me.age_band === null ? `/age?next=${encodeURIComponent(next)}` : next;
}

function bandForm(ctx, label, done) {
  const me = session.current();
  const field = ageBandField(me && me.age_band);
  const form = buildForm([field], submitButton(label));
  form.onSubmit(async () => {
    if (!form.check([[field, field.value() ? null : 'required']])) return;
    let body = null;
    if (!await form.send(async () => { body = await api.patch('/api/v1/me', { age_band: field.value() }); })) return;
    session.update(body);
    done(body);
  });
  return form.form;
}

// The settings section.
export function ageSection(ctx) {
  const me = session.current();
  const line = h('p', { class: 'notice success', hidden: true });
  // under 15 without a parent's agreement: what is limited, and the form that asks a parent
  const limited = h('div', { class: 'stack' }, h('p', { class: 'notice' }, t('age.limited')), parentForm(ctx));
  limited.hidden = !(me && me.age_limited);
  return h('section', { class: 'panel', 'aria-labelledby': 'settings-age' },
    h('h2', { id: 'settings-age' }, t('age.heading')),
    limited,
    bandForm(ctx, t('age.submit'), (body) => {
      limited.hidden = !body.age_limited;
      line.textContent = t('age.saved');
      line.hidden = false;
      ctx.announce(t('age.saved'));
    }),
    line);
}

// /age?next=: asked after a log-in.
export function render(ctx) {
  const next = ctx.safeNext(ctx.query.get('next'));
  return [
    h('h1', {}, t('age.ask.title')),
    h('p', {}, t('age.ask.intro')),
    bandForm(ctx, t('age.ask.submit'), () => ctx.navigate(next, { notice: t('age.saved') })),
    h('p', {}, h('a', { href: next }, t('age.ask.later'))),
  ];
}
