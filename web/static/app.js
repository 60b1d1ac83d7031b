// app.js - starts the front end: finds out who is there, sets the language, draws the header
// and footer, and routes the History API paths to the page modules listed in routes.js.
//
// Accessibility duties kept here so no page can forget them: one <h1> per page, focus moved
// to it on every route change (not on the first load), the document title, the current
// navigation link marked with aria-current, and announcements in the aria-live region.
import { h, fragment } from './dom.js';
import { t, tn, locale, isLocale, loadLocale, setLocale, storedLocale, storeLocale, isOffered, setOffered, offeredLocales, localeName, prepareFormatters } from './i18n.js';
import { api, ApiError, setLanguage, prefetch, dropPrefetched } from './api.js';
import * as session from './session.js';
import { nav, notFound, serverPaths, match, firstData } from './routes.js';
import { problemMessage } from './forms.js';
import { registrationOpen, info } from './instance.js';

const main = document.getElementById('main');
const header = document.getElementById('site-header');
const footer = document.getElementById('site-footer');
const announcer = document.getElementById('announcer');
const skipLink = document.getElementById('skip-link');

let renderedPath = null;
let renderToken = 0;
let pendingNotice = null;
let firstRender = true;
let registrationIsOpen = true;
let localeReady = Promise.resolve(); // a language change under way (the member's setting)

// Switches the interface to a language once its catalogue is loaded (only the page's language
// is fetched; the shell preloads it).
async function applyLocale(value) {
  await loadLocale(value);
  setLocale(value);
  setLanguage(value);
}

// Says `message` through the live region (cleared first so a repeated message is read again).
function announce(message) {
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = message; }, 100);
}

function isRoutable(url) {
  return url.origin === window.location.origin
    && !serverPaths.some((p) => url.pathname === p.replace(/\/$/, '') || url.pathname.startsWith(p));
}

// Goes to `path` in the front end. Options: replace (no new history entry), notice (a message
// shown at the top of the next page and announced).
function navigate(path, { replace = false, notice = null } = {}) {
  pendingNotice = notice;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  render();
}

// A local path safe to go back to after logging in (no other origin, no protocol tricks).
function safeNext(value) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return isRoutable(new URL(value, window.location.origin)) ? value : '/';
}

// Switches the interface language, saving the choice in the account (PATCH /api/v1/me) for
// a member and in localStorage in every case. Throws ApiError when the server refuses.
async function changeLocale(value) {
  if (!isOffered(value) || value === locale()) return;
  const focusKey = focusKeyNow();
  if (session.current()) session.update(await api.patch('/api/v1/me', { locale: value }));
  storeLocale(value);
  await applyLocale(value);
  await render({ keepFocus: true, focusKey });
  announce(t('lang.changed'));
}

// An action outside a form failed: a 401 means the session ended; anything else is said.
function onActionError(err) {
  if (err instanceof ApiError && err.status === 401) session.expire();
  else announce(problemMessage(err));
}

async function logOut() {
  try {
    await session.logOut();
  } catch (err) {
    announce(problemMessage(err));
    return;
  }
  navigate('/', { notice: t('logout.done') });
}

function drawHeader() {
  const me = session.current();
  const path = window.location.pathname;
  const links = nav
    .filter((n) => !n.when || (n.when === 'member') === Boolean(me))
    .filter((n) => n.needs !== 'registration' || registrationIsOpen)
    .filter((n) => !n.role || [].concat(n.role).some((r) => session.hasRole(r)))
    .map((n) => h('li', {}, h('a', { href: n.href, 'aria-current': n.href === path ? 'page' : null,
      'data-count': n.count || null }, t(n.key))));
  if (me) {
    links.push(h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: logOut }, t('nav.logout'))));
  }
  // the switcher only when the instance offers another language (its administrator's setting)
  const other = offeredLocales().find((l) => l !== locale());
  // Under 600 px the links fold behind a menu button (style.css hides the closed list there);
  // wider, the button is hidden and the links always show.
  const navList = h('ul', { id: 'site-nav-list' }, links);
  const navEl = h('nav', { 'aria-label': t('nav.label'), 'data-open': 'false' }, navList);
  const menu = h('button', { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'site-nav-list', 'data-focus-key': 'menu-toggle' },
    h('span', { class: 'menu-icon', 'aria-hidden': 'true' }), h('span', { class: 'menu-label' }, t('nav.menu')));
  menu.addEventListener('click', () => {
    const open = menu.getAttribute('aria-expanded') !== 'true';
    menu.setAttribute('aria-expanded', String(open));
    navEl.setAttribute('data-open', String(open));
  });
  navEl.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && navEl.getAttribute('data-open') === 'true') {
      menu.click();
      menu.focus();
    }
  });
  // the brand of the shell is kept (a new <img> would ask for the logo again)
  let brand = header.querySelector('a.brand');
  if (!brand) {
    brand = h('a', { class: 'brand', href: '/' },
      h('img', { src: '/static/logo.svg', alt: '', width: '32', height: '32' }), h('span', {}));
  }
  brand.querySelector('span').textContent = t('app.name');
  header.replaceChildren(
    brand,
    other ? h('button', { type: 'button', class: 'lang-switch', 'data-focus-key': 'lang-switch', onclick: () => changeLocale(other).catch(onActionError) },
      h('span', { class: 'visually-hidden' }, t('lang.switch')), ' ',
      h('span', { lang: other }, localeName(other))) : null,
    menu,
    navEl);
}

