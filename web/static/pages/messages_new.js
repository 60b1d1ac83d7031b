// pages/messages_new.js - /messages/new?to=HANDLE: opens (or finds) the conversation with
// HANDLE and goes to it; without ?to, asks for the handle. A refusal (R2: a member writing to
// a professional; a block) is shown with its explanation and, for R2, the institution's desk.
import { h } from '../dom.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { refusalPanel } from './messages_ui.js';
import { t } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'msg.new.title';

export async function render(ctx) {
  stylesheet('messages');
  const out = h('div', {});
  const open = async (to) => {
    try {
      const r = await api.post('/api/v1/conversations', { with: [to] });
      ctx.navigate(`/messages/${r.conversation.id}`, { replace: true });
      return true;
    } catch (err) {
      if (err.status !== 403) throw err;
      out.replaceChildren(refusalPanel(err));
      out.querySelector('h2').focus();
      return false;
    }
  };
  const to = ctx.query.get('to');
  if (to && await open(to)) return [];
  const handle = textField({ name: 'with', label: t('msg.new.to'), hint: t('msg.new.to.hint'), value: to || '', autocomplete: 'off', attrs: { autocapitalize: 'none', spellcheck: 'false' } });
  const ctl = buildForm([handle], submitButton(t('msg.new.open')));
  ctl.onSubmit(async () => {
    if (!ctl.check([[handle, handle.value().trim() ? null : 'required']])) return;
    await open(handle.value().trim());
  });
  return [h('h1', {}, t('msg.new.title')), out, ctl.form];
}
