// pages/admin.js - /admin: where the administrator (and an institution administrator, for
// their institutions) finds every part of running the instance from the browser (issue 17).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import * as session from '../session.js';
import { sections, denied } from './admin_ui.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'admin.title';

export async function render() {
  stylesheet('admin');
  if (!session.hasRole('administrator') && !session.hasRole('institution_admin')) return denied('admin.title');
  return [
    h('h1', {}, t('admin.title')),
    h('p', {}, t('admin.intro')),
    sections(),
  ];
}
