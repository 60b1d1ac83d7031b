// ui.js - the design system's components that are not form fields (those are in forms.js):
// the confirmation dialog (a native <dialog>), notices and empty states. docs/ui.md says when
// to use each; /dev/ui shows them all.
//
//   const ok = await confirmDialog({ title: t('...'), message: t('...'), confirmLabel: t('...'), danger: true });
//   if (!ok) return;                                   // cancelled: nothing happened
//   const v = await confirmDialog({ ..., fields: [textArea({ name: 'note', label: t('...') })], required: ['note'] });
//   if (v) await api.post(..., { note: v.note });      // v: each field's value by name
import { h, uid } from './dom.js';
import { t } from './i18n.js';

// Asks before an act that cannot be undone, or that acts on someone else. The dialog is modal
// (showModal: the rest of the page is inert, Escape cancels), labelled by its title, and gives
// the focus back to what had it. preview: nodes shown as they will be sent (a canned reply).
// fields: forms.js fields (textField, textArea, select...); required: names that must be
// filled. Resolves to the fields' values ({} without fields) or null when cancelled.
export function confirmDialog({ title, message = null, preview = null, confirmLabel, cancelLabel = t('dialog.cancel'),
  danger = false, fields = [], required = [] }) {
  return new Promise((resolve) => {
    const id = uid('dialog');
    const opener = document.activeElement;
    const confirm = h('button', { type: 'submit', class: danger ? 'button danger' : 'button', value: 'confirm' }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'button secondary' }, cancelLabel);
    const form = h('form', { class: 'stack', novalidate: true },
      preview ? h('div', { class: 'dialog-preview', id: `${id}-preview` }, preview) : null,
      fields.map((f) => f.el),
      h('div', { class: 'actions' }, confirm, cancel));
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': `${id}-h`, 'aria-describedby': message ? `${id}-msg` : null },
      h('h2', { id: `${id}-h` }, title),
      message ? h('p', { id: `${id}-msg` }, message) : null,
      form);
    let result = null;
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const values = {};
      let firstBad = null;
      for (const f of fields) {
        const v = f.value();
        values[f.name] = v;
        const missing = required.includes(f.name) && !String(v).trim();
        f.setError(missing ? t('reason.required') : null);
        if (missing && !firstBad) firstBad = f;
      }
      if (firstBad) {
        firstBad.focusTarget.focus();
        return;
      }
      result = values;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    (fields.length ? fields[0].focusTarget : cancel).focus();
  });
}

// A message in the page: kind 'info' (default), 'success' or 'error'. Errors are alerts.
export function notice(text, kind = 'info') {
  return h('p', { class: kind === 'info' ? 'notice' : `notice ${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

// What an empty list says, and the way on (an optional link or button).
export function emptyState(text, action = null) {
  return h('div', { class: 'empty-state' }, h('p', {}, text), action);
}
