// Why now and who can introduce (#14), in real Chromium with the built extension: a digest whose items carry
// reasons, a follow-up moving the due date, linking two people and seeing the suggestion on a third person's
// captured profile, and a vCard round trip with RELATED into another browser profile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { axeSchemes, contact, DAY, dateInput, launch, useExtension, waitFor } from './harness.mjs';

const page = readFileSync(new URL('../fixtures/pages/linkedin/loggedin-mutuals.html', import.meta.url), 'utf8');
const PROFILE = /^<!--\s*(\S+)/.exec(page)[1];

/** No axe-core violation in either colour scheme. */
const accessible = async (p, what) => assert.deepEqual(await axeSchemes(p), { light: [], dark: [] }, what);

/** The start of the day `days` from today (local time). */
function dayAt(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** That day as the English popup writes it ("Dec 10, 2026"). */
const shownDay = (days) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(dayAt(days));
/** Its weekday, as a reason within the coming week says it ("Thursday"). */
const weekdayIn = (days) => new Intl.DateTimeFormat('en', { weekday: 'long' }).format(dayAt(days));

describe('why now and who can introduce, in Chromium', () => {
  const h = useExtension({ locale: 'en' });
  const now = Date.now();
  const soon = new Date(now + 3 * DAY);
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long' }).format(soon);
  const lastCall = now - 100 * DAY;

  test('the weekly digest names each due person with why now; "This week" and the popup say it too', async () => {
    await h.seed([
      contact('anna', 'Anna Alt', {
        company: 'Beispiel Design GmbH',
        lastContactedAt: now - 120 * DAY,
        nextDueAt: now - 29 * DAY,
        interactions: [{ at: now - 120 * DAY, kind: 'meeting' }],
        birthday: { month: soon.getMonth() + 1, day: soon.getDate() },
        emails: ['anna@example.org'],
      }),
      contact('ben', 'Ben Bauer', {
        lastContactedAt: lastCall,
        nextDueAt: now - 9 * DAY,
        interactions: [{ at: lastCall, kind: 'call', note: 'Offer for the spring workshops' }],
        phones: ['+49 (0)221 555 0100'],
      }),
      contact('cora', 'Cora Neu', { createdAt: now - 200 * DAY, nextDueAt: now - 2 * DAY, phones: ['0800 Blumen'] }),
      contact('erika', 'Erika Mustermann', {
        company: 'Beispiel Design GmbH',
        createdAt: now - 10 * DAY,
        nextDueAt: now + 80 * DAY,
        profiles: [{ url: 'https://www.linkedin.com/in/erika-mustermann', site: 'linkedin' }],
      }),
      contact('jana', 'Jana Jüngling', { lastContactedAt: now - 5 * DAY, nextDueAt: now + 60 * DAY }),
    ]);
    const options = await h.weeklyReminder();
    const lastDate = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(lastCall);
    assert.deepEqual(options.items, [
      { title: 'Anna Alt', message: `Birthday on ${weekday}` },
      { title: 'Ben Bauer', message: `Last: call on ${lastDate} — Offer for the spring workshops` },
      { title: 'Cora Neu', message: 'Never contacted — added 7 months ago' },
    ]);

    // Raised is not yet shown: under load getAll() listed nothing yet, and the click went to no notification.
    const shown = async () => Object.keys(await h.inWorker(() => chrome.notifications.getAll()));
    await waitFor(async () => (await shown()).length === 1);
    const [id] = await shown();
    const opened = h.context.waitForEvent('page');
    await h.inWorker((nid) => chrome.notifications.onClicked.dispatch(nid), id);
    const view = await opened;
    await view.getByRole('heading', { name: 'This week' }).waitFor();
    const anna = view.getByRole('listitem', { name: 'Anna Alt' });
    await anna.getByRole('list', { name: 'Why now' }).getByText(`Birthday on ${weekday}`).waitFor();
    // One click to write: the email carries the draft; it sets how the contact is logged.
    const mail = anna.getByRole('link', { name: 'Email' });
    const href = await mail.getAttribute('href');
    assert.match(href, /^mailto:anna@example\.org\?body=Hi%20Anna%2C%0A%0A/);
    await anna.getByText('Message draft').click();
    assert.match(await anna.getByRole('textbox', { name: 'Message draft' }).inputValue(), /^Hi Anna,\n\nYour birthday/);
    const ben = view.getByRole('listitem', { name: 'Ben Bauer' });
    assert.equal(await ben.getByRole('link', { name: 'Call' }).getAttribute('href'), 'tel:+492215550100');
    // A vanity number (written with a space and not in capitals) is dialled as its keys spell it, not as "0800".
    const coraCall = view.getByRole('listitem', { name: 'Cora Neu' }).getByRole('link', { name: 'Call' });
    assert.equal(await coraCall.getAttribute('href'), 'tel:0800258636');
    await ben.getByText('Follow up later…').click();
    await accessible(view, 'This week with a draft and a follow-up open');
    await view.close();

    const popup = await h.openPopup();
    const cora = popup.getByRole('button', { name: /Cora Neu/ });
    await cora.getByText('Never contacted — added 7 months ago').waitFor();
    await popup.close();
  });

  test('a follow-up day moves the due date and becomes the reason; a past day is refused, nothing logged', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Ben Bauer/ }).click();
    await popup.getByText('Follow up later…').click();
    await popup.getByLabel('Follow up on').fill(dateInput(-1));
    await popup.getByRole('button', { name: 'Got in touch' }).click();
    await popup.getByRole('alert').getByText('A follow-up cannot be in the past').waitFor();
    assert.equal((await h.records()).find((r) => r.id === 'ben').interactions.length, 1, 'nothing logged');
    // The keyboard is on the day it refused, which is marked.
    const followUpDay = popup.getByLabel('Follow up on');
    assert.equal(await followUpDay.getAttribute('aria-invalid'), 'true');
    assert.equal(await followUpDay.evaluate((el) => el === document.activeElement), true);

    await popup.getByLabel('Follow up on').fill(dateInput(10));
    await popup.getByLabel('About (optional)').fill('the signed offer');
    await popup.getByRole('combobox', { name: 'How you got in touch' }).selectOption('call');
    await popup.getByRole('button', { name: 'Got in touch' }).click();
    await popup.getByText('Next: in 10 days').waitFor();
    // Ten days ahead it is not a reason yet (a week is), but the contact page says it is planned.
    await popup.getByText(`Follow-up planned for ${shownDay(10)}: the signed offer`).waitFor();
    await popup.getByText('Link to someone…').click();
    await popup.getByText('Message draft').click();
    await accessible(popup, 'the contact page with its forms open');
    const ben = (await h.records()).find((r) => r.id === 'ben');
    assert.equal(ben.nextDueAt, dayAt(10).getTime());
    assert.deepEqual(ben.followUp, { at: ben.nextDueAt, note: 'the signed offer' });
    assert.equal(ben.interactions.at(-1).kind, 'call');

    // Three days ahead it is a reason, and said once: not also as planned above it.
    await popup.getByText('Follow up later…').click();
    await popup.getByLabel('Follow up on').fill(dateInput(3));
    await popup.getByLabel('About (optional)').fill('the contract');
    await popup.getByRole('button', { name: 'Got in touch' }).click();
    await popup.getByText('Next: in 3 days').waitFor();
    assert.deepEqual(await popup.getByText(/the contract/).allTextContents(), [
      `Follow-up for ${weekdayIn(3)}: the contract`,
    ]);
    await popup.close();
  });

  test("the next reminder names a follow-up asked for before its day, not one on its day (that reminder's)", async () => {
    // The reminder's day five days on: a follow-up in three days is this week's, one in five days that reminder's.
    const options = await h.openOptions();
    await options
      .getByLabel('Day')
      .selectOption({ label: new Intl.DateTimeFormat('en', { weekday: 'long' }).format(dayAt(5)) });
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    await options.close();
    // Jana (contacted five days ago) asked to be followed up on that day.
    const jana = (await h.records()).find((r) => r.id === 'jana');
    const onItsDay = { at: dayAt(5).getTime(), note: 'the invoice' };
    await h.seed([{ ...jana, followUp: onItsDay, nextDueAt: onItsDay.at }]);
    await h.newReminderWeek();
    const digest = await h.weeklyReminder();
    // Ben's follow-up (the test before) in three days: named now, where it was named the week after its day.
    assert.deepEqual(digest.items, [
      { title: 'Anna Alt', message: `Birthday on ${weekday}` },
      { title: 'Ben Bauer', message: `Follow-up for ${weekdayIn(3)}: the contract` },
      { title: 'Cora Neu', message: 'Never contacted — added 7 months ago' },
    ]);
  });

  test("linking two people, then the third person's captured profile: who can introduce, mutual chips", async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Ben Bauer/ }).click();
    await popup.getByText('Link to someone…').click();
    await popup.getByLabel('Link', { exact: true }).selectOption({ label: 'Knows' });
    await popup.getByLabel('Person').fill('Erika Mustermann');
    await popup.getByLabel('Note (optional)').fill('worked together at Siemens');
    await popup.getByRole('button', { name: 'Link', exact: true }).click();
    const knows = popup.getByTestId('links-knows');
    await knows.getByRole('button', { name: 'Erika Mustermann', exact: true }).waitFor();
    // Both sides: Erika's page says she knows Ben.
    await knows.getByRole('button', { name: 'Erika Mustermann', exact: true }).click();
    await popup.getByRole('heading', { name: 'Erika Mustermann' }).waitFor();
    await popup.getByTestId('links-knows').getByRole('button', { name: 'Ben Bauer', exact: true }).waitFor();
    // "Introduced by" in the editor offers the people in the book; a name that is one of them becomes a link.
    await popup.getByRole('button', { name: 'Back' }).click();
    await popup.getByRole('button', { name: /Jana Jüngling/ }).click();
    const by = popup.getByLabel('Introduced by');
    await by.fill('Anna');
    assert.deepEqual(
      await popup.evaluate(
        (id) => [...document.getElementById(id).options].map((o) => o.value),
        await by.getAttribute('list'),
      ),
      ['Anna Alt'],
    );
    await by.fill('Anna Alt');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByTestId('links-introducedBy').getByRole('button', { name: 'Anna Alt', exact: true }).click();
    await popup.getByTestId('links-introduced').getByRole('button', { name: 'Jana Jüngling', exact: true }).waitFor();
    await popup.close();

    // Erika's LinkedIn profile names Jana as a mutual connection.
    const html = page.replace(/Max Beispiel<\/strong>/g, 'Jana Jüngling</strong>');
    const { tabId } = await h.openServed(PROFILE, html);
    let card = await h.openPopup(tabId);
    await card.getByRole('heading', { name: 'Update this person' }).waitFor();
    let intro = card.getByRole('region', { name: 'Who can introduce you?' });
    await intro.getByRole('listitem').first().waitFor();
    assert.deepEqual(
      (await intro.getByRole('listitem').allTextContents()).map((t) => t.replace(/Ask for an introduction$/, '')),
      [
        'Ben Bauer Knows them — worked together at Siemens',
        'Jana Jüngling Mutual connection on the page',
        'Anna Alt Works at Beispiel Design GmbH',
      ],
    );
    await accessible(card, 'the capture card with introducers and chips');
    // The mutual connection in the book is offered, not stored until kept.
    const chip = () => card.getByRole('button', { name: 'Knows Jana Jüngling' });
    assert.equal(await chip().getAttribute('aria-pressed'), 'false');
    const knowsOf = async (id) =>
      (await h.records()).find((r) => r.id === id).related.filter((r) => r.kind === 'knows');
    assert.deepEqual(await knowsOf('jana'), []);
    await chip().click();
    // A click outside closes the popup before Update: the chip comes back ticked, as typing does.
    await card.close();
    card = await h.openPopup(tabId);
    intro = card.getByRole('region', { name: 'Who can introduce you?' });
    await chip().waitFor();
    assert.equal(await chip().getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await knowsOf('jana'), []);
    await card.getByRole('button', { name: 'Update', exact: true }).click();
    await waitFor(async () => (await knowsOf('jana')).length === 1);
    assert.deepEqual(
      (await knowsOf('jana')).map((r) => [r.kind, r.id]),
      [['knows', 'erika']],
    );

    // Asking Ben for the introduction is logged on both.
    await intro.getByRole('button', { name: 'Ask for an introduction (Ben Bauer)' }).click();
    await intro.getByText('Logged: you asked Ben Bauer for an introduction.').waitFor();
    const records = await h.records();
    assert.deepEqual(
      records.find((r) => r.id === 'ben').interactions.at(-1).note,
      'Asked for an introduction to Erika Mustermann',
    );
    assert.deepEqual(records.find((r) => r.id === 'erika').interactions.at(-1), {
      at: records.find((r) => r.id === 'erika').interactions.at(-1).at,
      kind: 'introduction',
      note: 'Asked Ben Bauer for an introduction',
    });
    // The introduction asked for is no contact with Erika: a contact logged by mistake and taken out again leaves
    // her last contact where it was, not at the introduction.
    const erika = async () => (await h.records()).find((r) => r.id === 'erika');
    const lastBefore = (await erika()).lastContactedAt;
    await card.getByRole('button', { name: 'Open contact' }).click();
    await card.getByRole('button', { name: 'Got in touch' }).click();
    await card.getByRole('status').filter({ hasText: 'Logged your contact with Erika Mustermann.' }).waitFor();
    await card.getByRole('button', { name: /^Remove the entry of .* \(Message\)$/ }).click();
    await card
      .getByRole('status')
      .filter({ hasText: /^Removed the entry of / })
      .waitFor();
    await waitFor(async () => (await erika()).interactions.length === 1);
    assert.equal((await erika()).lastContactedAt, lastBefore);
    await card.close();
  });

  test('a vCard export carries RELATED with urn:uuid; imported into another browser, the links are there', async () => {
    const options = await h.openOptions('#data');
    await options.getByLabel('Format').selectOption('vcf4');
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export', exact: true }).click();
    const text = readFileSync(await (await downloading).path(), 'utf8').replace(/\r\n /g, '');
    await options.close();
    assert.match(
      text,
      /RELATED;TYPE=acquaintance;X-NAME="Erika Mustermann";X-NOTE="worked together at Siemens":urn:uuid:erika/,
    );

    const other = await launch({ locale: 'en' });
    try {
      const opts = await other.openOptions('#data');
      await opts.getByLabel('Choose or drop a file').setInputFiles({
        name: 'book.vcf',
        mimeType: 'text/vcard',
        buffer: Buffer.from(text),
      });
      await opts.getByRole('button', { name: 'Import', exact: true }).click();
      await opts.getByText('Imported: 5 new, 0 merged.').waitFor();
      const popup = await other.openPopup();
      await popup.getByRole('button', { name: /Ben Bauer/ }).click();
      await popup.getByTestId('links-knows').getByRole('button', { name: 'Erika Mustermann', exact: true }).click();
      await popup.getByRole('heading', { name: 'Erika Mustermann' }).waitFor();
      const knows = popup.getByTestId('links-knows');
      assert.deepEqual(
        (await knows.getByRole('button', { name: /^(Ben Bauer|Jana Jüngling)$/ }).allTextContents()).sort(),
        ['Ben Bauer', 'Jana Jüngling'],
      );
      assert.deepEqual(other.ownTraffic(), [], 'no request of our own');
    } finally {
      await other.close();
    }
  });
});

