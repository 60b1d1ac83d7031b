// pages/pro_case_new.js - /pro/cases/new: a professional presents a case. The text goes
// through the de-identification check (names, contacts and numbers block; places, dates and
// ages are pointed out), the patient's consent is recorded (who, how, when; never shown to
// readers), and an optional photo is previewed in a canvas where the author drags the extra
// areas to cover; the server removes metadata and covers faces and those areas.
import { h } from '../dom.js';
import { api } from '../api.js';
import { textField, fileField, radioGroup, buildForm, submitButton } from '../forms.js';
import { courseOffer } from './learn_offer.js';
import './pro_i18n.js';
import { proSend, textArea, select, maskEditor, masksText } from './pro_ui.js';
import { t } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'case.new.title';

function readAsDataUrl(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export async function render(ctx) {
  stylesheet('pro');
  ctx.setTitle(t('case.new.title'));
  // the professional spaces of the communities (issue 5) the case may belong to
  const listed = await api.get('/api/v1/spaces');
  const spaces = (listed.spaces || []).filter((s) => s.visibility === 'professionals');
  const space = select({ name: 'space', label: t('case.space'), value: spaces.length ? spaces[0].slug : '',
    options: [{ value: '', label: t('case.space.none') }, ...spaces.map((s) => ({ value: s.slug, label: s.name }))] });
  const title = textField({ name: 'title', label: t('case.title'), attrs: { maxlength: 160 } });
  const body = textArea({ name: 'body', label: t('case.body'), hint: t('case.body.hint') });
  const who = radioGroup({ name: 'consent_who', legend: t('case.consent.who'), value: 'patient',
    options: ['patient', 'legal-representative'].map((v) => ({ value: v, label: t(`case.consent.who.${v}`) })) });
  const how = radioGroup({ name: 'consent_how', legend: t('case.consent.how'), value: 'oral',
    options: ['oral', 'written', 'electronic'].map((v) => ({ value: v, label: t(`case.consent.how.${v}`) })) });
  const on = textField({ name: 'consent_on', label: t('case.consent.on'), value: new Date().toISOString().slice(0, 10), attrs: { inputmode: 'numeric', maxlength: 10 } });
  const photo = fileField({ name: 'image', label: t('case.photo'), hint: t('case.photo.hint'), accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif' });
  const editor = maskEditor();
  let dataUrl = null;
  photo.input.addEventListener('change', async () => {
    const file = photo.input.files && photo.input.files[0];
    dataUrl = file ? await readAsDataUrl(file) : null;
    if (dataUrl) {
      try { await editor.load(dataUrl); } catch { /* HEIF: no preview in the browser, masks by text */ }
    }
  });
  const fields = [space, title, body, who, how, on, photo, editor.field];
  const consent = h('fieldset', { class: 'field' }, h('legend', {}, t('case.consent')),
    h('p', { class: 'hint' }, t('case.consent.hint')), who.el, how.el, on.el);
  const audience = h('p', { class: 'notice' }, t('case.audience'));
  const ctl = buildForm([], submitButton(t('case.submit')));
  ctl.fields.push(...fields);
  ctl.form.insertBefore(h('div', {}, space.el, title.el, body.el, consent, courseOffer('first-case-photo'), photo.el, editor.el, audience), ctl.form.lastChild);
  ctl.onSubmit(async () => {
    const caseBody = { title: title.value().trim(), body: body.value().trim(), consent_who: who.value(), consent_how: how.value(), consent_on: on.value().trim() };
    if (space.value()) caseBody.space = space.value();
    const created = await proSend(ctl, () => api.post('/api/v1/cases', caseBody));
    if (!created) return;
    let notice = created.pointed_out.length
      ? t('case.pointed', { list: created.pointed_out.map((p) => p.text).join(', ') }) : null;
    if (dataUrl) {
      const sent = await proSend(ctl, () => api.post(`/api/v1/cases/${created.id}/photos`, { image: dataUrl, masks: masksText(editor.rects()) }));
      if (!sent) return;
      const masks = sent.regions.filter((r) => r.source === 'mask').length;
      notice = [notice, t('case.photo.sent', { faces: sent.faces, masks })].filter(Boolean).join(' ');
    }
    ctx.navigate(`/pro/cases/${created.id}`, { notice });
  });
  return [h('h1', {}, t('case.new.title')), ctl.form];
}
