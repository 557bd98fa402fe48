/**
 * XING profiles (www.xing.com/profile/<First_Last>), German and English UI. The profile header is built from
 * XING's design system: components carry `data-xds` attributes and the page's test hooks `data-qa`; the
 * public profile also carries schema.org Person microdata, which the generic chain reads when these miss.
 */
import type { SiteAdapter } from '../found';
import { type Rule, readFields } from './rules';

const NAME: Rule[] = [
  {
    css: '[data-qa="profile-header-name"], [data-qa="malt-profile-display-name"]',
    layout: 'profile header, 2023–2026',
  },
  { css: 'main h1[data-xds="Headline"]', layout: 'profile header xds Headline, 2022–2026' },
  { css: 'main h1', layout: 'any layout: one h1 in main' },
];
const ROLE: Rule[] = [
  { css: '[data-qa="profile-occupation-job-title"]', layout: 'profile header occupation, 2023–2026' },
  {
    css: '[data-qa="profile-header-occupation"] [data-xds="BodyCopy"]:first-child',
    layout: 'header occupation, 2022–2024',
  },
  { css: '[data-qa="profile-occupations"] p:first-child', layout: 'malt profile header occupations, 2019–2022' },
];
const COMPANY: Rule[] = [
  { css: '[data-qa="profile-occupation-company-name"]', layout: 'profile header occupation, 2023–2026' },
  {
    css: '[data-qa="profile-header-occupation"] [data-xds="BodyCopy"]:nth-child(2)',
    layout: 'header occupation, 2022–2024',
  },
  { css: '[data-qa="profile-occupations"] p:nth-child(2)', layout: 'malt profile header occupations, 2019–2022' },
];
const LOCATION: Rule[] = [
  { css: '[data-qa="profile-location"]', layout: 'profile header location, 2023–2026' },
  { css: '[data-qa="profile-header-location"]', layout: 'profile header location, 2022–2024' },
];
const PHOTO: Rule[] = [
  { css: '[data-qa="profile-header-image"] img', attr: 'src', layout: 'profile header image, 2022–2026' },
  { css: 'img[data-xds="ProfileImage"]', attr: 'src', layout: 'xds ProfileImage, 2022–2026' },
  { css: 'img[data-qa="malt-profile-image"]', attr: 'src', layout: 'malt profile header image, 2019–2022' },
];

// XING's default silhouettes (users without a photo).
const isRealPhoto = (url: string) => !/\/assets\/.*(default|placeholder|nobody)|\/users\/nobody_/i.test(url);

export const xing = {
  id: 'xing',
  extract: (page) =>
    readFields(
      page.doc,
      { name: NAME, role: ROLE, company: COMPANY, location: LOCATION, photo: PHOTO },
      page.href,
      isRealPhoto,
    ),
  accept: { photoUrl: isRealPhoto },
} satisfies SiteAdapter;
