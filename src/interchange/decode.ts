/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or recognised by its
 * zero bytes when the BOM is missing); for anything that is not valid UTF-8 (old Outlook and Excel exports, old
 * phones), the legacy code page the bytes fit best — Windows-1252, Mac OS Roman (Excel for Mac's "CSV" and
 * FileMaker write it), or Windows-1250 / ISO-8859-2 for central European names — chosen by evidence and said to
 * be a guess. Binary files are recognised and refused, and a UTF-16 file holding what UTF-16 cannot (cut off inside a
 * character, a lone surrogate) is said to be damaged: no text is made up for what the bytes do not say.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;
export type LegacyEncoding = 'windows-1252' | 'macintosh' | 'windows-1250' | 'iso-8859-2';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** The file did not say its encoding and was not UTF-8: the code page was chosen by what its bytes look like. */
  guessed?: boolean;
}

/** Letters of central European languages (Polish, Czech, Slovak, Hungarian, Slovenian, Croatian…). */
const CENTRAL = /[ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřťůČĎĚŇŘŤŮőűŐŰĺľŕĹĽŔșțȘȚăĂ]/u;
/** German's own letters, the users' first language: worth as much as a central European one. */
const GERMAN = /[äöüßÄÖÜ]/u;
/** Letters of western European languages, and the Š, Ž Windows-1252 shares with the central code pages. */
const WESTERN = /[šžŠŽàáâãåæçèéêëìíîïñòôõøùúûýÿÀÁÂÃÅÆÇÈÉÊËÌÍÎÏÑÒÔÕØÙÚÛÝ]/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Quotation marks sit against words ("„Anna“"); other symbols do not. */
const QUOTE = /[\p{Pi}\p{Pf}\p{Ps}\p{Pe}]/u;

/**
 * How plausible a decoding is as names and notes: letters of a language score; what a wrong code page makes of
 * them costs — a C1 control (a byte the code page leaves undefined), a symbol inside a word or starting one
 * ("K³osowski", "M¸ller", "€rzte"), a capital inside a word ("MŸller", "JŠger", "RenŽ").
 */
function plausibility(text: string): number {
  let score = 0;
  let prev = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const code = ch.codePointAt(0) ?? 0;
    const next = chars[i + 1] ?? '';
    // A character standing alone says no language ("5 €" in one code page is "5 Ä" in another).
    if (code >= 0x80 && (code <= 0x9f || LETTER.test(prev) || LETTER.test(next))) {
      if (code <= 0x9f) score -= 5;
      else if (UPPER.test(ch) && LETTER.test(prev) && (LOWER.test(prev) || LOWER.test(next))) score -= 3;
      else if (CENTRAL.test(ch) || GERMAN.test(ch)) score += 2;
      else if (WESTERN.test(ch)) score += 1;
      else if (!LETTER.test(ch) && !QUOTE.test(ch) && (LOWER.test(next) || (LETTER.test(prev) && LETTER.test(next))))
        score -= 3;
    }
    prev = ch;
  }
  return score;
}

/** In this order, so that where two fit alike the one more often met wins. */
const LEGACY: LegacyEncoding[] = ['windows-1252', 'macintosh', 'windows-1250', 'iso-8859-2'];

/** The legacy code page these bytes fit best (Windows-1252 where nothing speaks for another). */
export function decodeLegacy(bytes: Uint8Array): { text: string; encoding: LegacyEncoding } {
  let best: { text: string; encoding: LegacyEncoding; score: number } | undefined;
  for (const encoding of LEGACY) {
    const text = new TextDecoder(encoding).decode(bytes);
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return { text: best?.text ?? '', encoding: best?.encoding ?? 'windows-1252' };
}

/** Bytes whose encoding nobody named: UTF-8 when they are valid UTF-8, else the best-fitting legacy code page. */
export function decodeByEvidence(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ...decodeLegacy(bytes), guessed: true };
  }
}

function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 that holds only whole characters: a lone surrogate or a byte left over is no text, not a U+FFFD. A NUL
 * byte left over at the end is a C string's terminator some tools write after the text, not part of it.
 */
function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded | null {
  const whole = bytes.length % 2 === 1 && bytes[bytes.length - 1] === 0 ? bytes.subarray(0, -1) : bytes;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(whole), encoding };
  } catch {
    return null;
  }
}

/**
 * The file's text; `binary` for bytes that are no text (a NUL byte where text has none), `damaged` for a file that
 * is UTF-16 (by its BOM, or its zero bytes) and holds bytes that are not — never a U+FFFD the bytes did not hold.
 */
export function decodeText(bytes: Uint8Array): Decoded | 'binary' | 'damaged' {
  // A UTF-8 BOM before bytes that are not UTF-8: the code page they fit, as for a file without one.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeByEvidence(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le') ?? 'damaged';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be') ?? 'damaged';
  // Laid out as UTF-16 by its zero bytes (no BOM): damaged, like a file with one, where its bytes are not.
  const guess = utf16Without(bytes);
  if (guess) return utf16(bytes, guess) ?? 'damaged';
  // Text files have no NUL bytes; images, zips and databases do.
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  return decodeByEvidence(bytes);
}

/**
 * Decodes bytes named by a vCard 2.1 CHARSET parameter; without one (or with one no browser knows, or one the bytes
 * do not fit), by evidence — never into a U+FFFD the bytes did not hold.
 */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (!charset) return decodeByEvidence(bytes).text;
  const label = charset.toLowerCase();
  try {
    // Fatal: bytes the named charset cannot hold (a phone that wrote Latin-1 and said UTF-8) are read by evidence.
    const encoding = label === 'iso-8859-1' || label === 'latin1' ? 'windows-1252' : label;
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return decodeByEvidence(bytes).text;
  }
}
