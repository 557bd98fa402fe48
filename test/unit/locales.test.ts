import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CIRCLES } from '../../src/contacts/circles';
import { circleLabel, circleLabels } from '../../src/platform/circles';
import { formatDate, t, tn, uiLocale } from '../../src/platform/i18n';
import browser, { setLanguage } from './support/fake-browser';

const dir = new URL('../../src/_locales/', import.meta.url);
const load = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(new URL(`${lang}/messages.json`, dir), 'utf8'));
const en = load('en');
const de = load('de');
const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('locales', () => {
  it('ships exactly English and German', () => {
    expect(readdirSync(dir).sort()).toEqual(['de', 'en']);
  });

  it('German has every English key and no others', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s uses the same substitutions in both languages', (key) => {
    expect(placeholders(de[key]?.message ?? '')).toEqual(placeholders(en[key]?.message ?? ''));
    expect(en[key]?.message.trim()).not.toBe('');
    expect(de[key]?.message.trim()).not.toBe('');
  });

  it('no two keys differ in case only (browsers read message names in any case; web-ext lint refuses such files)', () => {
    const folded = Object.keys(en).map((k) => k.toLowerCase());
    expect(folded.filter((k, i) => folded.indexOf(k) !== i)).toEqual([]);
  });

  it('plural keys come in _one/_other pairs', () => {
    const ones = Object.keys(en).filter((k) => k.endsWith('_one'));
    expect(ones.length).toBeGreaterThan(0);
    for (const k of ones) expect(en).toHaveProperty(k.replace(/_one$/, '_other'));
  });

  it('every key is used: by name in the source or the manifest, as a plural pair, or as a default circle', () => {
    const src = [
      ...readdirSync(new URL('../../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => readFileSync(new URL(`../../src/${f}`, import.meta.url), 'utf8')),
      readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'),
    ].join('\n');
    const unused = Object.keys(en).filter((key) => {
      const base = key.replace(/_(one|other)$/, '');
      return (
        !key.startsWith('circle_') && ![`'${key}'`, `'${base}'`, `__MSG_${key}__`].some((form) => src.includes(form))
      );
    });
    expect(unused).toEqual([]);
  });

  it('every key the source uses exists (t/tn calls are typed, this checks dynamic ones too)', () => {
    const src = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(new URL(`../../src/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    const used = [...src.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });
});

describe('numbers in messages', () => {
  it('are written as the user’s language writes them', () => {
    setLanguage('en');
    expect(t('importProgress', 6000, 12345)).toBe(
      'Importing: 6,000 of 12,345 written… keep this page open until it is done.',
    );
    setLanguage('de');
    expect(t('importProgress', 6000, 12345)).toBe(
      'Wird importiert: 6.000 von 12.345 geschrieben … bitte diese Seite offen lassen, bis es fertig ist.',
    );
    expect(tn('importNew', 1)).toMatch(/^1 /);
    setLanguage('en');
  });
});

describe('dates in messages', () => {
  const jan = new Date(2027, 0, 7, 12).getTime();
  it("are in the messages' language whatever the browser says, with the browser's region when it is that language", () => {
    try {
      setLanguage('de', 'en-US');
      expect(formatDate(jan, { month: 'long' })).toBe('Januar');
      expect(uiLocale()).toBe('de');
      setLanguage('de', 'de-AT');
      expect(formatDate(jan, { month: 'long' })).toBe('Jänner');
      setLanguage('en', 'de-DE');
      expect(formatDate(jan, { weekday: 'long' })).toBe('Thursday');
      setLanguage('en', 'en-GB');
      expect(formatDate(jan)).toBe('7 Jan 2027');
    } finally {
      setLanguage('en');
    }
  });
});

describe('circle names', () => {
  it('circleLabels names as circleLabel does, asking the browser once per starting circle, on first use, however often it is used', () => {
    setLanguage('de');
    const ask = vi.spyOn(browser.i18n, 'getMessage');
    const label = circleLabels();
    expect(ask).not.toHaveBeenCalled();
    expect(label('clients')).toBe('Kunden');
    expect(ask).toHaveBeenCalledTimes(DEFAULT_CIRCLES.length);
    const names = [...DEFAULT_CIRCLES, 'Stammtisch'];
    for (let i = 0; i < 100; i++) for (const c of names) label(c);
    expect(ask).toHaveBeenCalledTimes(DEFAULT_CIRCLES.length);
    ask.mockRestore();
    expect(names.map(label)).toEqual(names.map(circleLabel));
    setLanguage('en');
  });
});

describe('formatters made ahead', () => {
  it("prepareFormats makes those a first screen's rows and count use: none is made while they are drawn", async () => {
    // A fresh module: its kept formatters are those this test's calls make.
    vi.resetModules();
    const i18n = await import('../../src/platform/i18n');
    const { reasonText } = await import('../../src/platform/reason-text');
    const { dueBadge } = await import('../../src/popup/due');
    const made: string[] = [];
    const names = ['NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'PluralRules'] as const;
    const real = names.map((name) => [name, Intl[name]] as const);
    // Each formatter made is counted (a Proxy: the real constructor still makes it).
    for (const [name, Real] of real)
      Object.defineProperty(Intl, name, {
        configurable: true,
        writable: true,
        value: new Proxy(Real, {
          construct(target, args, newTarget) {
            made.push(name);
            return Reflect.construct(target, args, newTarget);
          },
        }),
      });
    try {
      i18n.prepareFormats();
      expect(made.length).toBeGreaterThan(0);
      made.length = 0;
      const now = new Date(2027, 0, 7, 12).getTime();
      const day = 86_400_000;
      // What a first screen draws: the list's count, and each row's badge and reason.
      i18n.t('listShowing', 12, '…');
      i18n.tn('statsPeople', 3);
      reasonText({ kind: 'never', at: now - 3 * day }, now);
      reasonText({ kind: 'last', at: now - 40 * day, how: 'call' }, now);
      reasonText({ kind: 'followUp', at: now + day }, now);
      reasonText({ kind: 'anniversary', at: now + day, years: 3 }, now);
      const due = { id: 'a', name: 'Anna', nextDueAt: now + 2 * day, cadenceDays: 30, createdAt: now - 60 * day };
      expect(dueBadge(due as never, now)?.kind).toBe('due');
      expect(made).toEqual([]);
    } finally {
      for (const [name, Real] of real)
        Object.defineProperty(Intl, name, { configurable: true, writable: true, value: Real });
    }
  });
});
