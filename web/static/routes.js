// routes.js - the pages of the front end and the links of the main navigation, as data.
// A later capability adds a page by adding one line here and one module under pages/.
//
// Route: { path, load, access?, data? }. `path` may hold parameters (/c/:slug -> params.slug).
// `data`: the GETs the page makes first when opened without a query string, its parameters
// written :name, exactly as the page asks them once filled in: the server preloads them from
// the shell of the page's path (<link rel="preload" as="fetch">, scripts/embed.py and
// http_static.c read this line: plain strings only) and api.js prefetch takes the answers
// (tests/e2e/pageload.test.mjs checks that nothing is asked twice).
// `access`: 'member' (a session is required: visitors are sent to /login?next=...),
// 'visitor' (only without a session: members are sent home), or absent (everyone).
// Nav entry: { href, key, when?, needs?, role? } with `when` 'visitor' or 'member' (absent:
// always shown), `needs` 'registration' for links that only make sense while sign-up is open,
// `role` for links shown only to members holding that role, or one of a list of roles, and
// `count: 'notifications'` for the link whose text says how many notifications are unread.

export const routes = [
  { path: '/', load: () => import('./pages/home.js'), data: ['/api/v1/spaces', '/api/v1/campaigns/current'] },
  { path: '/signup', load: () => import('./pages/signup.js'), access: 'visitor' },
  { path: '/login', load: () => import('./pages/login.js'), access: 'visitor' },
  { path: '/settings', load: () => import('./pages/settings.js'), access: 'member' },
  // learning and prevention (issue 21)
  { path: '/age', load: () => import('./pages/learn_age.js'), access: 'member' },
  { path: '/campaigns', load: () => import('./pages/learn_campaigns.js'), access: 'member' },
  { path: '/learn', load: () => import('./pages/learn_courses.js') },
  { path: '/learn/:slug', load: () => import('./pages/learn_course.js') },
  { path: '/learn/:slug/:lesson', load: () => import('./pages/learn_course.js') },
  { path: '/learn-edit', load: () => import('./pages/learn_edit.js'), access: 'member' },
  { path: '/learn-edit/:slug', load: () => import('./pages/learn_edit.js'), access: 'member' },
  { path: '/parent-confirm/:token', load: () => import('./pages/learn_parent.js') },
  // data rights (issue 18)
  { path: '/privacy', load: () => import('./pages/privacy.js'), access: 'member' },
  { path: '/admin/register', load: () => import('./pages/admin_register.js'), access: 'member' },
  // administration in the browser (issue 17)
  { path: '/admin', load: () => import('./pages/admin.js'), access: 'member' },
  { path: '/admin/spaces', load: () => import('./pages/admin_spaces.js'), access: 'member' },
  { path: '/admin/spaces/:slug', load: () => import('./pages/admin_space.js'), access: 'member' },
  { path: '/admin/institutions', load: () => import('./pages/admin_institutions.js'), access: 'member' },
  { path: '/admin/institutions/:slug', load: () => import('./pages/admin_institution.js'), access: 'member' },
  { path: '/admin/accounts', load: () => import('./pages/admin_accounts.js'), access: 'member' },
  { path: '/admin/log', load: () => import('./pages/admin_log.js'), access: 'member' },
  { path: '/admin/settings', load: () => import('./pages/admin_settings.js'), access: 'member' },
  { path: '/terms', load: () => import('./pages/instance_page.js') },
  { path: '/privacy-policy', load: () => import('./pages/instance_page.js') },
  { path: '/notifications', load: () => import('./pages/notifications.js'), access: 'member' },
  // e-mail and account recovery (issue 17)
  { path: '/password-reset', load: () => import('./pages/password_reset.js'), access: 'visitor' },
  { path: '/password-reset/:token', load: () => import('./pages/password_reset_token.js') },
  { path: '/confirm-email/:token', load: () => import('./pages/confirm_email.js') },
  { path: '/admin/mail', load: () => import('./pages/admin_mail.js'), access: 'member' },
  { path: '/settings/security', load: () => import('./pages/security.js'), access: 'member' },
  // communities and validated information (issue 5)
  { path: '/c', load: () => import('./pages/comm_spaces.js') },
  { path: '/c/:slug', load: () => import('./pages/comm_space.js') },
  { path: '/t/:id', load: () => import('./pages/comm_thread.js'),
    data: ['/api/v1/threads/:id'] },
  { path: '/articles', load: () => import('./pages/comm_articles.js') },
  { path: '/articles/:id', load: () => import('./pages/comm_article.js') },
  { path: '/search', load: () => import('./pages/comm_search.js') },
  { path: '/moderation', load: () => import('./pages/comm_moderation.js'), access: 'member' },
  // the professional network (issue 7)
  { path: '/verification', load: () => import('./pages/verification.js'), access: 'member' },
  { path: '/pro', load: () => import('./pages/pro.js'), access: 'member' },
  { path: '/pro/cases/new', load: () => import('./pages/pro_case_new.js'), access: 'member' },
  { path: '/pro/cases/:id', load: () => import('./pages/pro_case.js'), access: 'member' },
  { path: '/pro/reviews/:id', load: () => import('./pages/pro_review.js'), access: 'member' },
  { path: '/u/:handle', load: () => import('./pages/pro_profile.js'), access: 'member' },
  // the relation desk (issue 6)
  { path: '/desk', load: () => import('./pages/desk.js'), access: 'member' },
  { path: '/desk/requests/:id', load: () => import('./pages/desk_request.js'), access: 'member' },
  { path: '/desk/:slug/queue', load: () => import('./pages/desk_queue.js'), access: 'member',
    data: ['/api/v1/institutions/:slug/desk/queue?status=open'] },
  { path: '/desk/:slug/dashboard', load: () => import('./pages/desk_dashboard.js'), access: 'member' },
  { path: '/desk/:slug/avis', load: () => import('./pages/desk_public.js') },
  { path: '/desk/:slug/settings', load: () => import('./pages/desk_settings.js'), access: 'member' },
  { path: '/desk/:slug', load: () => import('./pages/desk_new.js'), access: 'member' },
  // links written before the form moved to /desk/:slug (the guidance of earlier versions)
  { path: '/desk/:slug/new', load: () => import('./pages/desk_new.js'), access: 'member' },
  // direct messages, end-to-end encrypted (issue 20)
  { path: '/messages', load: () => import('./pages/messages.js'), access: 'member' },
  { path: '/messages/new', load: () => import('./pages/messages_new.js'), access: 'member' },
  { path: '/messages/:id', load: () => import('./pages/messages_conv.js'), access: 'member' },
  // the design system's components, for developers (docs/ui.md): no login, no navigation link
  { path: '/dev/ui', load: () => import('./pages/dev_ui.js') },
];