// The unread counts in the notifications and messages links (issues 17 and 20): asked after
// each page is drawn, so the page never waits for them; reading them marks nothing read.
const counts = [
  ['notifications', '/api/v1/notifications?limit=1', (r) => tn('nav.notifications.count', r.unread)],
  ['messages', '/api/v1/me/unread-messages',
    (r) => (r.more ? t('nav.messages.count.more') : tn('nav.messages.count', r.unread))],
];

function drawCounts() {
  if (!session.current()) return;
  for (const [name, url, text] of counts) {
    const link = header.querySelector(`a[data-count="${name}"]`);
    if (!link) continue;
    api.get(url).then((r) => {
      if (link.isConnected && r.unread > 0) link.textContent = text(r);
    }).catch(() => {
      // the count is a courtesy: the page works without it
    });
  }
}

// The instance's terms and privacy policy, when its administrator wrote them (issue 17).
async function drawFooterLinks() {
  let i = null;
  try {
    i = await info();
  } catch {
    return;
  }
  const pages = (i && i.pages) || {};
  const links = [['terms', '/terms', 'footer.terms'], ['privacy', '/privacy-policy', 'footer.privacy']]
    .filter(([k]) => pages[k]).map(([, href, key]) => h('li', {}, h('a', { href }, t(key))));
  if (links.length && !footer.querySelector('.footer-links')) footer.append(h('ul', { class: 'inline-list footer-links' }, links));
}

function drawChrome() {
  skipLink.textContent = t('skip');
  drawHeader();
  drawCounts();
  footer.replaceChildren(
    h('p', {}, t('footer.promise')),
    h('p', {}, t('footer.emergency')));
  drawFooterLinks();
}

function errorView(err) {
  return [h('h1', {}, t('error.title')), h('p', {}, problemMessage(err))];
}

// Draws the page of the current location. keepFocus: re-draw in place (language change):
// the focus goes back to the element with the same data-focus-key (or to the heading)
// instead of being lost with the old nodes.
// The modules of a page (its module and its static imports, transitively, but for the
// shell's) and the stylesheets they add, asked for at once instead of one level of imports
// per round trip: the embedded shell lists them for each route (<script type=
// "application/json" id="module-graph">, made by scripts/embed.py). Without the list
// (serve --web), they come as they are found.
let moduleGraph;
function preloadPage(route) {
  if (moduleGraph === undefined) {
    try {
      moduleGraph = JSON.parse(document.getElementById('module-graph').textContent);
    } catch {
      moduleGraph = null;
    }
  }
  const files = moduleGraph && moduleGraph[route.path];
  if (!Array.isArray(files)) return;
  const have = new Set([...document.querySelectorAll('link[rel="modulepreload"], link[rel="stylesheet"]')].map((l) => l.getAttribute('href')));
  for (const file of files) {
    const href = `/static/${file}`;
    if (!have.has(href)) document.head.append(h('link', { rel: file.endsWith('.css') ? 'stylesheet' : 'modulepreload', href }));
  }
}

function focusKeyNow() {
  return document.activeElement ? document.activeElement.getAttribute('data-focus-key') : null;
}

