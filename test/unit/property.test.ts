/** Property-based tests: hostile input never throws past the API, never hangs, and output stays bounded. */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, MAX } from '../../src/capture/clean';
import { extractProfile } from '../../src/capture/extract';
import { fold, foldAny, sortKey, sortKeyAny } from '../../src/contacts/normalize';
import { canonicalProfile, siteProfileUrl } from '../../src/contacts/profile-url';
import { parseContactsFile } from '../../src/interchange';

const enc = new TextEncoder();

/** Text in a legacy code page: each character the code page holds as its byte, the others dropped. */
function legacyBytes(text: string, codePage: string): Uint8Array {
  const decoder = new TextDecoder(codePage);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].flatMap((ch) => (table.has(ch) ? [table.get(ch) as number] : [])));
}

/** ZWNJ, ZWJ, variation selectors and tag characters: the invisible characters that join what they sit in. */
const joining = (cp: number) =>
  cp === 0x200c ||
  cp === 0x200d ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0xe0020 && cp <= 0xe007f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef);

describe('properties', () => {
  it('canonical profile URLs: never throw, only http(s), idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string({ maxLength: 300 })), (raw) => {
        const p = canonicalProfile(raw);
        if (p) {
          expect(p.url).toMatch(/^https?:\/\//);
          expect(canonicalProfile(p.url)?.url).toBe(p.url);
          if (siteProfileUrl(raw)) expect(siteProfileUrl(p.url)?.url).toBe(p.url);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('cleanText: bounded, no control or invisible characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), (s, max) => {
        const out = cleanText(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        // No C0 control characters, no bidi controls; an invisible character only where it joins what it sits in.
        const chars = [...out];
        expect(chars.some((ch) => ch.charCodeAt(0) < 0x20 && ch !== ' ')).toBe(false);
        expect(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(out)).toBe(false);
        for (const [i, ch] of chars.entries())
          if (/\p{Default_Ignorable_Code_Point}/u.test(ch) && !joining(ch.codePointAt(0) ?? 0))
            throw new Error(`kept ${ch.codePointAt(0)?.toString(16)} at ${i}`);
      }),
      { numRuns: 300 },
    );
  });

  it('cleaning never changes a clean name, whatever its script or emoji', () => {
    const letters = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzäöüßéèçñøåłśżźćęąčřšžőűABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜŁŚŻ'.split(''),
      ...'李小龍王芳김민준さくらタロウ'.split(''),
      ...'محمدعليمهدیزادهأحمد'.split(''),
      ...'Иван Петров Ελένη'.replace(/ /g, '').split(''),
      'मनोज',
      'क्\u200dष',
      'मिश्\u200cरा',
      'مهدی\u200cزاده',
    );
    const emoji = fc.constantFrom(
      '❤\ufe0f',
      '👩\u200d💻',
      '👨\u200d👩\u200d👧',
      '🧑\u{1f3fd}\u200d🚀',
      '👍\u{1f3fb}',
      '🇩🇪',
      '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
      '☕',
      '✌\ufe0e',
    );
    const word = fc.array(letters, { minLength: 1, maxLength: 8 }).map((l) => l.join(''));
    const name = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.option(emoji, { nil: undefined }))
      .map(([words, e]) => [...words, ...(e ? [e] : [])].join(' '))
      .filter((n) => n.length <= MAX.name);
    fc.assert(
      fc.property(name, (n) => {
        expect(cleanText(n, MAX.name)).toBe(n);
        expect(cleanName(n)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  /** A file's result holds a U+FFFD only where the bytes held one (as UTF-8 or UTF-16). */
  const fffdFromInput = (bytes: Uint8Array) => {
    const hex = Buffer.from(bytes).toString('hex');
    return hex.includes('efbfbd') || hex.includes('fdff') || hex.includes('fffd');
  };
  /** Everyone the file holds is named, or reported as not importable with their record number. */
  const namedOrReported = (r: ReturnType<typeof parseContactsFile>) => {
    for (const [i, c] of r.contacts.entries())
      if (!c.name)
        expect(
          r.errors.some((e) => e.code === 'noName' && e.record === i + 1),
          `record ${i + 1}`,
        ).toBe(true);
  };

  it('parseContactsFile: any bytes give a result, never a throw, never an invented U+FFFD, nobody unaccounted', () => {
    fc.assert(
      fc.property(
        // Any bytes, and bytes behind each BOM the decoder reads (one in 65,536 random files starts with one).
        fc
          .tuple(
            fc.constantFrom([], [], [], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]),
            fc.uint8Array({ maxLength: 4000 }),
          )
          .map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
        fc.constantFrom('a.vcf', 'a.csv', 'a.json', 'a'),
        (bytes, name) => {
          const r = parseContactsFile(bytes, name);
          expect(Array.isArray(r.contacts)).toBe(true);
          expect(Array.isArray(r.errors)).toBe(true);
          if (!fffdFromInput(bytes)) expect(JSON.stringify(r.contacts)).not.toContain('\ufffd');
          namedOrReported(r);
        },
      ),
      // Found by a run on CI: UTF-16 by its zero bytes with a byte left over, decoded into a name "\ufffd".
      { numRuns: 300, examples: [[Uint8Array.from([1, 0, 10, 0, 0]), 'a.csv']] },
    );
  });

  it('8-bit contacts files in any code page: no invented U+FFFD, everyone named or reported', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'AaZzÄäÖöÜüßÉéÈèÇçÑñŁłŚśŻżĄąĘęČčŘřŠšŽžŐőŰű ,;"\\'.split('')),
      maxLength: 30,
    });
    const vcard = fc
      .array(fc.tuple(text, text, fc.boolean()), { maxLength: 5 })
      .map((people) =>
        people
          .map(([name, org, qp]) =>
            qp
              ? `BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:${[...name].map((ch) => `=${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('')}\r\nORG:${org}\r\nEND:VCARD\r\n`
              : `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nORG:${org}\r\nEND:VCARD\r\n`,
          )
          .join(''),
      );
    const csv = fc
      .array(fc.tuple(text, text), { maxLength: 5 })
      .map((rows) =>
        ['Name,Company', ...rows.map(([n, c]) => `"${n.replace(/"/g, '""')}","${c.replace(/"/g, '""')}"`)].join('\r\n'),
      );
    const codePage = fc.constantFrom('windows-1252', 'windows-1250', 'iso-8859-2', 'utf-8');
    fc.assert(
      fc.property(
        fc.oneof(
          vcard.map((t) => [t, 'a.vcf'] as const),
          csv.map((t) => [t, 'a.csv'] as const),
        ),
        codePage,
        ([t, file], cp) => {
          // Latin-1-range code units stand for themselves; what a code page cannot hold is left out of this file.
          const bytes = cp === 'utf-8' ? enc.encode(t) : legacyBytes(t, cp);
          const r = parseContactsFile(bytes, file);
          expect(JSON.stringify(r.contacts)).not.toContain('\ufffd');
          namedOrReported(r);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseContactsFile: mutated vCards and CSVs still parse, names stay strings', () => {
    const vcard =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Roe\r\nORG:Acme\\, Inc.;Design\r\nEMAIL:jane@example.com\r\nNOTE:a\\nb\r\nEND:VCARD\r\n';
    const csv = 'Name,E-mail Address,Company\r\n"Roe, Jane",jane@example.com,"Acme, Inc."\r\n';
    fc.assert(
      fc.property(
        fc.constantFrom(vcard, csv),
        fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 8 }),
        (base, edits) => {
          let text = base;
          for (const [at, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + 1);
          }
          const r = parseContactsFile(enc.encode(text), base === vcard ? 'x.vcf' : 'x.csv');
          for (const c of r.contacts) expect(typeof c.name).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('extractProfile: random JSON-LD and markup never throw; names are bounded', () => {
    const jsonish = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(jsonish, fc.string({ maxLength: 200 }), (json, markup) => {
        const person = typeof json === 'object' && json && !Array.isArray(json) ? { '@type': 'Person', ...json } : json;
        const html = `<script type="application/ld+json">${JSON.stringify(person).replace(/</g, '\\u003c')}</script><div class="h-card">${markup}</div>`;
        const dom = new JSDOM(html, { url: 'https://example.org/p' });
        const got = extractProfile(dom.window.document, 'https://example.org/p');
        dom.window.close();
        if (got) expect(got.name.length).toBeLessThanOrEqual(MAX.name);
      }),
      { numRuns: 150 },
    );
  });
});

describe('folding: the ASCII shortcut', () => {
  it('gives what the general way gives, for any text (ASCII, accented, mixed, with odd spaces)', () => {
    const unit = fc.oneof(
      fc.constantFrom(..."AaEeOoUuZz09 .,-'\t\n\u00a0ßÄäÖöÜüÉéñ".split('')),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit, maxLength: 40 })), (text) => {
        expect(fold(text)).toBe(foldAny(text));
        expect(sortKey(text)).toBe(sortKeyAny(text));
      }),
      { numRuns: 3000 },
    );
    expect(sortKey('Mueller, Hans-Peter')).toBe('muller hanspeter');
  });
});
