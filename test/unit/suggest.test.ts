/**
 * The quick-add form's name on pages without a person: the likely name part of the title (capture/clues.ts, contacts/suggest.ts),
 * and nothing on pages about something else.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/capture/extract';
import { pageFixtures } from './support/page-fixtures';
import { suggestedName } from './support/suggested-name';

function suggest(url: string, title: string, body = '', head = ''): string {
  const dom = new JSDOM(`<!doctype html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`, {
    url,
  });
  const name = suggestedName(dom.window.document, url);
  dom.window.close();
  return name;
}

describe('suggestedName', () => {
  it.each([
    // [url, title, body, expected]
    ['https://www.erika-mustermann.de/', 'Erika Mustermann – Grafikdesign | Startseite', '', 'Erika Mustermann'],
    // In the user's own mailbox the title is a mail's subject or the mailbox owner's name; a search's is its query.
    ['https://outlook.office.com/mail/', 'Mail - Paul Pohl - Outlook', '', ''],
    ['https://mail.google.com/mail/u/0/', 'Paul Pohl - ich@gmail.example - Gmail', '', ''],
    ['https://www.google.de/search?q=Anna+Alt', 'Anna Alt - Google Suche', '', 'Anna Alt'],
    ['https://jdoe.example.net/about/', 'About me · Jonas Dörr', '<h1>Jonas Dörr</h1>', 'Jonas Dörr'],
    ['https://jdoe.example.net/about/', 'Über mich: Jonas Dörr', '', 'Jonas Dörr'],
    ['https://example.org/~mkowalska/', "Welcome to Maria Kowalska's homepage", '', 'Maria Kowalska'],
    ['https://mueller-fotografie.example/', 'Fotografie | Jürgen Müller', '', 'Jürgen Müller'],
    ['https://example.com/', 'Portfolio von Anna-Lena de la Cruz', '', 'Anna-Lena de la Cruz'],
    ['https://example.com/', 'Ursula von der Leyen', '', 'Ursula von der Leyen'],
    ['https://example.com/', 'Illustrations by Jana Probe', '', 'Jana Probe'],
    ['https://kanzlei.example.de/anwalt/paul-muster', 'Rechtsanwalt Paul Muster | Kanzlei Muster', '', 'Paul Muster'],
    ['https://yamada.example.jp/', '山田太郎 | ホーム', '<h1>山田太郎</h1>', '山田太郎'],
    ['https://erika.example/', 'Erika', '<h1>Erika</h1>', 'Erika'],
    // The site's own name, spelled by its host, is not the person.
    ['https://studio.example.org/team/ines', 'Ines Beispiel – Studio Example', '', 'Ines Beispiel'],
  ])('%s "%s" → %s', (url, title, body, expected) => {
    expect(suggest(url, title, body)).toBe(expected);
  });

  it.each([
    // Not a name at all, or nothing backs a single word.
    ['https://news.example.org/2026/weather', 'Weather today'],
    ['https://example.com/', 'Home'],
    ['https://example.com/', 'Erika'],
    ['https://example.com/blog/', 'My Blog – Thoughts on Software'],
    // Companies: a legal form, an agency, or a brand on its own domain beside what it sells.
    ['https://www.pixel-werk.example/', 'Pixel Werk | Agentur für Webdesign'],
    ['https://www.example-gmbh.de/', 'Example GmbH – Startseite'],
    ['https://shop.example.com/', 'Summer Sale | Example Store'],
    // Two parts that could each be a name and nothing on the page to tell which.
    ['https://example.com/', 'Max Roe | Lena Beispiel'],
    // Search results, errors, lists.
    ['https://example.com/search?q=erika', 'Search Results for Erika Mustermann'],
    ['https://example.com/x', '404 Not Found'],
    ['https://example.com/', 'Erika Mustermann and 3 Others'],
  ])('%s "%s" → nothing', (url, title) => {
    expect(suggest(url, title)).toBe('');
  });

  it('gives nothing on pages that say they are about something else, whatever the title', () => {
    const article = '<meta property="og:type" content="article">';
    expect(suggest('https://blog.example.com/p', 'Erika Mustermann', '', article)).toBe('');
    const org = '<script type="application/ld+json">{"@type":"Organization","name":"Erika Mustermann"}</script>';
    expect(suggest('https://www.erika-mustermann.de/', 'Erika Mustermann', '', org)).toBe('');
    // A known site's page that is no profile (LinkedIn company page) gives nothing either.
    expect(suggest('https://www.linkedin.com/company/example-gmbh/', 'Example Gmbh | LinkedIn')).toBe('');
  });

  it('never takes the name og:site_name gives the site', () => {
    const head = '<meta property="og:site_name" content="Nora Holm">';
    expect(suggest('https://blog.example.net/about', 'Lena Beispiel | Nora Holm', '', head)).toBe('Lena Beispiel');
  });

  it('never throws on odd documents and addresses', () => {
    expect(suggest('https://example.com/', '')).toBe('');
    expect(suggest('https://example.com/', '   |  –  | ')).toBe('');
    expect(suggest('https://example.com/', 'x'.repeat(5000))).toBe('');
    const dom = new JSDOM('<title>Jonas Dörr</title>', { url: 'https://example.com/' });
    expect(suggestedName(dom.window.document, 'not a url')).toBe('');
    expect(suggestedName(dom.window.document, 'file:///home/jonas.html')).toBe('');
  });

  it('on every page fixture without a person: the expected suggestion, or nothing on the negatives', () => {
    // Pages with a person get a capture and need no suggestion; these are the ones without.
    const expected: Record<string, string> = {
      'web/homepage-no-markup': 'Erika Mustermann',
      'web/about-page-no-markup': 'Jonas Dörr',
      'web/homepage-possessive': 'Maria Kowalska',
      // Read without jsonrepair here: the title still names her.
      'web/jsonld-needs-repair': 'Ines Beispiel',
    };
    const seen: string[] = [];
    for (const { site, name, html, url } of pageFixtures()) {
      const dom = new JSDOM(html, { url });
      const doc = dom.window.document;
      if (!extractProfile(doc, url)) {
        const key = `${site}/${name}`;
        seen.push(key);
        expect(suggestedName(doc, url), key).toBe(expected[key] ?? '');
      }
      dom.window.close();
    }
    expect(seen).toEqual(expect.arrayContaining(Object.keys(expected)));
    expect(seen.length).toBeGreaterThan(12);
  });
});
