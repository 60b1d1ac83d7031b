// pages/dev_ui.js - /dev/ui: every component of the design system (docs/ui.md) on one page,
// for developers: behind no login, linked from nowhere. The browser tests check it with
// axe-core at both sizes, in both languages and both colour schemes.
import { h } from '../dom.js';
import { textField, textArea, select, radioGroup, checkbox, fileField, buildForm, submitButton } from '../forms.js';
import { confirmDialog, notice, emptyState } from '../ui.js';
import { number, percent, dateTime, day, duration, colon, quoted } from '../format.js';
import { td } from './dev_i18n.js';

export const titleKey = 'app.name';

export function render(ctx) {
  ctx.setTitle(td('dev.title'));
  const text = textField({ name: 'dev_text', label: td('dev.field.text'), hint: td('dev.field.text.hint') });
  const bad = textField({ name: 'dev_bad', label: td('dev.field.error') });
  const area = textArea({ name: 'dev_area', label: td('dev.field.area') });
  const choice = select({ name: 'dev_select', label: td('dev.field.select'), options: [{ value: 'a', label: td('dev.field.option.a') }, { value: 'b', label: td('dev.field.option.b') }] });
  const radios = radioGroup({ name: 'dev_radio', legend: td('dev.field.radio'), value: 'a', options: [{ value: 'a', label: td('dev.field.option.a') }, { value: 'b', label: td('dev.field.option.b') }] });
  const check = checkbox({ name: 'dev_check', label: td('dev.field.check') });
  const file = fileField({ name: 'dev_file', label: td('dev.field.file'), accept: 'image/*,application/pdf' });
  const form = buildForm([text, bad, area, choice, radios, check, file], submitButton(td('dev.submit')));
  bad.setError(td('dev.field.error.message'));
  form.onSubmit(async () => { form.showErrors([{ field: bad, message: td('dev.field.error.message') }]); });
  const dialogResult = h('p', { role: 'status' });
  const sample = new Date(Date.UTC(2026, 10, 2, 13, 5));
  return [
    h('h1', {}, td('dev.title')),
    h('p', { class: 'lead' }, td('dev.intro')),
    h('section', { 'aria-labelledby': 'dev-buttons' },
      h('h2', { id: 'dev-buttons' }, td('dev.buttons')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button' }, td('dev.button.primary')),
        h('button', { type: 'button', class: 'button secondary' }, td('dev.button.secondary')),
        h('button', { type: 'button', class: 'button danger' }, td('dev.button.danger')))),
    h('section', { 'aria-labelledby': 'dev-fields' },
      h('h2', { id: 'dev-fields' }, td('dev.fields')),
      form.form),
    h('section', { 'aria-labelledby': 'dev-notices' },
      h('h2', { id: 'dev-notices' }, td('dev.notices')),
      notice(td('dev.notice.info')), notice(td('dev.notice.success'), 'success'), notice(td('dev.notice.error'), 'error')),
    h('section', { 'aria-labelledby': 'dev-empty' },
      h('h2', { id: 'dev-empty' }, td('dev.empty')),
      emptyState(td('dev.empty.text'), h('a', { class: 'button secondary', href: '/dev/ui' }, td('dev.empty.action')))),
    h('section', { 'aria-labelledby': 'dev-dialog' },
      h('h2', { id: 'dev-dialog' }, td('dev.dialog')),
      h('button', { type: 'button', class: 'button danger', onclick: async () => {
        const ok = await confirmDialog({ title: td('dev.dialog.title'), message: td('dev.dialog.body'), confirmLabel: td('dev.dialog.confirm'), danger: true });
        dialogResult.textContent = ok ? td('dev.dialog.done') : td('dev.dialog.cancelled');
      } }, td('dev.dialog.open')),
      dialogResult),
    h('section', { 'aria-labelledby': 'dev-formats' },
      h('h2', { id: 'dev-formats' }, td('dev.formats')),
      h('ul', {},
        h('li', {}, dateTime(sample)), h('li', {}, day(sample)), h('li', {}, day(sample, 'long')),
        h('li', {}, number(1234567.891)), h('li', {}, percent(0.42)),
        h('li', {}, duration(45 * 60)), h('li', {}, duration(263160)),
        h('li', {}, colon(td('dev.field.text')), quoted(td('dev.notice.info'))))),
    h('section', { 'aria-labelledby': 'dev-measure' },
      h('h2', { id: 'dev-measure' }, td('dev.measure')),
      h('p', {}, td('dev.measure.text'))),
  ];
}
