// pages/dev_ui.js - /dev/ui: every component of the design system (docs/ui.md) on one page,
// for developers: behind no login, linked from nowhere. The browser tests check it with
// axe-core at both sizes, in both languages and both colour schemes.
import { h } from '../dom.js';
import { textField, textArea, select, radioGroup, checkbox, fileField, buildForm, submitButton } from '../forms.js';
import { confirmDialog, notice, emptyState, number, percent, dateTime, day, duration, colon, quoted } from '../ui.js';
import './dev_i18n.js';
import { t } from '../i18n.js';

export const titleKey = 'app.name';

export function render(ctx) {
  ctx.setTitle(t('dev.title'));
  const text = textField({ name: 'dev_text', label: t('dev.field.text'), hint: t('dev.field.text.hint') });
  const bad = textField({ name: 'dev_bad', label: t('dev.field.error') });
  const area = textArea({ name: 'dev_area', label: t('dev.field.area') });
  const choice = select({ name: 'dev_select', label: t('dev.field.select'), options: [{ value: 'a', label: t('dev.field.option.a') }, { value: 'b', label: t('dev.field.option.b') }] });
  const radios = radioGroup({ name: 'dev_radio', legend: t('dev.field.radio'), value: 'a', options: [{ value: 'a', label: t('dev.field.option.a') }, { value: 'b', label: t('dev.field.option.b') }] });
  const check = checkbox({ name: 'dev_check', label: t('dev.field.check') });
  const file = fileField({ name: 'dev_file', label: t('dev.field.file'), accept: 'image/*,application/pdf' });
  const form = buildForm([text, bad, area, choice, radios, check, file], submitButton(t('dev.submit')));
  bad.setError(t('dev.field.error.message'));
  form.onSubmit(async () => { form.showErrors([{ field: bad, message: t('dev.field.error.message') }]); });
  const dialogResult = h('p', { role: 'status' });
  const sample = new Date(Date.UTC(2026, 10, 2, 13, 5));
  return [
    h('h1', {}, t('dev.title')),
    h('p', { class: 'lead' }, t('dev.intro')),
    h('section', { 'aria-labelledby': 'dev-buttons' },
      h('h2', { id: 'dev-buttons' }, t('dev.buttons')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button' }, t('dev.button.primary')),
        h('button', { type: 'button', class: 'button secondary' }, t('dev.button.secondary')),
        h('button', { type: 'button', class: 'button danger' }, t('dev.button.danger')))),
    h('section', { 'aria-labelledby': 'dev-fields' },
      h('h2', { id: 'dev-fields' }, t('dev.fields')),
      form.form),
    h('section', { 'aria-labelledby': 'dev-notices' },
      h('h2', { id: 'dev-notices' }, t('dev.notices')),
      notice(t('dev.notice.info')), notice(t('dev.notice.success'), 'success'), notice(t('dev.notice.error'), 'error')),
    h('section', { 'aria-labelledby': 'dev-empty' },
      h('h2', { id: 'dev-empty' }, t('dev.empty')),
      emptyState(t('dev.empty.text'), h('a', { class: 'button secondary', href: '/dev/ui' }, t('dev.empty.action')))),
    h('section', { 'aria-labelledby': 'dev-dialog' },
      h('h2', { id: 'dev-dialog' }, t('dev.dialog')),
      h('button', { type: 'button', class: 'button danger', onclick: async () => {
        const ok = await confirmDialog({ title: t('dev.dialog.title'), message: t('dev.dialog.body'), confirmLabel: t('dev.dialog.confirm'), danger: true });
        dialogResult.textContent = ok ? t('dev.dialog.done') : t('dev.dialog.cancelled');
      } }, t('dev.dialog.open')),
      dialogResult),
    h('section', { 'aria-labelledby': 'dev-formats' },
      h('h2', { id: 'dev-formats' }, t('dev.formats')),
      h('ul', {},
        h('li', {}, dateTime(sample)), h('li', {}, day(sample)), h('li', {}, day(sample, 'long')),
        h('li', {}, number(1234567.891)), h('li', {}, percent(0.42)),
        h('li', {}, duration(45 * 60)), h('li', {}, duration(263160)),
        h('li', {}, colon(t('dev.field.text')), quoted(t('dev.notice.info'))))),
    h('section', { 'aria-labelledby': 'dev-measure' },
      h('h2', { id: 'dev-measure' }, t('dev.measure')),
      h('p', {}, t('dev.measure.text'))),
  ];
}