async function render({ keepFocus = false, focusKey = keepFocus ? focusKeyNow() : null } = {}) {
  const token = ++renderToken;
  await localeReady;
  const url = new URL(window.location.href);
  const found = match(url.pathname);
  const me = session.current();
  if (found && found.route.access === 'member' && !me) {
    const next = url.pathname + url.search;
    navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true, notice: t('login.required') });
    return;
  }
  if (found && found.route.access === 'visitor' && me) {
    navigate('/', { replace: true, notice: pendingNotice });
    return;
  }
  const notice = pendingNotice;
  pendingNotice = null;
  main.setAttribute('aria-busy', 'true');
  let nodes;
  let title = null;
  try {
    if (found) preloadPage(found.route);
    const page = await (found ? found.route.load() : notFound());
    title = t(page.titleKey);
    const ctx = {
      params: found ? found.params : {},
      query: url.searchParams,
      navigate,
      announce,
      safeNext,
      setTitle: (s) => { title = s; },
      changeLocale,
      redraw: () => render({ keepFocus: true }),
    };
    nodes = await page.render(ctx);
  } catch (err) {
    // A visitor opening something reserved to members (a members-only space, its threads):
    // to the log-in page, which says why and comes back here afterwards.
    if (err instanceof ApiError && err.status === 401 && !session.current() && token === renderToken) {
      main.removeAttribute('aria-busy');
      navigate(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true, notice: t('login.to_read') });
      return;
    }
    title = t('error.title');
    nodes = errorView(err);
  }
  if (token !== renderToken) return; // a newer navigation won
  main.replaceChildren(fragment(notice ? h('p', { class: 'notice' }, notice) : null, nodes));
  main.removeAttribute('aria-busy');
  document.title = `${title} · ${t('app.name')}`;
  renderedPath = url.pathname + url.search;
  drawChrome();
  const h1 = main.querySelector('h1');
  if (h1) h1.setAttribute('tabindex', '-1');
  const again = focusKey ? document.querySelector(`[data-focus-key="${focusKey}"]`) : null;
  if (again) again.focus();
  else if (!firstRender && h1) h1.focus();
  firstRender = false;
  if (notice) announce(notice);
}

function onClick(ev) {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, window.location.href);
  if (!isRoutable(url)) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  ev.preventDefault();
  navigate(url.pathname + url.search);
}

function onPopState() {
  const here = window.location.pathname + window.location.search;
  if (here !== renderedPath) render();
}

async function start() {
  const firstLocale = applyLocale(storedLocale(document.documentElement.lang));
  const member = document.documentElement.hasAttribute('data-member');
  // The page's modules are fetched while /me and /instance are asked, not after them.
  const first = match(window.location.pathname);
  if (first && (first.route.access !== 'member' || member)) preloadPage(first.route);
  if (first) first.route.load().catch(() => {});
  const open = registrationOpen();
  const languages = info().then((i) => i && i.locales, () => null);
  // The shell says whether the request carried a live session (<html data-member>): a
  // visitor's page does not ask /me, whose 401 would be an error in the console.
  const mine = member ? session.refresh().catch(() => null) : null;
  await firstLocale;
  // the locale data of dates and numbers in a task of their own, while the page's data comes
  window.setTimeout(prepareFormatters, 0);
  // ...and the page's first GETs (routes.js `data`), in the page's language
  if (first && (first.route.access !== 'member' || member)) {
    for (const path of firstData(first, window.location.search)) prefetch(path);
  }
  let me = null;
  try {
    me = mine ? await mine : null;
    if (me && isLocale(me.locale) && me.locale !== locale()) await applyLocale(me.locale);
  } catch {
    // The server did not answer /me: carry on as a visitor; pages report their own errors.
  }
  session.onChange((me) => {
    if (me && isOffered(me.locale) && me.locale !== locale()) {
      storeLocale(me.locale);
      // the next page waits for it (render), so a member logging in gets their language
      localeReady = applyLocale(me.locale).then(drawChrome, () => {
        // the catalogue could not be fetched: the interface stays in its language
      });
    }
  });
  session.onExpired(() => {
    const here = window.location.pathname + window.location.search;
    navigate(`/login?next=${encodeURIComponent(here)}`, { notice: t('problem.unauthenticated') });
  });
  skipLink.addEventListener('click', (ev) => {
    ev.preventDefault();
    main.focus();
  });
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPopState);
  // The header now; the footer comes with the first page (drawChrome in render): drawn
  // earlier, it would sit in view and then be pushed down by the page (a layout shift).
  skipLink.textContent = t('skip');
  drawHeader();
  // The first page does not wait for the instance's answer (its languages, whether sign-up
  // is open): the page's own requests go out beside it, not one round trip after it. Should
  // the instance not offer the language drawn (its administrator's setting), the visitor's
  // remembered or browser language gives way to one it offers, and the page is drawn again.
  const drawnWith = `${registrationIsOpen} ${offeredLocales()}`;
  const drawn = render();
  setOffered(await languages);
  registrationIsOpen = await open;
  await drawn;
  dropPrefetched();
  if (!isOffered(locale())) {
    await applyLocale(me && isOffered(me.locale) ? me.locale : storedLocale());
    await render({ keepFocus: true });
  } else if (`${registrationIsOpen} ${offeredLocales()}` !== drawnWith) {
    drawHeader();
  }
}

start();