describe('formal address, German UI', () => {
  const h = useExtension({ locale: 'de' });

  test('"Siezen" on a contact\'s page: their message draft says "Sie" and greets by the whole name, or by her salutation', async () => {
    await h.seed([contact('petra', 'Dr. Petra Klein', { emails: ['petra@example.org'] })]);
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Dr\. Petra Klein/ }).click();
    await popup.getByRole('heading', { name: 'Dr. Petra Klein' }).waitFor();
    await popup.getByText('Nachrichtenentwurf').click();
    const draft = popup.getByRole('textbox', { name: 'Nachrichtenentwurf' });
    assert.match(
      await draft.inputValue(),
      /^Hallo Petra,\n\n[\s\S]*\n\nWie geht es dir, und woran arbeitest du gerade\?$/,
    );
    const formal = popup.getByRole('checkbox', {
      name: 'Siezen (Entwürfe mit „Sie“, mit Anrede und Nachnamen oder ganzem Namen)',
    });
    await formal.check();
    await popup.getByRole('button', { name: 'Speichern', exact: true }).click();
    await popup.getByText('Änderungen gespeichert.').waitFor();
    await waitFor(async () => (await draft.inputValue()).startsWith('Guten Tag'));
    assert.match(
      await draft.inputValue(),
      /^Guten Tag Dr\. Petra Klein,\n\n[\s\S]*\n\nWie geht es Ihnen, und woran arbeiten Sie gerade\?$/,
    );
    // The email carries the same draft.
    const mail = await popup.getByRole('link', { name: 'E-Mail' }).getAttribute('href');
    assert.match(decodeURIComponent(mail), /\?body=Guten Tag Dr\. Petra Klein,/);
    assert.equal((await h.records()).find((r) => r.id === 'petra').formal, true);
    await accessible(popup, 'a contact page with "Siezen" checked');
    // With her salutation, chosen from the field's offers: greeted as a letter in German greets her.
    const salutation = popup.getByRole('combobox', { name: 'Anrede' });
    assert.deepEqual(
      await popup
        .locator(`#${await salutation.getAttribute('list')} option`)
        .evaluateAll((os) => os.map((o) => o.value)),
      ['Herr', 'Frau'],
    );
    await salutation.fill('Frau');
    await popup.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitFor(async () => (await draft.inputValue()).startsWith('Guten Tag Frau Dr. Klein,'));
    assert.equal((await h.records()).find((r) => r.id === 'petra').salutation, 'Frau');
    // Unchecked again: "du" once more, and the record no longer says formal.
    await formal.uncheck();
    await popup.getByRole('button', { name: 'Speichern', exact: true }).click();
    await waitFor(async () => (await draft.inputValue()).startsWith('Hallo Petra,'));
    assert.equal((await h.records()).find((r) => r.id === 'petra').formal, undefined);
    await popup.close();
  });
});
