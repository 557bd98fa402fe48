/**
 * X (Twitter) profiles: x.com/<handle> and twitter.com/<handle>. The web app renders client-side; what the
 * page holds server-side is JSON-LD ProfilePage (read by the generic chain) and og tags, and after rendering the
 * data-testid hooks below. Titles carry noise: "Name (@handle) / X".
 */
import { cleanName } from '../clean';
import type { Found, SiteAdapter } from '../found';
import { pagePerson } from '../generic/json-ld';
import { personFields } from '../generic/schema';
import { type Rule, readFields } from './rules';

const NAME: Rule[] = [
  { css: '[data-testid="UserName"] span:not(:empty)', layout: 'web app profile header, 2020–2026' },
  { css: '.ProfileHeaderCard-nameLink', layout: 'legacy twitter.com profile card, 2014–2019' },
];
const ROLE: Rule[] = [
  { css: '[data-testid="UserDescription"]', layout: 'web app bio, 2020–2026 (a bio, used as the role)' },
];
const LOCATION: Rule[] = [
  { css: '[data-testid="UserLocation"]', layout: 'web app profile header items, 2020–2026' },
  { css: '.ProfileHeaderCard-locationText', layout: 'legacy twitter.com profile card, 2014–2019' },
];
const PHOTO: Rule[] = [
  { css: 'a[href$="/photo"] img', attr: 'src', layout: 'web app avatar link, 2020–2026' },
  { css: 'img.ProfileAvatar-image', attr: 'src', layout: 'legacy twitter.com avatar, 2014–2019' },
];

export const x = {
  id: 'x',
  extract(page) {
    // <noscript> holds "JavaScript is not available." headings: never read from there.
    // Server-rendered pages carry X's own JSON-LD ProfilePage (2023–2026) and og:title "Name (@handle) on X".
    const person = pagePerson(page.jsonLd());
    const found: Found = person ? personFields(person, page.href) : {};
    const rendered = readFields(page.doc, { name: NAME, role: ROLE, location: LOCATION, photo: PHOTO }, page.href);
    const name =
      rendered.name || found.name || (page.meta('og:type') === 'profile' ? cleanName(page.meta('og:title')) : '');
    return { ...found, ...rendered, ...(name ? { name } : {}) };
  },
  // X's generic og:image card (abs.twimg.com) is not the person; their own photos live on pbs.twimg.com.
  accept: { photoUrl: (url) => !/\/\/abs\.twimg\.com\//.test(url) },
} satisfies SiteAdapter;
