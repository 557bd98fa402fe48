import { describe, expect, it } from 'vitest';
import { canonicalProfile, genericProfileUrl, pageLink, siteProfileUrl } from '../../src/contacts/profile-url';
import { withScheme } from '../../src/contacts/web-address';

describe('siteProfileUrl: one form per site', () => {
  it.each([
    ['https://www.linkedin.com/in/Jane-Doe-123/', 'linkedin', 'https://www.linkedin.com/in/jane-doe-123'],
    [
      'https://de.linkedin.com/in/jane-doe-123?trk=public_profile',
      'linkedin',
      'https://www.linkedin.com/in/jane-doe-123',
    ],
    [
      'https://www.linkedin.com/in/jane-doe-123/overlay/contact-info/',
      'linkedin',
      'https://www.linkedin.com/in/jane-doe-123',
    ],
    [
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller',
      'linkedin',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller',
    ],
    ['https://www.xing.com/profile/Jane_Doe2/cv?sc_o=x', 'xing', 'https://www.xing.com/profile/Jane_Doe2'],
    ['https://xing.com/profile/Jane_Doe2#top', 'xing', 'https://www.xing.com/profile/Jane_Doe2'],
    ['https://github.com/JaneDoe?tab=repositories', 'github', 'https://github.com/janedoe'],
    ['https://mastodon.social/@Jane', 'mastodon', 'https://mastodon.social/@jane'],
    ['https://x.com/JaneDoe', 'x', 'https://x.com/janedoe'],
    ['https://twitter.com/JaneDoe/with_replies', 'x', 'https://x.com/janedoe'],
    ['https://mobile.twitter.com/JaneDoe', 'x', 'https://x.com/janedoe'],
  ])('%s → %s %s', (raw, site, url) => {
    expect(siteProfileUrl(raw)).toEqual({ site, url });
  });

  it.each([
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/pulse/some-article',
    'https://www.linkedin.com/public-profile/in/nobody/',
    'https://www.xing.com/pages/acme',
    'https://github.com/settings',
    'https://github.com/janedoe/repo',
    'https://x.com/home',
    'https://x.com/janedoe/status/123',
    'https://mastodon.social/@jane/1234567',
    'javascript:alert(1)',
    'not a url',
  ])('%s is not a profile', (raw) => {
    expect(siteProfileUrl(raw)).toBeNull();
  });
});

describe('genericProfileUrl', () => {
  it.each([
    ['https://Example.COM/about/?utm_source=x#me', 'https://example.com/about'],
    ['http://example.com/', 'http://example.com'],
    ['data:text/html,hi', null],
  ])('%s → %s', (raw, want) => {
    expect(genericProfileUrl(raw)).toBe(want);
  });

  it("pageLink: a page without a person stands for a profile or another site's page, never a known site's other pages", () => {
    expect(pageLink('https://www.linkedin.com/in/x1/?trk=feed')).toEqual({
      site: 'linkedin',
      url: canonicalProfile('https://www.linkedin.com/in/x1/')?.url,
    });
    expect(pageLink('https://Jane.example.org/about/')).toEqual({ site: 'web', url: 'https://jane.example.org/about' });
    for (const nobody of [
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/company/acme/',
      'https://www.xing.com/jobs/search',
      'https://x.com/home',
      'https://mobile.twitter.com/explore',
      'https://github.com/',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(pageLink(nobody), nobody).toBeNull();
  });

  it.each([
    // The user's own mail, calendar, documents and chats: a mailbox would be the link of everyone added from it.
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ',
    'https://navigator.web.de/mail?sid=abc',
    'https://3c.gmx.net/mail/client/mail/detail',
    'https://email.t-online.de/em',
    'https://outlook.live.com/mail/0/inbox/id/AQQk',
    'https://outlook.office.com/mail/inbox',
    'https://www.icloud.com/mail/',
    'https://app.fastmail.com/mail/Inbox/',
    'https://mail.proton.me/u/0/inbox',
    'https://webmail.strato.de/',
    'https://mail.ionos.de/',
    'https://calendar.google.com/calendar/u/0/r',
    'https://docs.google.com/document/d/abc/edit',
    'https://app.slack.com/client/T1/C1',
    'https://teams.microsoft.com/v2/',
    'https://web.whatsapp.com/',
    'https://us02web.zoom.us/j/123',
    // A search's results: what was searched for is in its title, the page is nobody's.
    'https://www.google.de/search?q=anna+alt',
    'https://www.google.co.uk/search?q=anna',
    'https://www.ecosia.org/search?q=anna',
    'https://duckduckgo.com/?q=anna',
  ])('pageLink: %s is nobody’s page', (url) => {
    expect(pageLink(url)).toBeNull();
  });

  it.each([
    // People's own pages on such domains, and sites whose names only begin like a mail host's.
    'https://sites.google.com/view/anna-alt',
    'https://www.mailchimp.com/',
    'https://mailbox.anna-alt.de/',
    'https://email-marketing-alt.de/',
    'https://www.outlooker.de/',
    'https://www.googleapis.example/',
  ])('pageLink: %s is a page of its own', (url) => {
    expect(pageLink(url)?.site).toBe('web');
  });

  it('canonicalProfile prefers the site form and falls back to the generic one', () => {
    expect(canonicalProfile('https://www.linkedin.com/in/x1/')?.site).toBe('linkedin');
    expect(canonicalProfile('https://jane.example.org/')).toEqual({ site: 'web', url: 'https://jane.example.org' });
  });
});

describe('withScheme: a web address as people write it', () => {
  it('a host, with a path or a port, gets https:// as in an address bar', () => {
    for (const [typed, read] of <[string, string][]>[
      ['www.anna.de', 'https://www.anna.de'],
      [' anna-alt.de/kontakt ', 'https://anna-alt.de/kontakt'],
      ['xing.com/profile/Anna_Alt', 'https://xing.com/profile/Anna_Alt'],
      ['bäckerei-müller.de', 'https://bäckerei-müller.de'],
      ['anna.example:8080/?a=1#b', 'https://anna.example:8080/?a=1#b'],
    ])
      expect(withScheme(typed), typed).toBe(read);
    expect(canonicalProfile(withScheme('xing.com/profile/Anna_Alt'))).toEqual({
      site: 'xing',
      url: 'https://www.xing.com/profile/Anna_Alt',
    });
  });

  it('anything else is given back as it is, for the caller to take or refuse', () => {
    for (const other of [
      'https://www.anna.de',
      'http://anna.de',
      'anna@alt.de',
      '@annaalt',
      'Rosa_Riedel',
      'z.B',
      'www.anna.de und www.ben.de',
      '192.168.0.1',
      'javascript:alert(1)',
      'localhost:8080',
      '',
    ])
      expect(withScheme(other), other).toBe(other.trim());
  });
});
