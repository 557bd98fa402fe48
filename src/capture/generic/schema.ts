/**
 * schema.org vocabulary shared by JSON-LD, microdata and RDFa: all three describe the same Person, so one
 * reader turns a parsed node into our fields.
 */
import { cleanName, cleanText, cleanUrl, MAX } from '../clean';
import type { Found } from '../found';
import { isNode, type Node } from './nodes';

/** Page types that mean "this page is about something other than one person". */
export const NOT_A_PROFILE = new Set([
  'Article',
  'NewsArticle',
  'BlogPosting',
  'Blog',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
  'SocialMediaPosting',
  'DiscussionForumPosting',
  'Organization',
  'Corporation',
  'LocalBusiness',
  'SportsTeam',
  'EducationalOrganization',
  'NGO',
  'Product',
  'Recipe',
  'Event',
  'SearchResultsPage',
  'CollectionPage',
  'JobPosting',
  'Review',
  'QAPage',
]);

export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A text value: a string, or a node's name (DefinedTerm, Organization, Place…). */
export function textOf(v: unknown, depth = 0): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = textOf(item, depth + 1);
      if (s) return s;
    }
    return '';
  }
  if (isNode(v) && depth < 4) return textOf(v.name ?? v['@value'], depth + 1);
  return '';
}

const ended = (node: Node, now: number) => {
  const end = textOf(node.endDate);
  if (!end) return false;
  const at = Date.parse(end.length === 4 ? `${end}-12-31` : end);
  return Number.isFinite(at) && at < now;
};

/** The current occupation: the last entry without a past endDate (Role wrappers unwrapped). */
function occupation(v: unknown, now: number): string {
  let found = '';
  for (const item of asList(v)) {
    if (typeof item === 'string') found = item;
    else if (isNode(item) && !ended(item, now)) {
      const inner = isNode(item.hasOccupation) ? item.hasOccupation : item;
      found = textOf(inner.name ?? inner.roleName) || found;
    }
  }
  return found;
}

/** The employer: worksFor (an Organization, or a Role wrapping one), current entries only. */
function employer(v: unknown, now: number): string {
  for (const item of asList(v)) {
    if (typeof item === 'string') return item;
    if (!isNode(item) || ended(item, now)) continue;
    const inner = isNode(item.worksFor) ? item.worksFor : item;
    const name = textOf(inner.name ?? inner.legalName);
    if (name) return name;
  }
  return '';
}

function place(v: unknown): string {
  for (const item of asList(v)) {
    if (typeof item === 'string') return item;
    if (!isNode(item)) continue;
    const addr = isNode(item.address) ? item.address : item;
    const parts = [textOf(addr.addressLocality), textOf(addr.addressRegion)].filter(Boolean);
    if (parts.length) return parts.join(', ');
    const name = textOf(item.name) || textOf(addr.addressCountry);
    if (name) return name;
  }
  return '';
}

function image(v: unknown, base: string): string {
  for (const item of asList(v)) {
    const raw = typeof item === 'string' ? item : isNode(item) ? (item.contentUrl ?? item.url ?? item['@id']) : '';
    const url = cleanUrl(textOf(raw), base);
    if (url) return url;
  }
  return '';
}

/** Reads a schema.org Person node into our fields. */
export function personFields(person: Node, base: string, now = Date.now()): Found {
  const given = textOf(person.givenName);
  const family = textOf(person.familyName);
  const name = cleanName(textOf(person.name) || [given, family].filter(Boolean).join(' '));
  const found: Found = {};
  if (name) found.name = name;
  const role = cleanText(occupation(person.jobTitle, now) || occupation(person.hasOccupation, now), MAX.role);
  if (role) found.role = role;
  const company = cleanText(employer(person.worksFor, now) || employer(person.affiliation, now), MAX.company);
  if (company) found.company = company;
  const location = cleanText(place(person.address) || place(person.homeLocation), MAX.location);
  if (location) found.location = location;
  const photo = image(person.image, base);
  if (photo) found.photoUrl = photo;
  return found;
}
