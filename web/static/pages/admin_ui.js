// pages/admin_ui.js - parts shared by the administration pages (issue 17): their strings and
// style sheet, the links between the sections, sending a form whose refusals land next to
// their fields, and a button that acts after a confirmation and redraws the page.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { ApiError } from '../api.js';
import { problemMessage, problemErrors } from '../forms.js';
import { confirmDialog } from '../ui.js';
import './admin_i18n.js';
import * as session from '../session.js';

// The sections of /admin the caller may open (institution administrators: theirs only).
export function sections() {
  const admin = session.hasRole('administrator');
  const all = [
    admin && ['/admin/settings', 'admin.section.settings'],
    admin && ['/admin/spaces', 'admin.section.spaces'],
    ['/admin/institutions', 'admin.section.institutions'],
    admin && ['/admin/accounts', 'admin.section.accounts'],
    ['/verification', 'admin.section.verification'],
    admin && ['/admin/log', 'admin.section.log'],
    admin && ['/admin/register', 'admin.section.register'],
  ].filter(Boolean);
  return h('ul', { class: 'inline-list admin-sections' }, all.map(([href, key]) => h('li', {}, h('a', { href }, t(key)))));
}

export function backLink() {
  return h('p', {}, h('a', { href: '/admin' }, t('admin.back')));
}

// Runs request for form: field errors of a 422 go next to their fields, other refusals to the
// summary. Returns the answer, or null when refused.
export async function adminSend(form, request) {
  try {
    return await request();
  } catch (err) {
    if (err instanceof ApiError && err.status !== 401) {
      form.showErrors(problemErrors(err, form.fields));
      return null;
    }
    throw err;
  }
}

// A button that asks first (when confirm is given), runs act, announces what it did and
// redraws; a refusal is shown next to the button.
export function actionButton(ctx, label, { confirm = null, danger = false, act, done }) {
  const status = h('span', { role: 'status' });
  const button = h('button', {
    type: 'button', class: danger ? 'button danger' : 'button secondary',
    onclick: async () => {
      let values = {};
      if (confirm) {
        values = await confirmDialog({ danger, confirmLabel: label, ...confirm });
        if (!values) return;
      }
      try {
        await act(values);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) throw err;
        status.replaceChildren(h('span', { class: 'field-error' }, problemMessage(err)));
        return;
      }
      ctx.announce(done);
      ctx.redraw();
    },
  }, label);
  return [button, ' ', status];
}

// The page of a section the caller may not open: the server's refusal, said in words.
export function denied(titleKey, textKey = 'admin.denied') {
  return [h('h1', {}, t(titleKey)), h('p', { class: 'notice' }, t(textKey))];
}
