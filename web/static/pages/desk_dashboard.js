// pages/desk_dashboard.js - an institution's desk dashboard (/desk/:slug/dashboard):
// requests per type per week, median and 90th-percentile first response time, the share of
// requests redirected to a consultation. The charts are the server's SVG shown as images with
// a text alternative, and the same figures are in a table; CSV export.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { duration, TYPES } from './desk_ui.js';
import { day, percent, stylesheet, number } from '../ui.js';

export const titleKey = 'desk.dashboard.title';

function svgImage(svg, alt) {
  return h('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt });
}

// The table scrolls sideways on a phone: its wrapper is a focusable, named region so the
// keyboard can scroll it too.
function weekTable(d) {
  return h('div', { class: 'desk-scroll', tabindex: '0', role: 'region', 'aria-label': t('desk.dashboard.table') }, h('table', { class: 'desk-table' },
    h('caption', {}, t('desk.dashboard.table')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('desk.dashboard.week')),
      TYPES.map((k) => h('th', { scope: 'col' }, t(`desk.type.${k}`))))),
    h('tbody', {}, d.weeks.map((w) => h('tr', {},
      h('th', { scope: 'row' }, day(w.week)),
      TYPES.map((k) => h('td', {}, number(w.counts[k]))))))));
}

export async function render(ctx) {
  stylesheet('desk');
  const slug = ctx.params.slug;
  const base = `/api/v1/institutions/${encodeURIComponent(slug)}/desk`;
  const d = await api.get(`${base}/dashboard`);
  const share = percent(d.redirected_share);
  const row = (k, v) => [h('dt', {}, t(k)), h('dd', {}, v)];
  const weekTotals = d.weeks.map((w) => TYPES.reduce((s, k) => s + w.counts[k], 0)).join(', ');
  return [
    h('h1', {}, t('desk.dashboard.title')),
    h('dl', { class: 'facts' },
      row('desk.dashboard.total', number(d.total)),
      row('desk.dashboard.median', duration(d.median_first_response_seconds)),
      row('desk.dashboard.p90', duration(d.p90_first_response_seconds)),
      row('desk.dashboard.redirected', t('desk.dashboard.redirected.value', { n: d.redirected, share })),
      row('desk.dashboard.urgent', number(d.urgent)),
      row('desk.dashboard.resolution', duration(d.median_resolution_seconds))),
    h('section', { class: 'desk-chart', 'aria-labelledby': 'desk-ch-weeks' },
      h('h2', { id: 'desk-ch-weeks' }, t('desk.dashboard.weeks')),
      svgImage(d.charts.weeks, t('desk.dashboard.weeks.alt', { totals: weekTotals })),
      weekTable(d)),
    h('section', { class: 'desk-chart', 'aria-labelledby': 'desk-ch-resp' },
      h('h2', { id: 'desk-ch-resp' }, t('desk.dashboard.response')),
      svgImage(d.charts.response, t('desk.dashboard.response.alt', {
        median: duration(d.median_first_response_seconds), p90: duration(d.p90_first_response_seconds) }))),
    h('p', {}, h('a', { class: 'button secondary', href: `${base}/dashboard.csv`, download: `desk-${slug}.csv` }, t('desk.dashboard.csv'))),
    h('p', {}, h('a', { href: `/desk/${encodeURIComponent(slug)}/queue` }, t('desk.queue.back'))),
  ];
}
