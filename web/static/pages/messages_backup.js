// pages/messages_backup.js - the key backup in the page (issue 20): offered on /messages once
// this browser has keys (a passphrase, twice), and offered back on a browser without keys
// when a backup exists, before any new keys are made (restoring reads the old messages; new
// keys would not). The sealing is in messages/crypto.js (Argon2id, crypto_secretbox).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { notice } from '../ui.js';
import { backUp, restore, myKeys } from '../messages/crypto.js';
import './messages_i18n.js';

const MIN = 12; // characters of a passphrase

const passphrase = (name, label, hint) => textField({ name, label, hint, type: 'password', autocomplete: name === 'restore' ? 'current-password' : 'new-password' });

// The backup panel of /messages. exists: a backup is stored already (it is then replaced).
export function backupPanel(ctx, handle, exists, offer) {
  const first = passphrase('passphrase', t('msg.backup.pass'), t('msg.backup.pass.hint', { n: MIN }));
  const again = passphrase('again', t('msg.backup.again'));
  const done = h('div', { role: 'status' });
  const ctl = buildForm([first, again], submitButton(t(exists ? 'msg.backup.replace' : 'msg.backup.save'), 'button secondary'));
  ctl.onSubmit(async () => {
    const p = first.value();
    if (!ctl.check([[first, p.length < MIN ? 'too-short' : null], [again, again.value() !== p ? 'mismatch' : null]])) return;
    await backUp(handle, p);
    ctl.form.reset();
    done.replaceChildren(notice(t('msg.backup.done')));
    ctx.announce(t('msg.backup.done'));
  });
  return h('details', { class: 'msg-backup', open: offer || null },
    h('summary', {}, t('msg.backup')),
    h('p', {}, t(exists ? 'msg.backup.exists' : 'msg.backup.intro')),
    ctl.form, done);
}

// The page shown instead of the messages on a browser without keys when a backup exists.
export function restorePage(ctx, handle) {
  const pass = passphrase('restore', t('msg.restore.pass'));
  const ctl = buildForm([pass], submitButton(t('msg.restore.go')));
  ctl.onSubmit(async () => {
    if (!ctl.check([[pass, pass.value() ? null : 'required']])) return;
    if (!await restore(handle, pass.value())) {
      ctl.showErrors([{ field: pass, message: t('msg.restore.wrong') }]);
      return;
    }
    ctx.announce(t('msg.restore.done'));
    ctx.redraw();
  });
  const fresh = h('button', { type: 'button', class: 'button secondary', onclick: async () => {
    await myKeys(handle);
    ctx.redraw();
  } }, t('msg.restore.new'));
  return [
    h('h1', {}, t('msg.title')),
    h('section', { class: 'panel', 'aria-labelledby': 'msg-restore-h' },
      h('h2', { id: 'msg-restore-h' }, t('msg.restore')),
      h('p', {}, t('msg.restore.intro')),
      ctl.form),
    h('p', {}, t('msg.restore.or')), h('p', {}, fresh),
  ];
}
