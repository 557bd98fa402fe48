/**
 * suggestName(clues, url): on a page that holds no person we can read (a personal homepage without markup),
 * the part of its title that is most likely a person's name, to prefill the quick-add form; '' when no part looks
 * like one or the page is plainly about something else (an article, a company, search results, a known site's
 * non-profile page). A suggestion only: the user sees it in an editable field and saves nothing unless they choose.
 *
 * A title is cut at its separators ("Erika Mustermann – Illustration | Home"), leading and trailing phrases are
 * dropped ("Über mich:", "Welcome to …'s homepage"), and each part is weighed: shaped like a name (two to five
 * words, each capitalised or a name particle, no digits, no word titles use for other things), and backed by the
 * page (the host name or address spells it, the page's main heading or meta author says it). A backed part wins;
 * an unbacked part is suggested only when it is the only name-shaped part; a single word only when backed.
 */
import { fold } from './normalize';

/**
 * What the capture script reads of a page without a person, for the suggestion (capture/clues.ts): its title
 * (cleaned as a name, so at most a name's length), its main heading, meta author and og:site_name.
 */
export interface TitleClues {
  title: string;
  heading: string;
  author: string;
  siteName: string;
}

const SEPARATORS = /\s+[|·•–—:»«/-]\s+|\s*[|·•–—»«]\s*|:\s+/u;

