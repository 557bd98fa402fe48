/**
 * The page's representative h-card (microformats2), or a classic hCard (`vcard`). Only what a profile needs is
 * read — name, role, organisation, locality, photo, url — straight from the live DOM; no second HTML parse.
 * Choice of card, after the representative h-card rules (microformats.org/wiki/representative-h-card-parsing):
 * a card whose u-url is the page itself (several such cards name no one, unless one's u-uid is the page too),
 * else the first card that is not a property of something else (a post's author, a resume's employer), else
 * nothing.
 */
import { cleanName, cleanText, cleanUrl, MAX } from '../clean';
import type { Found, GenericExtractor } from '../found';

const MAX_CARDS = 100;
const MAX_DESCENDANTS = 2000;

const classes = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
const isRoot = (el: Element) => classes(el).some((c) => /^h-[a-z0-9]+(-[a-z0-9]+)*$/.test(c));
const propsOf = (el: Element) => classes(el).filter((c) => /^(p|u|dt|e)-[a-z0-9]+(-[a-z0-9]+)*$/.test(c));

/** Elements whose nearest microformat root is `root` and that carry a property class. */
function properties(root: Element): Map<string, Element[]> {
  const out = new Map<string, Element[]>();
  const all = root.querySelectorAll('[class]');
  for (let i = 0; i < all.length && i < MAX_DESCENDANTS; i++) {
    const el = all[i] as Element;
    if (nearestRoot(el) !== root) continue;
    for (const p of propsOf(el)) {
      const list = out.get(p) ?? [];
      list.push(el);
      out.set(p, list);
    }
  }
  return out;
}

function nearestRoot(el: Element): Element | null {
  let cur = el.parentElement;
  while (cur) {
    if (isRoot(cur)) return cur;
    cur = cur.parentElement;
  }
  return null;
}

/** Plain-text value, with the value-class pattern ("JohnDoe" from two `.value` children). */
function textValue(el: Element): string {
  const parts = [...el.querySelectorAll('.value')].filter((v) => nearestRoot(v) === nearestRoot(el));
  if (parts.length)
    return parts
      .map((v) => v.getAttribute('title') ?? v.getAttribute('value') ?? v.getAttribute('alt') ?? v.textContent ?? '')
      .join('');
  const tag = el.localName;
  if (tag === 'abbr' || tag === 'link') return el.getAttribute('title') ?? el.textContent ?? '';
  if (tag === 'data' || tag === 'input') return el.getAttribute('value') ?? el.textContent ?? '';
  if (tag === 'img' || tag === 'area') return el.getAttribute('alt') ?? '';
  return el.textContent ?? '';
}

function urlValue(el: Element): string {
  const tag = el.localName;
  const raw =
    tag === 'a' || tag === 'area' || tag === 'link'
      ? el.getAttribute('href')
      : tag === 'img' || tag === 'audio' || tag === 'video' || tag === 'source'
        ? el.getAttribute('src')
        : tag === 'object'
          ? el.getAttribute('data')
          : textValue(el);
  // An empty href is a link to the document itself.
  return raw === '' ? el.ownerDocument.baseURI : cleanUrl(raw ?? '', el.ownerDocument.baseURI);
}

/** A property's value; a nested card (p-org h-card) gives its own name. */
function pValue(el: Element | undefined): string {
  if (!el) return '';
  if (isRoot(el)) return cardName(el);
  return textValue(el);
}

/** Implied name (mf2): only when the card has no p-* or e-* property at all. */
function impliedName(root: Element, props: Map<string, Element[]>): string {
  if ([...props.keys()].some((k) => k.startsWith('p-') || k.startsWith('e-'))) return '';
  if (root.localName === 'img' || root.localName === 'area') return root.getAttribute('alt') ?? '';
  if (root.localName === 'abbr') return root.getAttribute('title') ?? '';
  const only = onlyChild(root);
  if (only && !isRoot(only) && (only.localName === 'img' || only.localName === 'area'))
    return only.getAttribute('alt') ?? '';
  return root.textContent ?? '';
}

/** The element's only element child, or undefined (walks siblings: live HTMLCollections are slow in jsdom). */
function onlyChild(el: Element): Element | undefined {
  const first = el.firstElementChild;
  return first && !first.nextElementSibling ? first : undefined;
}

/** The one img/object among the element's children (not a nested card), or undefined. */
function onlyImage(el: Element): Element | undefined {
  let found: Element | undefined;
  let seen = 0;
  for (let c = el.firstElementChild; c && seen < 200; c = c.nextElementSibling, seen++) {
    if ((c.localName === 'img' || c.localName === 'object') && !isRoot(c)) {
      if (found) return undefined;
      found = c;
    }
  }
  return found;
}

