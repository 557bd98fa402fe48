/**
 * Selector lists are data: each site adapter lists, per field, the selectors to try in order, each with the layout
 * it serves and when that layout was seen. The first rule that yields a clean value wins.
 */
import { cleanName, cleanText, cleanUrl, MAX } from '../clean';
import type { Found } from '../found';

export interface Rule {
  css: string;
  /** The layout this selector serves and when it was seen, e.g. "logged-in profile, 2024–2026". */
  layout: string;
  /** Read this attribute instead of the text. */
  attr?: string;
  /** Keep capture group 1 of this pattern (e.g. the company out of an aria-label sentence). */
  pattern?: RegExp;
}

/** Text inside <noscript> or <template> is not what the page shows (X puts "JavaScript is not available." there). */
const hidden = (el: Element) => !!el.closest('noscript, template');

function raw(el: Element, rule: Rule): string {
  if (hidden(el)) return '';
  const value = rule.attr ? (el.getAttribute(rule.attr) ?? '') : (el.textContent ?? '');
  if (!rule.pattern) return value;
  return rule.pattern.exec(value)?.[1] ?? '';
}

/** The first non-empty, cleaned text the rules find under `root`. */
export function pickText(root: ParentNode, rules: Rule[], max: number): string {
  for (const rule of rules) {
    for (const el of root.querySelectorAll(rule.css)) {
      const text = cleanText(raw(el, rule), max);
      if (text) return text;
    }
  }
  return '';
}

export function pickName(root: ParentNode, rules: Rule[]): string {
  for (const rule of rules) {
    for (const el of root.querySelectorAll(rule.css)) {
      const name = cleanName(raw(el, rule));
      if (name) return name;
    }
  }
  return '';
}

/** The first http(s) URL the rules find, resolved against the page; `accept` rejects placeholders. */
export function pickUrl(
  root: ParentNode,
  rules: Rule[],
  base: string,
  accept: (url: string) => boolean = () => true,
): string {
  for (const rule of rules) {
    for (const el of root.querySelectorAll(rule.css)) {
      const url = cleanUrl(raw(el, rule), base);
      if (url && accept(url)) return url;
    }
  }
  return '';
}

/** A site's selector lists, one per field it knows. */
export interface FieldRules {
  name?: Rule[];
  role?: Rule[];
  company?: Rule[];
  location?: Rule[];
  photo?: Rule[];
}

/** Reads every field a site's rules describe, under `root`; `acceptPhoto` rejects placeholder images. */
export function readFields(
  root: ParentNode,
  rules: FieldRules,
  base: string,
  acceptPhoto?: (url: string) => boolean,
): Found {
  const found: Found = {};
  const name = rules.name ? pickName(root, rules.name) : '';
  if (name) found.name = name;
  const role = rules.role ? pickText(root, rules.role, MAX.role) : '';
  if (role) found.role = role;
  const company = rules.company ? pickText(root, rules.company, MAX.company) : '';
  if (company) found.company = company;
  const location = rules.location ? pickText(root, rules.location, MAX.location) : '';
  if (location) found.location = location;
  const photo = rules.photo ? pickUrl(root, rules.photo, base, acceptPhoto) : '';
  if (photo) found.photoUrl = photo;
  return found;
}
