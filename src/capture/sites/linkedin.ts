/**
 * LinkedIn profiles: logged-in (2024–2026, class names hashed per build) and logged-out public profiles.
 * Anchors: the single h1 of the profile's top card, links to the current /in/<slug>, aria-labels such as
 * "Current company: …", and JSON-LD on public pages. The viewer's own avatar (global nav) and "people also
 * viewed" cards are outside the top card and never read.
 */
import { cleanName, cleanText, MAX } from '../clean';
import type { Found, SiteAdapter } from '../found';
import type { Page } from '../page';
import { pickName, pickText, pickUrl, type Rule } from './rules';

const NAME: Rule[] = [
  { css: 'a[href*="/in/"] h1', layout: 'logged-in top card: h1 inside the link to /in/<slug>/overlay, 2024–2026' },
  { css: 'h1.top-card-layout__title', layout: 'public profile (public_profile_v3), 2020–2026' },
  { css: 'h1.pv-top-card-section__name', layout: 'logged-in Ember top card, 2017–2019' },
  {
    css: 'ul.pv-top-card--list:not(.pv-top-card--list-bullet) > li:first-child',
    layout: 'logged-in top card, 2019–2021',
  },
  { css: 'h1#name, h1.fn', layout: 'public profile with hCard classes, 2014–2018' },
  { css: 'main h1', layout: 'any layout: the profile page has a single h1 in main' },
];

const HEADLINE: Rule[] = [
  { css: '[data-generated-suggestion-target]', layout: 'logged-in headline div, 2023–2026' },
  { css: '.text-body-medium', layout: 'logged-in headline, artdeco text class (not hashed), 2021–2026' },
  { css: '.top-card-layout__headline', layout: 'public profile headline h2, 2020–2026' },
  { css: '.pv-top-card-section__headline', layout: 'logged-in Ember top card, 2017–2019' },
  { css: '.pv-top-card h2.t-18', layout: 'logged-in top card, 2019–2021' },
  { css: '.headline', layout: 'public profile, 2014–2018' },
];

// "Current company: Acme. Click to skip to experience card" — LinkedIn's UI languages, de and en first.
const CURRENT_COMPANY =
  /^\s*(?:Current company|Aktuelles Unternehmen|Entreprise actuelle|Empresa actual|Huidig bedrijf)\s*:\s*(.+?)(?:\.\s+\S.*)?\s*$/i;
const COMPANY: Rule[] = [
  {
    css: '[aria-label]',
    attr: 'aria-label',
    pattern: CURRENT_COMPANY,
    layout: 'logged-in right panel button, 2022–2026',
  },
  { css: '[data-section="currentPositionsDetails"] .top-card-link__description', layout: 'public top card, 2020–2026' },
  { css: '[data-section="currentPositionsDetails"] .org', layout: 'public profile, 2014–2018' },
  { css: '.pv-top-card-v2-section__company-name', layout: 'logged-in Ember top card, 2018–2019' },
  { css: '.pv-top-card-section__company', layout: 'logged-in Ember top card, 2017–2018' },
  {
    css: '.pv-top-card--experience-list-item a[data-control-name="position_see_more"]',
    layout: 'logged-in top card, 2019–2021',
  },
];

const LOCATION: Rule[] = [
  { css: '.text-body-small.inline.t-black--light.break-words', layout: 'logged-in top card, 2021–2026' },
  { css: '.top-card-layout__first-subline .not-first-middot > span:first-child', layout: 'public top card, 2022–2026' },
  { css: '.top-card__subline-item:first-child', layout: 'public top card, 2019–2021' },
  { css: '.pv-top-card-section__location', layout: 'logged-in Ember top card, 2017–2019' },
  { css: '.pv-top-card--list-bullet > li:first-child', layout: 'logged-in top card, 2019–2021' },
  { css: '.locality', layout: 'public profile hCard, 2014–2018' },
];

const PHOTO: Rule[] = [
  { css: 'img.pv-top-card-profile-picture__image--show', attr: 'src', layout: 'logged-in top card, 2023–2026' },
  { css: 'img.pv-top-card-profile-picture__image', attr: 'src', layout: 'logged-in top card, 2021–2023' },
  { css: 'img.top-card__profile-image', attr: 'data-delayed-url', layout: 'public top card, lazy image, 2020–2026' },
  { css: 'img.top-card__profile-image', attr: 'src', layout: 'public top card, 2020–2026' },
  { css: 'img.pv-top-card__photo', attr: 'src', layout: 'logged-in top card, 2019–2021' },
  { css: 'img.pv-top-card-section__photo', attr: 'src', layout: 'logged-in Ember top card, 2017–2019' },
  { css: '.profile-picture img', attr: 'data-delayed-url', layout: 'public profile, 2014–2018' },
];

