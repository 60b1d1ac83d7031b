// pages/notfound.js - the view for a path no route knows.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export const titleKey = 'notfound.title';

export function render() {
  return [
    h('h1', {}, t('notfound.title')),
    h('p', {}, t('notfound.body')),
    h('p', {}, h('a', { href: '/' }, t('notfound.home'))),
  ];
}
