import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { axe, contact, readmeScreenshot, useExtension, waitFor } from './harness.mjs';

/** A page fixture and the URL its first line names. */
function fixture(path) {
  const html = readFileSync(new URL(`../fixtures/pages/${path}`, import.meta.url), 'utf8');
  return { html, url: /^<!--\s*(\S+)/.exec(html)[1] };
}

const personPage = `<!doctype html><html><head><title>Erika Mustermann – Beispiel</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ProfilePage","mainEntity":{
"@type":"Person","name":"Erika Mustermann","jobTitle":"Produktdesignerin","worksFor":{"@type":"Organization","name":"Beispiel GmbH"},
"address":{"@type":"PostalAddress","addressLocality":"Köln"}}}</script></head>
<body><h1>Erika Mustermann</h1></body></html>`;

describe('capture in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  test('a served profile page shows its person in the popup, ready to save', async () => {
    const { tabId } = await h.openServed('https://people.example.org/erika', personPage);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Erika Mustermann');
    assert.equal(await popup.getByLabel('Role').inputValue(), 'Produktdesignerin');
    assert.equal(await popup.getByLabel('Company').inputValue(), 'Beispiel GmbH');
    assert.equal(await popup.getByLabel('Location').inputValue(), 'Köln');
    await readmeScreenshot(popup, 'popup-capture-en');

    await popup.getByLabel('How we met').fill('Meetup in Köln');
    await popup.getByLabel('Name').press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved Erika Mustermann.' }).waitFor();
    await popup.getByRole('listitem').filter({ hasText: 'Erika Mustermann' }).waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), '1 person you know');
  });

  test("a page without a person offers the manual form: no name from a headline, the name part of a homepage title, the page's address as a link that can be left out", async () => {
    const { tabId } = await h.openServed('https://news.example.org/story', '<title>Weather today</title><p>Sunny.</p>');
    const popup = await h.openPopup(tabId);
    await popup.getByText('No person found on this page.', { exact: false }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), '');
    // A news story is nobody's link: left out, by keyboard, and the focus stays in the form.
    await popup.getByText("Saved with this page's address: news.example.org/story").waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    await popup.getByRole('button', { name: "Leave out this page's address" }).focus();
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => document.activeElement?.getAttribute('name') === 'name');
    await popup.keyboard.type('Tom Beispiel');
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved Tom Beispiel.' }).waitFor();
    // The toast never hides the form's Save: brought into view (as focus or a scroll does), it stops above it.
    const clear = await popup.evaluate(() => {
      const save = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save');
      save.scrollIntoView({ block: 'end' });
      const toast = document.querySelector('.toast').getBoundingClientRect();
      return { saveBottom: save.getBoundingClientRect().bottom, toastTop: toast.top };
    });
    assert.ok(
      clear.saveBottom <= clear.toastTop,
      `Save ends at ${clear.saveBottom}, the toast starts at ${clear.toastTop}`,
    );
    assert.deepEqual((await h.records()).find((c) => c.name === 'Tom Beispiel')?.profiles, []);

    const home = fixture('web/homepage-no-markup.html');
    const served = await h.openServed(home.url, home.html);
    const onHome = await h.openPopup(served.tabId);
    await onHome.getByText('No person found on this page.', { exact: false }).waitFor();
    assert.equal(await onHome.getByLabel('Name').inputValue(), 'Erika Mustermann');
    await onHome.getByLabel('Name').press('Enter');
    await onHome.getByRole('status').filter({ hasText: 'Saved Erika Mustermann.' }).waitFor();
    // Saved with the page as her link: the page's card is hers now (as on the next open), not a form adding her again.
    await onHome.getByText('This page is one of their saved links.').waitFor();
    assert.equal(await onHome.evaluate(() => document.activeElement?.id), 'open-contact');
    const saved = (await h.records()).filter((c) =>
      c.profiles?.some((p) => p.url === 'https://www.erika-mustermann.de'),
    );
    assert.deepEqual(
      saved.map((c) => c.name),
      ['Erika Mustermann'],
    );
  });

  test("a mailbox is nobody's page: the form starts empty, without its address or a name from its title, and no one saved with it before is its person", async () => {
    // Saved by an earlier version, which took the mailbox's address for the person added there.
    await h.seed([
      contact('mailbox', 'Mia Mailbox', { profiles: [{ url: 'https://navigator.web.de/mail', site: 'web' }] }),
    ]);
    const { tabId } = await h.openServed(
      'https://navigator.web.de/mail',
      '<title>WEB.DE - E-Mail - Paul Pohl</title><main>Posteingang</main><footer><a href="/impressum">Impressum</a></footer>',
    );
    const popup = await h.openPopup(tabId);
    // It says how to add the sender of a mail: by selecting their signature.
    await popup.getByText("In an email: select the sender's signature", { exact: false }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), '');
    assert.equal(await popup.getByText("Saved with this page's address", { exact: false }).count(), 0);
    assert.equal(await popup.getByText('one of their saved links', { exact: false }).count(), 0);
    // Who runs the mailbox is not whom the user wants to add.
    assert.equal(await popup.getByRole('button', { name: 'Read the legal notice' }).count(), 0);
    await popup.close();

    // Outlook's title names the mailbox's owner: no name is suggested from it.
    const outlook = await h.openServed('https://outlook.office.com/mail/', '<title>Mail - Paul Pohl - Outlook</title>');
    const onOutlook = await h.openPopup(outlook.tabId);
    await onOutlook.getByText("In an email: select the sender's signature", { exact: false }).waitFor();
    assert.equal(await onOutlook.getByLabel('Name').inputValue(), '');
    assert.equal(await onOutlook.getByText("Saved with this page's address", { exact: false }).count(), 0);
    await onOutlook.close();
  });

  test('a signature selected in a mailbox: the form starts with whom it names, saved by keyboard, no mailbox link', async () => {
    const { page, tabId } = await h.openServed(
      'https://webmail.example.org/inbox',
      `<title>Angebot - Posteingang</title><main><p>Hallo,</p><p>anbei das Angebot.</p>
      <div id="sig">Mit freundlichen Grüßen<br><br>Paula Pohl<br>Geschäftsführerin<br>Pohl Medien GmbH<br>
      Tel.: +49 228 123456<br><a href="mailto:paula@pohl-medien.example">paula@pohl-medien.example</a><br>
      <a href="https://www.xing.com/profile/Paula_Pohl">https://www.xing.com/profile/Paula_Pohl</a><br><br>
      Sitz der Gesellschaft: Bonn, Amtsgericht Bonn HRB 12345</div></main>`,
    );
    // Before anything is selected, the popup says how.
    const before = await h.openPopup(tabId);
    await before.getByText("In an email: select the sender's signature, then click the Reconnect icon.").waitFor();
    await before.close();
    await page.evaluate(() => getSelection()?.selectAllChildren(document.getElementById('sig')));
    const popup = await h.openPopup(tabId);
    await popup.getByText('Read from the text you selected: check it before saving.').waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Paula Pohl');
    assert.equal(await popup.getByLabel('Role').inputValue(), 'Geschäftsführerin');
    assert.equal(await popup.getByLabel('Company').inputValue(), 'Pohl Medien GmbH');
    await popup.getByText('Saved with the web addresses in the text: www.xing.com/profile/Paula_Pohl').waitFor();
    assert.deepEqual(await axe(popup), []);
    // A client: every week.
    await popup.getByLabel('Get in touch').selectOption({ label: 'every week' });
    await popup.getByLabel('Name').press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved Paula Pohl.' }).waitFor();
    // Saved now: the form that would add her again updates her instead.
    await popup.getByText('Already saved: Paula Pohl.', { exact: false }).waitFor();
    assert.equal(await popup.getByRole('button', { name: 'Update' }).count(), 1);
    const paula = (await h.records()).find((c) => c.name === 'Paula Pohl');
    assert.deepEqual(
      [paula.role, paula.company, paula.emails, paula.phones, paula.profiles],
      [
        'Geschäftsführerin',
        'Pohl Medien GmbH',
        ['paula@pohl-medien.example'],
        ['+49 228 123456'],
        [{ url: 'https://www.xing.com/profile/Paula_Pohl', site: 'xing' }],
      ],
    );
    assert.equal(paula.cadenceDays, 7);
    await popup.close();
    // Selected again another day: the form that updates her shows her cadence, and a change there is saved.
    const again = await h.openPopup(tabId);
    await again.getByText('Already saved: Paula Pohl.', { exact: false }).waitFor();
    const often = again.getByLabel('Get in touch');
    assert.equal(await often.locator('option:checked').textContent(), 'every week');
    await often.selectOption({ label: 'every month' });
    await again.getByRole('button', { name: 'Update' }).click();
    await again.getByRole('status').filter({ hasText: 'Paula Pohl' }).waitFor();
    await waitFor(async () => (await h.records()).find((c) => c.name === 'Paula Pohl').cadenceDays === 30);
    assert.equal((await h.records()).filter((c) => c.name === 'Paula Pohl').length, 1);
    await again.close();
    await page.close();
  });

  test('a person in JSON-LD only a repairing parser reads: jsonrepair is injected and the person shown', async () => {
    const { html, url } = fixture('web/jsonld-needs-repair.html');
    const { tabId } = await h.openServed(url, html);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Ines Beispiel');
    assert.equal(await popup.getByLabel('Company').inputValue(), 'Studio Example');
  });

  test('a LinkedIn profile at its real address: the subject, not the viewer or "people also viewed"', async () => {
    const { html, url } = fixture('linkedin/loggedin-de.html');
    const { tabId } = await h.openServed(url, html);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Erika Mustermann');
    assert.equal(await popup.getByLabel('Company').inputValue(), 'Beispiel Design GmbH');
    assert.equal(await popup.getByLabel('Location').inputValue(), 'Köln, Nordrhein-Westfalen, Deutschland');
    // Injecting the capture again into the same tab is harmless and gives the same person.
    const again = await h.openPopup(tabId);
    assert.equal(await again.getByLabel('Name').inputValue(), 'Erika Mustermann');
  });

  test('a contact photo loads from its own address without a referrer, and not at all when switched off', async () => {
    const photos = h.photoRequests().filter((r) => r.url.includes('media.licdn.com/dms/image/ERIKA'));
    assert.ok(photos.length > 0, 'the capture card showed the photo');
    assert.ok(photos.every((r) => !r.referer));
    const options = await h.openOptions();
    await options.getByLabel('Load contact photos', { exact: false }).uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    const before = h.photoRequests().length;
    const { html, url } = fixture('linkedin/loggedin-de.html');
    const { tabId } = await h.openServed(url, html);
    const popup = await h.openPopup(tabId);
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Erika Mustermann');
    assert.equal(await popup.locator('.capture .avatar--initials').textContent(), 'EM');
    assert.equal(h.photoRequests().length, before);
  });

  test('a site whose markup changed says the capture needs checking', async () => {
    const { html, url } = fixture('linkedin/unknown-layout.html');
    const { tabId } = await h.openServed(url, html);
    const popup = await h.openPopup(tabId);
    await popup.getByText('Filled from page metadata — please check.').waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Max Mustermann');
  });

  test("each site's page is read by its own script, and names it to any other", async () => {
    const pages = [
      ['linkedin/public-profile.html', 'capture-linkedin.js', 'Lena Beispiel'],
      ['xing/profile-de.html', 'capture-xing.js', 'Erika Mustermann'],
      ['github/user.html', 'capture-github.js', 'Erika Mustermann'],
      ['x/profile-rendered.html', 'capture-x.js', 'Max Roe'],
      ['mastodon/profile-rendered.html', 'capture.js', 'Lena Beispiel'],
      ['web/h-card-homepage.html', 'capture.js', 'Jane Roe'],
    ];
    const popup = await h.openPopup();
    const inject = (tabId, file) =>
      popup.evaluate(
        async ({ tabId, file }) =>
          (await chrome.scripting.executeScript({ target: { tabId }, files: [file] }))[0].result,
        { tabId, file },
      );
    for (const [path, file, name] of pages) {
      const { html, url } = fixture(path);
      const { page, tabId } = await h.openServed(url, html);
      assert.equal((await inject(tabId, file)).capture?.name, name, path);
      // Handed to another script (the tab's address changed after the popup looked): it reads nothing and names
      // the one that reads it.
      const other = file === 'capture.js' ? 'capture-xing.js' : 'capture.js';
      const answer = await inject(tabId, other);
      assert.equal(answer.capture, null, path);
      assert.equal(answer.otherScript, file, path);
      await page.close();
    }
    // The popup picks by the address: a GitHub profile in the card.
    const { html, url } = fixture('github/user.html');
    const { tabId } = await h.openServed(url, html);
    const card = await h.openPopup(tabId);
    assert.equal(await card.getByLabel('Name').inputValue(), 'Erika Mustermann');
  });

  test('a page the extension may not read leads to the manual form', async () => {
    const page = await h.context.newPage();
    await page.goto('chrome://version/');
    const tabId = await h.inWorker(async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0]?.id);
    const popup = await h.openPopup(tabId);
    await popup.getByText("Reconnect can't read this page.", { exact: false }).waitFor();
    // One click away, so the list is in view: opened from the keyboard, its form is there, empty.
    assert.equal(await popup.getByLabel('Name').count(), 0);
    await popup.locator('.manual summary').focus();
    await popup.keyboard.press('Enter');
    assert.equal(await popup.getByLabel('Name').inputValue(), '');
    await popup.keyboard.press('Tab');
    assert.equal(await popup.evaluate(() => document.activeElement?.getAttribute('name')), 'name');
  });
});