function impliedPhoto(root: Element): string {
  const base = root.ownerDocument.baseURI;
  if (root.localName === 'img') return cleanUrl(root.getAttribute('src') ?? '', base);
  if (root.localName === 'object') return cleanUrl(root.getAttribute('data') ?? '', base);
  let el: Element | undefined = root;
  for (let depth = 0; depth < 2 && el; depth++) {
    const img = onlyImage(el);
    if (img) return cleanUrl(img.getAttribute(img.localName === 'img' ? 'src' : 'data') ?? '', base);
    const child = onlyChild(el);
    el = child && !isRoot(child) ? child : undefined;
  }
  return '';
}

function cardName(root: Element, props = properties(root)): string {
  const name = pValue(props.get('p-name')?.[0]);
  if (name.trim()) return name;
  const given = pValue(props.get('p-given-name')?.[0]);
  const family = pValue(props.get('p-family-name')?.[0]);
  return [given, family].filter((s) => s.trim()).join(' ') || impliedName(root, props);
}

function readCard(root: Element, base: string): Found {
  const props = properties(root);
  const found: Found = {};
  const name = cleanName(cardName(root, props));
  if (name) found.name = name;
  const role = cleanText(
    pValue(props.get('p-job-title')?.[0] ?? props.get('p-title')?.[0] ?? props.get('p-role')?.[0]),
    MAX.role,
  );
  if (role) found.role = role;
  const org = cleanText(pValue(props.get('p-org')?.[0] ?? props.get('p-organization-name')?.[0]), MAX.company);
  if (org) found.company = org;
  const adr = props.get('p-adr')?.[0];
  const locality =
    pValue(props.get('p-locality')?.[0]) || (adr && isRoot(adr) ? pValue(properties(adr).get('p-locality')?.[0]) : '');
  const region = pValue(props.get('p-region')?.[0]);
  const country = pValue(props.get('p-country-name')?.[0]);
  const location = cleanText(
    [locality, region].filter((s) => s.trim()).join(', ') || country || pValue(props.get('p-label')?.[0]),
    MAX.location,
  );
  if (location) found.location = location;
  const photoEl = props.get('u-photo')?.[0];
  const photo = photoEl ? urlValue(photoEl) : impliedPhoto(root);
  if (photo) found.photoUrl = photo;
  const urlEl = props.get('u-url')?.[0];
  if (urlEl) found.profileUrl = urlValue(urlEl) || base;
  return found;
}

/** Classic hCard: fn, title/role, org, locality, photo. No implied name (backcompat parsing has none). */
function readClassic(root: Element, base: string): Found {
  const q = (sel: string) => root.querySelector(sel);
  const found: Found = {};
  const fn = q('.fn');
  const name = cleanName(fn ? textValue(fn) : '');
  if (name) found.name = name;
  const role = cleanText(textValue(q('.title') ?? q('.role') ?? root.ownerDocument.createElement('i')), MAX.role);
  if (role) found.role = role;
  const orgEl = q('.org');
  const org = cleanText(orgEl ? textValue(orgEl.querySelector('.organization-name') ?? orgEl) : '', MAX.company);
  if (org) found.company = org;
  const locality = q('.adr .locality') ?? q('.locality');
  const location = cleanText(locality ? textValue(locality) : '', MAX.location);
  if (location) found.location = location;
  const photoEl = q('.photo');
  const photo = photoEl ? cleanUrl(photoEl.getAttribute('src') ?? photoEl.getAttribute('href') ?? '', base) : '';
  if (photo) found.photoUrl = photo;
  return found;
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

function pick(doc: Document, base: string): Found | null {
  const cards = [...doc.querySelectorAll('.h-card')].slice(0, MAX_CARDS);
  // 1. The representative card: its u-url is this page (and, where several say so, its u-uid too). Several cards
  //    that all claim the page, none by uid, are a list of people: no one is the page's person.
  const claiming = cards.filter((card) =>
    (properties(card).get('u-url') ?? []).map(urlValue).some((u) => sameUrl(u, base)),
  );
  if (claiming.length === 1 && claiming[0]) return readCard(claiming[0], base);
  if (claiming.length > 1) {
    const byUid = claiming.find((card) =>
      (properties(card).get('u-uid') ?? []).map(urlValue).some((u) => sameUrl(u, base)),
    );
    return byUid ? readCard(byUid, base) : null;
  }
  // 2. A resume names its person on the h-resume and describes them in p-contact.
  const resume = doc.querySelector('.h-resume');
  if (resume && nearestRoot(resume) === null) {
    const props = properties(resume);
    const name = cleanName(pValue(props.get('p-name')?.[0]));
    const contact = props.get('p-contact')?.[0];
    if (name) return { ...(contact && isRoot(contact) ? readCard(contact, base) : {}), name };
  }
  // 3. The first card that is nobody's property (not a post's author, an employer, a colleague).
  for (const card of cards) {
    if (propsOf(card).length && nearestRoot(card)) continue;
    const found = readCard(card, base);
    if (found.name) return found;
  }
  if (cards.length) return null;
  const classic = doc.querySelector('.vcard');
  return classic ? readClassic(classic, base) : null;
}

export const hCard: GenericExtractor = {
  id: 'h-card',
  extract: (page) => pick(page.doc, page.href),
};
