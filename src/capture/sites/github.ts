/**
 * GitHub user pages (github.com/<login>), not organisations or repositories. The profile sidebar carries
 * schema.org Person microdata and h-card classes; both are read here so a change to one keeps the other.
 */
import type { SiteAdapter } from '../found';
import { type Rule, readFields } from './rules';

const NAME: Rule[] = [
  { css: '[itemprop="name"]', layout: 'user sidebar microdata, 2017–2026' },
  { css: '.vcard-fullname, .p-name', layout: 'user sidebar h-card classes, 2017–2026' },
];
const COMPANY: Rule[] = [
  { css: '[itemprop="worksFor"]', layout: 'user sidebar microdata, 2017–2026' },
  { css: '.p-org', layout: 'user sidebar h-card class, 2017–2026' },
];
const LOCATION: Rule[] = [
  { css: '[itemprop="homeLocation"]', layout: 'user sidebar microdata, 2017–2026' },
  { css: '.p-label', layout: 'user sidebar h-card class, 2017–2026' },
];
const ROLE: Rule[] = [{ css: '.p-note, [data-bio-text]', layout: 'user bio, 2019–2026 (a bio, used as the role)' }];
const PHOTO: Rule[] = [
  { css: 'img.avatar-user', attr: 'src', layout: 'user avatar, 2020–2026' },
  { css: 'a[itemprop="image"]', attr: 'href', layout: 'user avatar link, 2017–2019' },
  { css: 'img.avatar.u-photo', attr: 'src', layout: 'user avatar, 2017–2019' },
];

/** Organisation pages name themselves in this meta tag ("organization:123"); users say "user:123". */
function isOrganisation(doc: Document): boolean {
  const tag = doc.querySelector('meta[name="hovercard-subject-tag"]')?.getAttribute('content') ?? '';
  return tag.startsWith('organization:') || !!doc.querySelector('[itemtype$="schema.org/Organization"]');
}

export const github = {
  id: 'github',
  isProfile: (page) => !isOrganisation(page.doc),
  extract(page) {
    const side =
      page.doc.querySelector('[itemtype$="schema.org/Person"]') ?? page.doc.querySelector('.h-card') ?? page.doc;
    const found = readFields(
      side,
      { name: NAME, role: ROLE, company: COMPANY, location: LOCATION, photo: PHOTO },
      page.href,
    );
    // Organisations are shown as "@acme" in the sidebar.
    if (found.company) found.company = found.company.replace(/^@/, '');
    return found;
  },
} satisfies SiteAdapter;