describe("a site's legal notice (Impressum), German UI", () => {
  const h = useExtension({ locale: 'de' });

  test('whom it names fills the form (the managing director, the company, the town, phone and mail in sight), saved with the site as their link; there again, the page is theirs', async () => {
    const notice = fixture('web/imprint-gmbh.html');
    const { tabId } = await h.openServed(notice.url, notice.html);
    const popup = await h.openPopup(tabId);
    await popup.getByText('Aus dem Impressum dieser Website gelesen: prüfe es vor dem Speichern.').waitFor();
    const field = (label) => popup.getByLabel(label, { exact: true }).inputValue();
    assert.deepEqual(
      {
        name: await field('Name'),
        role: await field('Position'),
        company: await field('Unternehmen'),
        location: await field('Ort'),
        emails: await field('E-Mail-Adressen (eine pro Zeile)'),
        phones: await field('Telefonnummern (eine pro Zeile)'),
      },
      {
        name: 'Dr. Anna Alt',
        role: 'Geschäftsführerin',
        company: 'Beispiel Consulting GmbH',
        location: 'München',
        emails: 'info@beispiel-consulting.de',
        phones: '089 / 123 456 - 0',
      },
    );
    await popup.getByText('Wird mit der Adresse dieser Website gespeichert: beispiel-consulting.de').waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    await popup.getByLabel('Name', { exact: true }).press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Dr. Anna Alt gespeichert.' }).waitFor();
    // Saved with the site as her link: the card is hers at once, not a form that would add her a second time.
    await popup.getByText('Diese Website ist einer der gespeicherten Links dieser Person.', { exact: false }).waitFor();
    assert.equal(await popup.locator('#capture-heading').textContent(), 'Dr. Anna Alt');
    const [anna] = (await h.records()).filter((c) => c.name === 'Dr. Anna Alt');
    assert.deepEqual(
      {
        company: anna.company,
        role: anna.role,
        location: anna.location,
        emails: anna.emails,
        phones: anna.phones,
        profiles: anna.profiles,
        salutation: anna.salutation,
      },
      {
        company: 'Beispiel Consulting GmbH',
        role: 'Geschäftsführerin',
        location: 'München',
        emails: ['info@beispiel-consulting.de'],
        phones: ['089 / 123 456 - 0'],
        profiles: [{ site: 'web', url: 'https://beispiel-consulting.de' }],
        // "Frau Dr. Anna Alt": her salutation, for a formal draft's greeting.
        salutation: 'Frau',
      },
    );
    await popup.close();
    // The notice again: the site is her saved link, so the popup shows her, and offers no second record.
    const again = await h.openPopup(tabId);
    await again.getByText('Diese Website ist einer der gespeicherten Links dieser Person.', { exact: false }).waitFor();
    assert.equal(await again.getByText('Aus dem Impressum dieser Website gelesen', { exact: false }).count(), 0);
    await again.close();
  });

  test("on the site's home page, its notice offered: one click opens it in the tab and the form starts with whom it names", async () => {
    const home = 'https://studio-muster.example/';
    h.serve(
      'https://studio-muster.example/impressum',
      '<!doctype html><html lang="de"><head><title>Impressum – Studio Muster</title></head><body><main><h1>Impressum</h1>' +
        '<p>Studio Muster<br>Inhaberin: Erika Muster<br>Musterweg 3<br>50667 Köln</p><p>E-Mail: hallo@studio-muster.example</p></main></body></html>',
    );
    const { page, tabId } = await h.openServed(
      home,
      '<!doctype html><html lang="de"><head><title>Studio Muster – Gestaltung</title></head><body><main><h1>Wir gestalten</h1></main>' +
        '<footer><a href="/datenschutz">Datenschutz</a> · <a href="/impressum">Impressum</a></footer></body></html>',
    );
    const popup = await h.openPopup(tabId);
    await popup.getByText('Wer diese Website betreibt, steht in ihrem Impressum.').waitFor();
    assert.deepEqual(await axe(popup), []);
    // By keyboard: the offer's button, then the form it filled has the focus.
    await popup.getByRole('button', { name: 'Impressum lesen' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByText('Aus dem Impressum dieser Website gelesen: prüfe es vor dem Speichern.').waitFor();
    assert.equal(await popup.evaluate(() => document.activeElement?.getAttribute('name')), 'name');
    assert.equal(page.url(), 'https://studio-muster.example/impressum');
    const field = (label) => popup.getByLabel(label, { exact: true }).inputValue();
    assert.deepEqual(
      [await field('Name'), await field('Position'), await field('Unternehmen'), await field('Ort')],
      ['Erika Muster', 'Inhaberin', 'Studio Muster', 'Köln'],
    );
    // Saved, with the site as her link.
    await popup.getByLabel('Name', { exact: true }).press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Erika Muster gespeichert.' }).waitFor();
    const [erika] = (await h.records()).filter((c) => c.name === 'Erika Muster');
    assert.deepEqual(erika.profiles, [{ site: 'web', url: 'https://studio-muster.example' }]);
    await popup.close();
    await page.close();
  });

  test("a personal site's notice whose markup names her: the card is hers, the site her link, the notice's town, phone and mail added", async () => {
    const { html: notice, url } = fixture('web/imprint-personal.html');
    const { tabId } = await h.openServed(url, notice);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Diese Person speichern' }).waitFor();
    const field = (label) => popup.getByLabel(label, { exact: true }).inputValue();
    assert.deepEqual(
      {
        name: await field('Name'),
        location: await field('Ort'),
        emails: await field('E-Mail-Adressen (eine pro Zeile)'),
      },
      { name: 'Erika Mustermann', location: 'Hamburg', emails: 'hallo@erika.example' },
    );
    await popup.getByLabel('Name', { exact: true }).press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Erika Mustermann gespeichert.' }).waitFor();
    const erika = (await h.records()).find((c) => c.name === 'Erika Mustermann');
    assert.deepEqual(
      { location: erika?.location, emails: erika?.emails, phones: erika?.phones, profiles: erika?.profiles },
      {
        location: 'Hamburg',
        emails: ['hallo@erika.example'],
        phones: ['040 5550123'],
        profiles: [{ site: 'web', url: 'https://erika.example' }],
      },
    );
    await popup.close();
  });
});
