// pages/home.js - the front page: what this instance holds (GET /api/v1/instance), what
// entraide is, its promise ("nobody recognisable"), and the way in (sign up, log in).
import { h } from '../dom.js';
import { t, tn, locale } from '../i18n.js';
import { info } from '../instance.js';
import { problemMessage } from '../forms.js';
import * as session from '../session.js';

export const titleKey = 'home.title';

const COUNTS = ['members', 'spaces', 'threads', 'articles'];

// The first visit reuses the answer fetched at start-up; later ones ask again (counts change).
let visited = false;

function countsSection(instance) {
  const counts = instance && instance.counts && typeof instance.counts === 'object' ? instance.counts : {};
  const items = COUNTS
    .filter((k) => Number.isInteger(counts[k]) && counts[k] >= 0)
    .map((k) => h('li', {}, tn(`home.count.${k}`, counts[k])));
  return h('section', { 'aria-labelledby': 'home-counts' },
    h('h2', { id: 'home-counts' }, t('home.counts.heading')),
    items.length ? h('ul', { class: 'counts' }, items) : h('p', {}, t('home.counts.none')));
}

function welcome(instance) {
  const me = session.current();
  if (me) {
    return h('div', { class: 'actions' },
      h('p', {}, t('home.welcome', { handle: me.handle })),
      h('a', { class: 'button', href: '/settings' }, t('home.cta.settings')));
  }
  const open = !instance || instance.registration_open !== false;
  return h('div', { class: 'actions' },
    open ? h('a', { class: 'button', href: '/signup' }, t('home.cta.signup')) : h('p', {}, t('home.registration_closed')),
    h('a', { class: open ? 'button secondary' : 'button', href: '/login' }, t('home.cta.login')));
}

export async function render(ctx) {
  let instance = null;
  let failure = null;
  try {
    instance = await info({ fresh: visited });
    visited = true;
  } catch (err) {
    failure = err;
  }
  const name = instance && typeof instance.name === 'string' && instance.name ? instance.name : t('app.name');
  ctx.setTitle(name);
  // The description in the page's language (descriptions), else the one the server chose.
  const texts = instance && instance.descriptions && typeof instance.descriptions === 'object' ? instance.descriptions : {};
  const description = typeof texts[locale()] === 'string' && texts[locale()] ? texts[locale()]
    : instance && typeof instance.description === 'string' ? instance.description : '';
  return [
    h('h1', {}, name),
    h('p', { class: 'lead' }, description || t('home.tagline')),
    failure ? h('p', { class: 'notice error' }, t('home.instance_error'), ' ', problemMessage(failure)) : null,
    welcome(instance),
    instance ? countsSection(instance) : null,
    h('section', { 'aria-labelledby': 'home-what' },
      h('h2', { id: 'home-what' }, t('home.what.heading')),
      h('p', {}, t('home.what.body')),
      h('p', {}, t('home.what.labels'))),
    h('section', { 'aria-labelledby': 'home-promise' },
      h('h2', { id: 'home-promise' }, t('home.promise.heading')),
      h('ul', { class: 'promise' },
        ['pseudonym', 'check', 'private', 'consultation'].map((k) => h('li', {}, t(`home.promise.${k}`))))),
  ];
}
