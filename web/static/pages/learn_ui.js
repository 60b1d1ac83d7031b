// pages/learn_ui.js - parts shared by the pages of learning and prevention (issue 21): the
// style sheet, the strings (added to t()), and campaign cards. A card posts one "view" once
// it is on screen and a "click" when a link in it is followed: counted per campaign, band and
// day by the server, never per person. Campaign bodies are the server's cmark output, turned
// into nodes through the communities' allow-list (never innerHTML).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { postBody } from './comm_ui.js';
import './learn_i18n.js';
import { day } from '../ui.js';

function seen(id, kind) {
  return api.post(`/api/v1/campaigns/${id}/seen`, { kind }).catch(() => null);
}

// One campaign as an <article>; headings start at `level`. count: false for the editors'
// preview (not a view).
export function campaignCard(c, level = 3, { count = true } = {}) {
  const body = postBody(c.html, level + 1);
  const card = h('article', { class: 'campaign', lang: c.language, 'aria-labelledby': `campaign-${c.id}` },
    h(`h${level}`, { id: `campaign-${c.id}` }, c.title),
    h('p', { class: 'meta' }, c.institution ? t('campaign.by', { name: c.institution.name }) : t('campaign.instance'),
      ' · ', t(`campaigns.topic.${c.topic}`), ' · ', t('campaign.until', { date: day(c.ends_at) })),
    body);
  if (!count) return card;
  for (const a of body.querySelectorAll('a[href]')) {
    a.addEventListener('click', (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) {
        seen(c.id, 'click');
        return;
      }
      ev.preventDefault();
      const href = a.href;
      // counted, then followed (at most half a second later)
      Promise.race([seen(c.id, 'click'), new Promise((ok) => setTimeout(ok, 500))])
        .then(() => { window.location.assign(href); });
    });
  }
  if ('IntersectionObserver' in window) {
    const watch = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      watch.disconnect();
      seen(c.id, 'view');
    });
    watch.observe(card);
  } else {
    setTimeout(() => seen(c.id, 'view'), 0);
  }
  return card;
}

// The campaigns running for the caller (GET /api/v1/campaigns/current), or [] on failure.
export function currentCampaigns() {
  return api.get('/api/v1/campaigns/current').then((r) => (r && Array.isArray(r.campaigns) ? r.campaigns : [])).catch(() => []);
}

// The home page's section: nothing when no campaign runs for the caller.
export function campaignsSection(list) {
  if (!list.length) return null;
  return h('section', { 'aria-labelledby': 'home-campaigns' },
    h('h2', { id: 'home-campaigns' }, t('campaign.heading')),
    list.map((c) => campaignCard(c, 3)));
}
