import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, cleanUrl, stripTitleNoise } from '../../src/capture/clean';

describe('cleanText', () => {
  it.each([
    ['  Jane \n\t Doe  ', 'Jane Doe'],
    ['Jane\u200b Doe\u200d', 'Jane Doe'],
    ['\u202eeoD enaJ', 'eoD enaJ'],
    ['Müller &amp; Söhne', 'Müller & Söhne'],
    ['&#x4A;ane &#68;oe', 'Jane Doe'],
    ['&amp;amp;', '&amp;'],
    ['a\u0000b\u0007c', 'a b c'],
    [42, '42'],
    [null, ''],
    [{ toString: () => 'x' }, ''],
  ])('%j → %j', (raw, want) => {
    expect(cleanText(raw)).toBe(want);
  });

  it.each([
    ['a name ending in an emoji keeps its variation selector', 'Jane Doe ❤\ufe0f', 'Jane Doe ❤\ufe0f'],
    ['an emoji ZWJ sequence stays whole', 'Ana 👩\u200d💻', 'Ana 👩\u200d💻'],
    ['a skin tone inside a ZWJ sequence', 'Bo 🧑\u{1f3fd}\u200d🚀', 'Bo 🧑\u{1f3fd}\u200d🚀'],
    [
      'a subdivision flag keeps its tag characters',
      'Rhys 🏴\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}',
      'Rhys 🏴\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}',
    ],
    ['a Persian name keeps its ZWNJ', 'مهدی\u200cزاده', 'مهدی\u200cزاده'],
    ['a Hindi name keeps its ZWJ', 'क्\u200dष', 'क्\u200dष'],
    ['a CJK variant selector stays', '葛\u{e0100}西', '葛\u{e0100}西'],
    ['ZWNJ and ZWJ inside Latin words go', 'Ja\u200cne Do\u200de', 'Jane Doe'],
    ['bidi controls always go, even in Arabic', '\u202bمحمد\u202c \u2067علي\u2069', 'محمد علي'],
    ['a lone variation selector goes', '\ufe0fJane', 'Jane'],
    ['tags not in a flag go', 'Jane\u{e0041}', 'Jane'],
    ['fillers that make a name look empty go', '\u3164Jane\u115f', 'Jane'],
  ])('%s', (_, raw, want) => {
    expect(cleanText(raw)).toBe(want);
  });

  it('bounds the length with an ellipsis, cheaply for huge input', () => {
    const out = cleanText('x'.repeat(5_000_000), 100);
    expect(out).toHaveLength(100);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('stripTitleNoise and cleanName', () => {
  it.each([
    ['(3) Jane Doe | LinkedIn', 'Jane Doe'],
    ['(12+) Jane Doe | LinkedIn', 'Jane Doe'],
    ['Jane Doe - XING', 'Jane Doe'],
    ['Jane Doe – Projektleiterin – Beispiel AG | XING', 'Jane Doe – Projektleiterin – Beispiel AG'],
    ['Jane Doe (@jdoe) / X', 'Jane Doe'],
    ['Jane Doe (@jdoe) on X', 'Jane Doe'],
    ['jdoe (Jane Doe) · GitHub', 'jdoe (Jane Doe)'],
    ['Jane Doe (@jane@mastodon.social) - Mastodon', 'Jane Doe'],
    ['Jane Doe @jane@fedi.example', 'Jane Doe'],
  ])('%j → %j', (raw, want) => {
    expect(stripTitleNoise(raw)).toBe(want);
  });

  it.each([
    ['https://example.com/jane', ''],
    ['jane@example.com', ''],
    ['---', ''],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['Håkon Wium Lie', 'Håkon Wium Lie'],
    ['李小龍', '李小龍'],
  ])('name %j → %j (markup stays text, never parsed)', (raw, want) => {
    expect(cleanName(raw)).toBe(want);
  });
});

describe('cleanUrl', () => {
  const base = 'https://example.com/people/jane';
  it.each([
    ['photo.jpg', 'https://example.com/people/photo.jpg'],
    ['//cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['javascript:alert(1)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    ['data:image/png;base64,AAAA', ''],
    ['file:///etc/passwd', ''],
    ['', ''],
    ['   ', ''],
    [`https://example.com/${'a'.repeat(3000)}`, ''],
  ])('%j → %j', (raw, want) => {
    expect(cleanUrl(raw, base)).toBe(want);
  });
});