/** Leading and trailing phrases around a name in titles of personal pages, English and German. */
const AROUND: RegExp[] = [
  /^(?:about(?: me)?|über mich|ueber mich|home(?:page)?|startseite|welcome(?: to)?|willkommen(?: bei| auf)?|hello,? i'?m|hi,? i'?m|ich bin)\s*[,:!–-]?\s+/iu,
  /^(?:(?:the )?(?:official )?(?:personal )?(?:home ?page|website|web site|site|blog|portfolio|cv|résumé|resume|lebenslauf|webseite))\s+(?:of|von)\s+/iu,
  /\s*['’]s\s+(?:personal\s+)?(?:home ?page|website|web site|site|blog|portfolio|cv|résumé|resume|page)$/iu,
  /^.*?\bby\s+(?=\p{Lu})/u,
];

/** Words that titles use for things other than a person's name (compared folded: lower case, no accents). */
const NOT_NAME_WORDS = new Set(
  `home homepage startseite about uber ueber mich me my blog news search suche results ergebnisse contact kontakt
  impressum imprint datenschutz privacy welcome willkommen portfolio website webseite site page seite shop store
  login anmelden sign account konto team services leistungen jobs karriere careers products produkte gmbh ag ug kg
  inc ltd llc co corp eg university universitat hochschule institut institute company firma group gruppe solutions
  consulting beratung agency agentur media photography fotografie official offizielle offizielles the and und of
  for fur with mit online digital software web cloud weather today wetter heute profile profil index start
  dashboard settings einstellungen error fehler not found nicht gefunden overview ubersicht wiki docs
  documentation dokumentation forum community events event calendar kalender news nachrichten article artikel
  magazine magazin podcast video videos photos fotos gallery galerie projects projekte project projekt work
  arbeiten references referenzen pricing preise download downloads app apps help hilfe support faq your dein
  ihr unser our new neu free kostenlos best top guide tips tipps how wie what was why warum sale angebot
  angebote deals offers kaufen buy bestellen order cart warenkorb design studio atelier buro coaching training`.split(
    /\s+/,
  ),
);

/** Legal forms (compared folded), and the words they are written with ("GmbH & Co. KG", "UG (haftungsbeschränkt)"). */
const LEGAL_FORMS =
  `gmbh mbh ag ug kg ohg gbr ev e.v. e.k. partg mbb kgaa se inc ltd limited llc plc corp sarl sa bv b.v. oy ab
  co. haftungsbeschränkt`.split(/\s+/);
/** Words that say a name is an organisation's: legal forms, agencies, firms (compared folded). */
const ORGANISATION_WORDS = new Set([
  ...LEGAL_FORMS,
  ...'agentur agency firma company unternehmen kanzlei praxis verlag verein hotel restaurant'.split(' '),
]);
const LEGAL_FORM_WORDS = new Set(LEGAL_FORMS);

/** A line's words as organisation words are compared: "e. K." is one ("e.k."), brackets and "&" part them. */
const orgWords = (line: string) =>
  line
    .replace(/\.\s+(?=\p{L}\.)/gu, '.')
    .split(/[\s,()&]+/)
    .filter(Boolean)
    .map(fold);

/** Whether a line names an organisation: one of its words is one of theirs ("Beispiel GmbH", "Muster e. K."). */
export const namesOrganisation = (line: string): boolean => orgWords(line).some((w) => ORGANISATION_WORDS.has(w));

/** Whether a line is a legal form alone ("mbH", "GmbH & Co. KG", "(haftungsbeschränkt)"): a name's end, no name. */
export const legalFormOnly = (line: string): boolean => {
  const words = orgWords(line);
  return words.length > 0 && words.every((w) => LEGAL_FORM_WORDS.has(w));
};

/** Name particles and honorifics that may stand in lower case or with a dot inside a name. */
const PARTICLES = new Set(
  'von vom zu zum zur van der den de del della di da das dos du le la les ter ten bin ibn al el y e'.split(' '),
);
const WORD = /^(?:\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}?[\p{L}\p{M}'’]+)*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*|[\p{Lo}\p{M}]+)$/u;

/**
 * A part of a title as a person's name: its words, or null when it is not one (normalize.ts nameWords is another
 * thing: a stored name's words without the titles before it).
 */
export function wordsIfName(part: string): string[] | null {
  if (/\d|[@#&+=*?!<>{}[\]()"]/.test(part)) return null;
  const words = part.split(' ');
  if (words.length > 5) return null;
  for (const w of words) {
    if (PARTICLES.has(w)) continue;
    if (!WORD.test(w) || NOT_NAME_WORDS.has(fold(w).replace(/\.$/, '')) || ORGANISATION_WORDS.has(fold(w))) return null;
  }
  // At least one word that is a name and not a particle or a bare initial.
  return words.some((w) => !PARTICLES.has(w) && /\p{L}{2}/u.test(w)) ? words : null;
}

/** Letters only, folded: "Erika Mustermann" / "erika-mustermann" → "erikamustermann". */
const letters = (s: string) => fold(s).replace(/[^\p{L}]/gu, '');

interface Evidence {
  host: string;
  /** The address's last non-empty path segment ("/~mkowalska/" → "mkowalska"). */
  segment: string;
  heading: string;
  author: string;
  /** The title names an organisation elsewhere: a host spelling the words is the firm's, not a person's. */
  organisation: boolean;
}

/** Whether the page itself spells these words as its subject: its address, its main heading or its meta author. */
function backed(words: string[], e: Evidence): boolean {
  const significant = words.filter((w) => !PARTICLES.has(w) && !/\.$/.test(w)).map(letters);
  if (!significant.length || significant.some((w) => w.length < 2)) return false;
  // Every word in the address, or the initials and the last word as user names are made ("mkowalska", "jdoe").
  const initials =
    significant
      .slice(0, -1)
      .map((w) => w[0])
      .join('') + (significant.at(-1) ?? '');
  const spelled = (where: string) =>
    !!where && (significant.every((w) => where.includes(w)) || (significant.length > 1 && where.includes(initials)));
  if (spelled(e.segment) || (!e.organisation && spelled(e.host))) return true;
  const joined = significant.join('');
  return [e.heading, e.author].some((s) => letters(s).endsWith(joined) && letters(s).length <= joined.length * 2);
}

/** The words of a part the page backs: the whole part, or its end once leading words go ("Rechtsanwalt Paul Muster"). */
function backedTail(words: string[], e: Evidence): string[] | null {
  // A name of two words or more is never cut to one ("Maria Kowalska" is not "Kowalska").
  for (let i = 0; i < (words.length > 1 ? words.length - 1 : 1); i++) {
    const tail = words.slice(i);
    if (!tail.some((w) => !PARTICLES.has(w) && /\p{L}{2}/u.test(w))) break;
    if (backed(tail, e)) return tail;
  }
  return null;
}

/**
 * The likely name part of a page's title, from what the capture read of the page (capture/clues.ts): '' when no
 * part looks like a name.
 */
export function suggestName(clues: TitleClues, pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return '';
  }
  const title = clues.title;
  if (!title) return '';

  const parts = title
    .split(SEPARATORS)
    .map((p) => AROUND.reduce((s, re) => s.replace(re, ''), p.trim()).trim())
    .filter(Boolean);
  const evidence: Evidence = {
    host: letters(url.hostname.replace(/^www\./, '').replace(/\.[^.]+$/, '')),
    segment: letters(url.pathname.split('/').filter(Boolean).pop() ?? ''),
    heading: clues.heading,
    author: clues.author,
    organisation: parts.some(namesOrganisation),
  };
  const siteName = letters(clues.siteName);
  const named = parts.flatMap((p) => {
    const words = wordsIfName(p);
    return words ? [words] : [];
  });
  // The site's own name is no person's: the part og:site_name gives, or one the host spells after another
  // name-shaped part ("Ines Beispiel – Studio Example" on studio.example.org).
  const shaped = named.filter(
    (words, i) =>
      !(siteName && letters(words.join('')) === siteName) &&
      !(i > 0 && backed(words, { ...evidence, segment: '', heading: '', author: '' })),
  );
  for (const words of shaped) {
    const tail = backedTail(words, evidence);
    if (tail) return tail.join(' ');
  }
  // Without the page's word for it: one name-shaped part of two or more words, nothing else that could be one,
  // and no organisation named beside it.
  return shaped.length === 1 && (shaped[0]?.length ?? 0) >= 2 && !evidence.organisation
    ? (shaped[0]?.join(' ') ?? '')
    : '';
}
