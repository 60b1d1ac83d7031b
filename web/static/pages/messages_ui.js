// pages/messages_ui.js - parts shared by the direct messages' pages (issue 20): the style
// sheet, the composer and what it does before anything is sealed, and the refusals.
//
// Before sealing (R1, R3), with the engines of issue 16 running in the page
// (/static/privacy/privacy.js): identifiers in the text are pointed out and nothing is sent
// until the writer removes them or keeps them; a text that reads as urgent shows the
// emergency numbers to its writer. Neither the text nor what was found leaves the page
// unencrypted.
import { h } from '../dom.js';
import { t, locale } from '../i18n.js';
import { textArea, fileField, buildForm, submitButton, problemMessage } from '../forms.js';
import { notice, stylesheet } from '../ui.js';
import './messages_i18n.js';
import { emergencyPanel } from './comm_emergency.js';

// The others of a conversation, by handle.
export function others(conv) {
  return conv.members.filter((m) => !m.me).map((m) => m.handle);
}

// The emergency numbers shown to the writer of a message that reads as urgent (R3). The text
// never reaches the server, so the page holds them (the same as src/desk/desk_guard.c's).
const NUMBERS = {
  fr: [
    { number: '15', label: 'SAMU : urgence médicale' },
    { number: '112', label: 'Numéro d’urgence européen' },
    { number: '114', label: 'Personnes sourdes ou malentendantes', sms: true },
    { number: '3114', label: 'Prévention du suicide, 24 h/24' },
  ],
  en: [
    { number: '999', label: 'Emergency (United Kingdom)' },
    { number: '911', label: 'Emergency (United States, Canada)' },
    { number: '988', label: 'Suicide and crisis lifeline (United States)' },
    { number: '112', label: 'Emergency (Europe, and France)' },
    { number: '116 123', label: 'Samaritans (United Kingdom, Ireland): someone to talk to, day and night' },
  ],
};

// The communities' emergency panel (comm_emergency.js, comm.css), with the words of a message.
export function urgentPanel(lang) {
  stylesheet('comm');
  const language = NUMBERS[lang] ? lang : 'fr';
  return emergencyPanel({ language, heading: t('msg.urgent.title'), message: t('msg.urgent.text'), numbers: NUMBERS[language] });
}

// A refusal of POST /conversations or of a message (403 with reason): its explanation, and
// the institution's desk for R2.
export function refusalPanel(err) {
  const p = err.problem || {};
  return h('section', { class: 'panel msg-refused', role: 'alert', 'aria-labelledby': 'msg-refused-h' },
    h('h2', { id: 'msg-refused-h', tabindex: '-1' }, t('msg.refused')),
    h('p', {}, p.explanation || err.detail || err.message),
    p.desk && p.desk.href ? h('p', {}, h('a', { class: 'button secondary', href: p.desk.href }, t('msg.refused.desk'))) : null);
}

function blobToBase64(blob) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

// The composer. send(content) seals and posts {t, img?, mime?}; it is called only once the
// writer has chosen what to do with what the check found. Returns { node, focus }.
export function composer({ send, sanitize, announce }) {
  const text = textArea({ name: 'message', label: t('msg.field'), hint: t('msg.field.hint'), rows: 4, max: 8000 });
  const photo = fileField({ name: 'photo', label: t('msg.photo'), hint: t('msg.photo.hint'), accept: 'image/jpeg,image/png,image/webp,image/heic' });
  const ctl = buildForm([text, photo], submitButton(t('msg.send')));
  const urgent = h('div', {});
  const findings = h('div', {});
  let privacy = null;

  async function deliver(body) {
    const content = { t: body };
    const file = photo.value();
    if (file) {
      const clean = await sanitize(file);
      content.img = await blobToBase64(clean);
      content.mime = clean.type || 'image/jpeg';
    }
    await send(content);
    text.input.value = '';
    photo.input.value = '';
    findings.replaceChildren();
    announce(t('msg.sent'));
  }

  function pointOut(body, found) {
    const done = async (final) => {
      findings.replaceChildren();
      try {
        await deliver(final);
      } catch (err) {
        findings.replaceChildren(notice(problemMessage(err), 'error'));
      }
    };
    const removed = () => {
      let out = body;
      for (const f of [...found].sort((a, b) => b.start - a.start)) out = `${out.slice(0, f.start)}[…]${out.slice(f.end)}`;
      return out;
    };
    const panel = h('section', { class: 'panel msg-findings', role: 'alert', 'aria-labelledby': 'msg-findings-h' },
      h('h2', { id: 'msg-findings-h', tabindex: '-1' }, t('msg.findings.title')),
      h('p', {}, t('msg.findings.intro')),
      h('ul', {}, found.map((f) => h('li', {}, h('mark', {}, body.slice(f.start, f.end)), ` (${t(`msg.type.${f.type}`)})`))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button', onclick: () => done(removed()) }, t('msg.findings.remove')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => done(body) }, t('msg.findings.keep')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => { findings.replaceChildren(); text.input.focus(); } }, t('msg.findings.edit'))));
    findings.replaceChildren(panel);
    panel.querySelector('h2').focus();
  }

  ctl.onSubmit(async () => {
    const body = text.value();
    if (!ctl.check([[text, !body.trim() && !photo.value() ? 'required' : null]])) return;
    findings.replaceChildren();
    if (!privacy) {
      const { loadPrivacy } = await import('/static/privacy/privacy.js');
      privacy = await loadPrivacy();
    }
    const lang = locale();
    const found = body ? privacy.scan(body, 'auto') : [];
    const intent = body ? privacy.classify(body, lang) : { intent: 'none' };
    if (intent.intent === 'urgent') {
      urgent.replaceChildren(urgentPanel(lang));
      urgent.querySelector('h2').focus();
    }
    if (found.length) {
      pointOut(body, found);
      return;
    }
    await deliver(body);
  });
  return { node: h('div', { class: 'msg-composer' }, urgent, findings, ctl.form), focus: () => text.input.focus() };
}
