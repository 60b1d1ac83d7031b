// pages/learn_offer.js - a short lesson offered where it matters (issue 21, R7): before a
// member's first post, before a professional's first case photo, on the desk page, and when
// the publishing check finds identifiers. Offered, never imposed: a closed disclosure that
// takes no room until the server says there is a lesson for this place; opened, it shows the
// lesson in the page (a draft being written stays as it is) and links to its questions.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { postBody } from './comm_ui.js';
import './learn_i18n.js';
import { colon } from '../ui.js';

export function courseOffer(at, { level = 3 } = {}) {
  const box = h('aside', { class: 'offer', hidden: true });
  api.get(`/api/v1/course-offers?at=${encodeURIComponent(at)}`).then(async (r) => {
    const o = r && r.offers && r.offers[0];
    if (!o) return;
    const lessonBox = h('div', {});
    const back = `${window.location.pathname}${window.location.search}`;
    const details = h('details', {},
      h('summary', {}, colon(t('offer.title', { n: o.minutes })), o.title),
      h('p', { class: 'hint' }, t('offer.text', { title: o.title, course: o.course_title })),
      lessonBox,
      h('p', {}, h('a', { href: `/learn/${encodeURIComponent(o.course)}/${encodeURIComponent(o.lesson)}?back=${encodeURIComponent(back)}` }, t('offer.open'))));
    details.addEventListener('toggle', async () => {
      if (!details.open || lessonBox.childNodes.length) return;
      const c = await api.get(`/api/v1/courses/${encodeURIComponent(o.course)}`).catch(() => null);
      const l = c && c.lessons.find((x) => x.slug === o.lesson);
      if (l) lessonBox.append(postBody(l.html, level + 1));
    });
    box.append(details);
    box.hidden = false;
  }).catch(() => {});
  return box;
}