export const notFound = () => import('./pages/notfound.js');

export const nav = [
  { href: '/', key: 'nav.home' },
  { href: '/signup', key: 'nav.signup', when: 'visitor', needs: 'registration' },
  { href: '/login', key: 'nav.login', when: 'visitor' },
  { href: '/settings', key: 'nav.settings', when: 'member' },
  { href: '/notifications', key: 'nav.notifications', when: 'member', count: 'notifications' },
  { href: '/c', key: 'nav.communities' },
  { href: '/articles', key: 'nav.articles' },
  { href: '/search', key: 'nav.search' },
  { href: '/learn', key: 'nav.courses' },
  { href: '/pro', key: 'nav.pro', when: 'member' },
  { href: '/desk', key: 'nav.desk', when: 'member' },
  { href: '/messages', key: 'nav.messages', when: 'member', count: 'messages' },
  { href: '/campaigns', key: 'nav.campaigns', role: 'editor' },
  { href: '/moderation', key: 'nav.moderation', role: ['moderator', 'space_moderator'] },
  { href: '/admin/mail', key: 'nav.mail', role: 'administrator' },
  { href: '/verification', key: 'nav.verification', role: ['administrator', 'institution_admin'] },
  { href: '/admin', key: 'nav.admin', role: ['administrator', 'institution_admin'] },
];

// Paths the server answers itself: links to them are followed normally, never routed here.
export const serverPaths = ['/api/', '/static/', '/healthz', '/metrics', '/.well-known/', '/problems/'];

function compile(path) {
  const names = [];
  const source = path.replace(/:(\w+)/g, (m, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { re: new RegExp(`^${source}/?$`), names };
}

const compiled = routes.map((r) => ({ ...r, ...compile(r.path) }));

// The first GETs (`data`) of a route found by match() for a page opened with query string
// `search`: none with a query (it changes what the page asks), else its :names filled in.
export function firstData(found, search) {
  if (!found.route.data || search) return [];
  return found.route.data.map((p) => p.replace(/:(\w+)/g, (m, name) => encodeURIComponent(found.params[name])));
}

// The route for a pathname and its decoded parameters, or null.
export function match(pathname) {
  for (const r of compiled) {
    const m = r.re.exec(pathname);
    if (!m) continue;
    const params = {};
    try {
      r.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]); });
    } catch {
      return null;
    }
    return { route: r, params };
  }
  return null;
}