/** Static assets (ghost silhouettes, the default og:image) are never a person's photo. */
const isRealPhoto = (url: string) => !/\/\/static\.licdn\.com\/|ghost/i.test(url);

const MAX_CODE_BLOCKS = 80;
const MAX_CODE_CHARS = 3_000_000;

/**
 * LinkedIn's server-rendered JSON (`<code id="bpr-guid-…">`, logged-in pages 2020–2026): the Profile object whose
 * publicIdentifier is the slug in the URL. The same blocks describe the viewer and "people also viewed" too, so
 * only the slug match counts.
 */
function fromCodeBlocks(page: Page): Found {
  const slug = decodeURIComponent(page.url.pathname.split('/')[2] ?? '').toLowerCase();
  const blocks = page.doc.querySelectorAll('code[id^="bpr-guid-"]');
  for (let i = 0; i < blocks.length && i < MAX_CODE_BLOCKS; i++) {
    const text = blocks[i]?.textContent ?? '';
    if (text.length > MAX_CODE_CHARS || !text.includes(slug)) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const included = (data as { included?: unknown })?.included;
    if (!Array.isArray(included)) continue;
    for (const o of included as Record<string, unknown>[]) {
      if (typeof o?.publicIdentifier !== 'string' || o.publicIdentifier.toLowerCase() !== slug) continue;
      const name = cleanName([o.firstName, o.lastName].filter((x) => typeof x === 'string').join(' '));
      if (!name) continue;
      const found: Found = { name };
      const role = cleanText(o.headline, MAX.role);
      if (role) found.role = role;
      const location = cleanText(o.geoLocationName ?? o.locationName, MAX.location);
      if (location) found.location = location;
      return found;
    }
  }
  return {};
}

/**
 * The top card: the section around the profile's h1 (or, in the 2019–2021 layout that had none, its name list),
 * so nothing from the nav or side rails is read.
 */
function topCard(page: Page): ParentNode {
  const h1 =
    page.doc.querySelector('main h1') ?? page.doc.querySelector('h1') ?? page.doc.querySelector('.pv-top-card--list');
  return h1?.closest('section') ?? h1?.closest('main') ?? page.doc;
}

/** "Anna Roth, Ben Ott and 2 other mutual connections", "… und 2 weitere gemeinsame Kontakte", in the top card. */
const MUTUAL = /mutual connection|gemeinsame[rn]? (?:Kontakt|Verbindung)|relations? en commun|contactos? en común/i;
const MAX_MUTUALS = 10;

/**
 * The mutual connections the top card names (each in a <strong>; the text is repeated for screen readers, so
 * each name once). Only names: the popup offers the ones that match people in the book, and stores nothing unless
 * the user keeps them.
 */
function mutuals(card: ParentNode): string[] {
  const out = new Set<string>();
  for (const el of card.querySelectorAll('a, span, p, div')) {
    const names = el.querySelectorAll(':scope > strong');
    if (!names.length || !MUTUAL.test(el.textContent ?? '')) continue;
    for (const strong of names) {
      const name = cleanName(strong.textContent);
      if (name) out.add(name);
      if (out.size >= MAX_MUTUALS) return [...out];
    }
  }
  return [...out];
}

export const linkedin = {
  id: 'linkedin',
  extract(page) {
    const card = topCard(page);
    const json = fromCodeBlocks(page);
    const found: Found = {};
    const name = pickName(card, NAME) || pickName(page.doc, NAME) || json.name;
    if (!name) return found;
    found.name = name;
    const role = pickText(card, HEADLINE, MAX.role) || json.role;
    if (role) found.role = role;
    const company = pickText(card, COMPANY, MAX.company) || pickText(page.doc, COMPANY.slice(1), MAX.company);
    if (company) found.company = company;
    const location = pickText(card, LOCATION, MAX.location) || json.location;
    if (location) found.location = location;
    const photo = pickUrl(card, PHOTO, page.href, isRealPhoto);
    if (photo) found.photoUrl = photo;
    const known = mutuals(card);
    if (known.length) found.mutuals = known;
    return found;
  },
  accept: { photoUrl: isRealPhoto },
} satisfies SiteAdapter;
