// pages/comm_emergency.js - rule R3 in communities (issue 12). When a thread or a reply reads as
// an emergency, the API's 201 answer carries "emergency" (the numbers of the message's language
// and supportive words). The page that follows (the thread) shows it first, calmly: a labelled
// region in the site's own colours, never a red alarm, with the numbers as big call links.
import { h } from '../dom.js';

// The wording of the call links follows the message's language, like the numbers.
const LINKS = {
  fr: { call: 'Appeler le {n}', sms: 'SMS au {n}' },
  en: { call: 'Call {n}', sms: 'Text {n}' },
};

let pending = null;

// Keeps the emergency object of a post just published in thread threadId, for the next render.
export function holdEmergency(emergency, threadId) {
  pending = emergency ? { emergency, threadId: String(threadId) } : null;
}

// The held emergency object when it belongs to thread threadId, or null. It stays while the
// author is on that thread (the page may be drawn again: a reaction, a read marker); drawing
// another thread or a space lets it go.
export function takeEmergency(threadId) {
  if (!pending) return null;
  if (pending.threadId !== String(threadId)) {
    pending = null;
    return null;
  }
  return pending.emergency;
}

// Lets the held emergency object go (another page is drawn).
export function dropEmergency() {
  pending = null;
}

function numberItem(n, lang) {
  const words = LINKS[lang] || LINKS.fr;
  const text = (n.sms ? words.sms : words.call).replace('{n}', n.number);
  const href = `${n.sms ? 'sms' : 'tel'}:${n.number.replace(/\s+/g, '')}`;
  return h('li', {}, h('a', { class: 'comm-number', href }, text), ' ', h('span', {}, n.label));
}

// The panel an author sees first: heading, supportive message, the numbers.
export function emergencyPanel(e) {
  return h('section', { class: 'comm-emergency', lang: e.language, 'aria-labelledby': 'comm-emergency-h' },
    h('h2', { id: 'comm-emergency-h', tabindex: '-1' }, e.heading),
    h('p', {}, e.message),
    h('ul', { class: 'comm-numbers' }, e.numbers.map((n) => numberItem(n, e.language))));
}
