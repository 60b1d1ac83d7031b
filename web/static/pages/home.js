// pages/home.js - the front page: what this instance holds (GET /api/v1/instance), what
// entraide is, its promise ("nobody recognisable"), and the way in (sign up, log in).
import { h } from '../dom.js';
import { t, tn, locale } from '../i18n.js';
import { info } from '../instance.js';
import { api } from '../api.js';
import { emptyState, dateTime } from '../ui.js';
import { problemMessage } from '../forms.js';
import * as session from '../session.js';
import { currentCampaigns, campaignsSection } from './learn_ui.js';

export const titleKey = 'home.title';

const COUNTS = ['members', 'spaces', 'threads', 'articles'];
const RECENT_MAX = 5;

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

// The communities to join (GET /api/v1/spaces: what this visitor or member may read), and the
// recent discussions of the busiest ones, filled in after the page is drawn (no wait for them).
function communities(spaces) {
  const list = spaces.filter((s) => s.kind === 'community');
  return h('section', { 'aria-labelledby': 'home-spaces' },
    h('h2', { id: 'home-spaces' }, t('home.spaces.heading')),
    list.length ? h('ul', { class: 'home-list' }, list.map((s) => h('li', {},
      h('a', { href: `/c/${encodeURIComponent(s.slug)}`, lang: s.language }, s.name),
      s.description ? h('p', { class: 'hint', lang: s.language }, s.description) : null)))
      : emptyState(t('home.spaces.none')),
    h('p', {}, h('a', { href: '/c' }, t('home.spaces.all'))));
}

// While they come, the list holds as many empty rows as there will be discussions (the
// spaces' counts say how many), each as tall as a real one: nothing below moves when they
// arrive (Lighthouse measured a layout shift of 0.157 when the list grew from one line).
function recentSection(spaces) {
  const busiest = spaces.filter((s) => s.kind === 'community' && s.threads > 0)
    .sort((a, b) => b.threads - a.threads).slice(0, 3);
  const expected = Math.min(RECENT_MAX, busiest.reduce((n, s) => n + s.threads, 0));
  const box = h('div', { 'aria-busy': 'true' },
    h('p', { class: 'visually-hidden' }, t('home.recent.loading')),
    expected ? h('ul', { class: 'home-list', 'aria-hidden': 'true' }, Array.from({ length: expected }, () => h('li', { class: 'placeholder' },
      h('span', {}, '\u00a0'), h('p', { class: 'hint' }, '\u00a0'))))
      : h('p', { class: 'hint' }, t('home.recent.loading')));
  Promise.all(busiest.map((s) => api.get(`/api/v1/spaces/${encodeURIComponent(s.slug)}`).catch(() => null)))
    .then((answers) => {
      const threads = answers.filter(Boolean).flatMap((s) => s.threads.map((th) => ({ ...th, space: s })))
        .sort((a, b) => String(b.last_post_at).localeCompare(String(a.last_post_at))).slice(0, RECENT_MAX);
      box.replaceChildren(threads.length ? h('ul', { class: 'home-list' }, threads.map((th) => h('li', {},
        h('a', { href: `/t/${th.id}`, lang: th.space.language }, th.title),
        h('p', { class: 'hint' }, th.space.name, ' · ', dateTime(th.last_post_at)))))
        : emptyState(t('home.recent.none'), h('a', { href: '/c' }, t('home.spaces.all'))));
      box.removeAttribute('aria-busy');
    });
  return h('section', { 'aria-labelledby': 'home-recent' }, h('h2', { id: 'home-recent' }, t('home.recent.heading')), box);
}

export async function render(ctx) {
  let instance = null;
  let failure = null;
  const spacesAsked = api.get('/api/v1/spaces').then((r) => r.spaces || []).catch(() => []);
  const campaignsAsked = currentCampaigns(); // prevention for the caller's age band (issue 21)
  try {
    instance = await info({ fresh: visited });
    visited = true;
  } catch (err) {
    failure = err;
  }
  const spaces = await spacesAsked;
  const campaigns = await campaignsAsked;
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
    campaignsSection(campaigns),
    spaces.length ? recentSection(spaces) : null,
    spaces.length ? communities(spaces) : null,
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
