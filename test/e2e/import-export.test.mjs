import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { axe, contact, DAY, useExtension, waitFor } from './harness.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/contacts/${name}`, import.meta.url));

describe('import and export in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  async function importFile(options, name, buffer, mimeType = 'text/plain') {
    await options.getByLabel('Choose or drop a file').setInputFiles({ name, mimeType, buffer });
    await options.getByRole('region', { name: 'Import preview' }).waitFor();
  }

  /** Gives the import a CSV whose columns it asks about, and waits for the question. */
  async function askColumns(options, name, buffer) {
    await options.getByLabel('Choose or drop a file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await options.getByRole('heading', { name: 'What is in each column?' }).waitFor();
  }

  test("LinkedIn's Connections.csv: preview, confirm, the people are in the popup; twice gives no duplicates", async () => {
    const options = await h.openOptions();
    await options.getByRole('link', { name: 'Import & export' }).click();
    await importFile(options, 'Connections.csv', fixture('linkedin-connections.csv'), 'text/csv');
    assert.equal(await options.getByTestId('import-new').textContent(), '2 new people');
    // What is not read is said, with the way to keep it.
    assert.equal(
      await options.getByTestId('import-columns-unread').textContent(),
      'Columns not read: Connected On. To keep one of them, give it a place with “Change columns” (the note, say).',
    );
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 2 new, 0 merged.').waitFor();

    await importFile(options, 'Connections.csv', fixture('linkedin-connections.csv'), 'text/csv');
    assert.equal(await options.getByTestId('import-new').textContent(), '0 new people');
    assert.equal(
      await options.getByTestId('import-merge').textContent(),
      '2 already in your contacts (will be merged)',
    );
    await options.getByRole('button', { name: 'Cancel' }).click();

    const popup = await h.openPopup();
    await popup.getByRole('listitem').filter({ hasText: 'Erika Mustermann' }).waitFor();
    await popup.getByRole('listitem').filter({ hasText: 'John Doe' }).waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), '2 people you know');
    await popup.close();
    await options.close();
  });

  test('a bad file gets a clear message and changes nothing', async () => {
    const options = await h.openOptions('#data');
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    await options.getByRole('alert').filter({ hasText: 'This is not a text file.' }).waitFor();
    // A UTF-16 export cut off inside a character: said to be damaged, not read into a name "�".
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'outlook.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0xff, 0xfe, ...Buffer.from('Name\r\nAnna\r\n', 'utf16le'), 0x42]),
    });
    await options
      .getByRole('alert')
      .filter({ hasText: 'This file is damaged: it is written as Unicode text (UTF-16)' })
      .waitFor();
    // A list kept in Excel: the way to a file the import reads.
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'Mitglieder.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0]),
    });
    await options
      .getByRole('alert')
      .filter({ hasText: 'This is a spreadsheet (Excel, LibreOffice, Numbers), which Reconnect does not read itself.' })
      .waitFor();
    // A backup a newer version wrote: said so (it is a backup), and not read, so nothing of it is dropped.
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'reconnect-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ app: 'reconnect', version: 2, contacts: [{ id: 'x', name: 'Xenia' }] })),
    });
    await options
      .getByRole('alert')
      .filter({ hasText: 'This backup was made by a newer version of Reconnect.' })
      .waitFor();
    const popup = await h.openPopup();
    assert.equal(await popup.getByTestId('stats').textContent(), '2 people you know');
    await popup.close();
    await options.close();
  });

  test('a file of which nobody can be imported says why, open, and offers no Import', async () => {
    const before = await h.records();
    const options = await h.openOptions('#data');
    const cards = ['BEGIN:VCARD', 'VERSION:3.0', 'EMAIL:', 'END:VCARD'].join('\r\n');
    await importFile(options, 'nameless.vcf', Buffer.from(`${cards}\r\n${cards}\r\n`), 'text/vcard');
    assert.equal(await options.getByTestId('import-invalid').textContent(), "2 entries can't be imported");
    await options.getByTestId('import-nothing').filter({ hasText: 'Nobody in this file can be imported.' }).waitFor();
    const reasons = options.getByRole('region', { name: 'Import preview' }).getByRole('listitem');
    await reasons.filter({ hasText: 'Entry 1 has no name.' }).waitFor();
    assert.ok(await reasons.filter({ hasText: 'Entry 2 has no name.' }).isVisible(), 'the details are open');
    assert.equal(await options.getByRole('button', { name: 'Import', exact: true }).count(), 0);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.getByRole('region', { name: 'Import preview' }).waitFor({ state: 'detached' });
    assert.deepEqual(await h.records(), before, 'nothing written');
    await options.close();
  });

  test('export as vCard downloads a dated file that imports back to the same people', async () => {
    const options = await h.openOptions('#data');
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await downloading;
    assert.match(file.suggestedFilename(), /^reconnect-\d{4}-\d{2}-\d{2}\.vcf$/);
    const text = readFileSync(await file.path(), 'utf8');
    assert.equal((text.match(/BEGIN:VCARD/g) ?? []).length, 2);
    assert.match(text, /FN:Erika Mustermann/);
    assert.match(text, /URL:https:\/\/www\.linkedin\.com\/in\/johndoe-1234/);
    await importFile(options, file.suggestedFilename(), Buffer.from(text), 'text/vcard');
    assert.equal(await options.getByTestId('import-new').textContent(), '0 new people');
    assert.equal(
      await options.getByTestId('import-merge').textContent(),
      '2 already in your contacts (will be merged)',
    );
    await options.close();
  });

  test('delete everything: storage shown, a last-chance backup, a typed confirmation, then nothing left', async () => {
    // A name typed into a popup form and not saved is kept for it (ui/typed.ts): deleted with everything else.
    const typing = await h.openPopup();
    await typing.getByRole('button', { name: '+ Add a person' }).click();
    await typing.getByLabel('Name').fill('Tante Erna');
    await typing.close();
    const kept = async () => {
      const page = await h.rawPage();
      try {
        return await page.evaluate(() => localStorage.getItem('reconnect.typed'));
      } finally {
        await page.close();
      }
    };
    assert.match(await kept(), /Tante Erna/);
    const options = await h.openOptions('#data');
    await options.getByTestId('storage-used').filter({ hasText: '2 contacts stored in this browser' }).waitFor();
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    assert.match(
      await options.getByRole('alertdialog').textContent(),
      /^This deletes all 2 contacts and their history/,
    );
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Download a backup first' }).click();
    const backup = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
    assert.equal(backup.contacts.length, 2);
    const final = options.getByRole('button', { name: 'Delete everything', exact: true });
    assert.equal(await final.isDisabled(), true);
    await options.getByRole('textbox', { name: 'Type “delete”' }).fill('delete');
    await final.click();
    await options.getByText('Everything was deleted.').waitFor();
    assert.equal(await kept(), null);
    const popup = await h.openPopup();
    assert.equal(await popup.getByTestId('stats').textContent(), '0 people you know');

    // The backup restores everyone, losslessly.
    await importFile(options, 'backup.json', Buffer.from(JSON.stringify(backup)), 'application/json');
    await options.getByText('Restore 2 contacts from this backup.').waitFor();
    assert.equal(
      await options.getByTestId('restore-back').textContent(),
      '2 of them are not in this browser and come back.',
    );
    assert.equal(await options.getByTestId('restore-older').count(), 0);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Restored 2 contacts.').waitFor();
    const again = await h.openPopup();
    assert.equal(await again.getByTestId('stats').textContent(), '2 people you know');

    // A person contacted since the backup: restoring it again would take that back, and the preview says so first.
    await again.locator('.row').first().click();
    await again.getByRole('button', { name: 'Got in touch' }).click();
    await again.locator('.timeline li').first().waitFor();
    await importFile(options, 'backup.json', Buffer.from(JSON.stringify(backup)), 'application/json');
    assert.equal(
      await options.getByTestId('restore-older').textContent(),
      '1 of them changed here since this backup: the backup’s copy replaces it, and its changes since then are lost.',
    );
    assert.equal(await options.getByTestId('restore-back').count(), 0);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await again.close();
  });

  test('a CSV nobody knows the columns of: the user says what each holds, then the preview, then the import', async () => {
    const options = await h.openOptions('#data');
    await askColumns(options, 'adressen.csv', fixture('noheader-unknown.csv'));
    // Read from the content: a name, an email, a phone number; the first values are shown to check against.
    assert.equal(await options.getByLabel('Column 1').inputValue(), 'name');
    assert.equal(await options.getByLabel('Column 2').inputValue(), 'email');
    await options.getByText('e.g. carla@example.org · dieter@example.org').waitFor();
    await options.getByLabel('Column 3').selectOption({ label: 'Ignore' });
    await options.getByRole('button', { name: 'Use these columns' }).click();
    await options.getByRole('region', { name: 'Import preview' }).waitFor();
    assert.equal(await options.getByTestId('import-new').textContent(), '2 new people');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 2 new, 0 merged.').waitFor();
    const carla = (await h.records()).find((r) => r.name === 'Carla Cruz');
    assert.deepEqual([carla.emails, carla.phones], [['carla@example.org'], []]);
    await options.close();
  });

  test('a headerless list: every role is offered and the guess kept; what the rows say is said once, and only for the columns imported', async () => {
    const options = await h.openOptions('#data');
    const csv =
      'Ida Irrtum,1.1.1985,ida@example.org\r\nJan Jahr,2.2.1980,jan at example.org\r\nKai Kalender,31.02.1990,kai@example.org\r\n';
    await askColumns(options, 'liste.csv', Buffer.from(csv));
    // The dates were guessed to be the birthdays, and the menu offers that (and every other role the reader knows).
    assert.equal(await options.getByLabel('Column 2').inputValue(), 'birthday');
    const offered = await options.getByLabel('Column 2').locator('option').allTextContents();
    for (const role of ['Birthday', 'Circles (labels)', 'Middle name', 'Postal address', 'Photo link'])
      assert.ok(offered.includes(role), role);
    await options.getByRole('button', { name: 'Use these columns' }).click();
    await options.getByRole('region', { name: 'Import preview' }).waitFor();
    await options.locator('.preview details summary').click();
    const unreadBirthday = options.getByText('Entry 3: the birthday “31.02.1990” could not be read', { exact: false });
    await unreadBirthday.waitFor();
    assert.equal(await unreadBirthday.count(), 1, 'said once');
    await options.getByText('Entry 2: “jan at example.org” is not an email address.', { exact: false }).waitFor();
    // The birthdays ignored: nothing to say about them.
    await options.getByRole('button', { name: 'Change columns' }).click();
    await options.getByLabel('Column 2').selectOption({ label: 'Ignore' });
    await options.getByRole('button', { name: 'Use these columns' }).click();
    await options.getByRole('region', { name: 'Import preview' }).waitFor();
    assert.equal(await unreadBirthday.count(), 0);
    // And taken again as the birthdays, imported with them.
    await options.getByRole('button', { name: 'Change columns' }).click();
    await options.getByLabel('Column 2').selectOption({ label: 'Birthday' });
    await options.getByRole('button', { name: 'Use these columns' }).click();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 3 new, 0 merged.').waitFor();
    const records = await h.records();
    assert.deepEqual(records.find((r) => r.name === 'Ida Irrtum').birthday, { year: 1985, month: 1, day: 1 });
    assert.deepEqual(records.find((r) => r.name === 'Jan Jahr').emails, []);
    await options.close();
  });

  test("a list's web addresses as people write them: without https://, a handle in a column named by its site; what is none is said, and a phone number a spreadsheet shortened or none at all", async () => {
    const options = await h.openOptions('#data');
    const csv =
      'Name,Webseite,Twitter,Homepage,Mobile\r\nLena Link,www.lena.example,@lenalink,,4.91701E+12\r\n' +
      'Mo Muster,xing.com/profile/Mo_Muster,,@mo,+49 170 5550103\r\nTilo Telefon,,,,privat\r\n';
    await importFile(options, 'liste.csv', Buffer.from(csv), 'text/csv');
    await options.locator('.preview details summary').click();
    await options.getByText('Entry 2: “@mo” is not a web address. The person is imported without it.').waitFor();
    // A phone number a spreadsheet saved in scientific notation: its digits are lost, and the way back is said.
    await options
      .getByText('Entry 1: the phone number “4.91701E+12” was saved by a spreadsheet in scientific notation', {
        exact: false,
      })
      .waitFor();
    // A phone cell without a digit is no number to call.
    await options.getByText('Entry 3: “privat” is not a phone number. The person is imported without it.').waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 3 new, 0 merged.').waitFor();
    const records = await h.records();
    assert.deepEqual(
      records.find((r) => r.name === 'Lena Link').profiles.map((p) => p.url),
      ['https://www.lena.example', 'https://x.com/lenalink'],
    );
    assert.deepEqual(
      records.find((r) => r.name === 'Mo Muster').profiles.map((p) => p.url),
      ['https://www.xing.com/profile/Mo_Muster'],
    );
    assert.deepEqual(
      ['Lena Link', 'Mo Muster', 'Tilo Telefon'].map((n) => records.find((r) => r.name === n).phones),
      [[], ['+49 170 5550103'], []],
    );
    await options.close();
  });

  test('a headerless list of names with their addresses, as a mail program copies them: everyone from the first row, named by them', async () => {
    const options = await h.openOptions('#data');
    const csv = 'Lara Lind <lara@lind.example>,Köln\r\n"""Mohr, Malte"" <malte@mohr.example>",Bonn\r\n';
    await askColumns(options, 'adressen.csv', Buffer.from(csv));
    assert.equal(await options.getByLabel('Column 1').inputValue(), 'email');
    assert.equal(await options.getByLabel('Column 2').inputValue(), 'ignore');
    await options.getByLabel('Column 2').selectOption({ label: 'Town' });
    await options.getByRole('button', { name: 'Use these columns' }).click();
    assert.equal(await options.getByTestId('import-new').textContent(), '2 new people');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 2 new, 0 merged.').waitFor();
    const records = await h.records();
    assert.deepEqual(
      ['Lara Lind', 'Malte Mohr'].map((name) => {
        const r = records.find((x) => x.name === name);
        return [r?.emails, r?.location];
      }),
      [
        [['lara@lind.example'], 'Köln'],
        [['malte@mohr.example'], 'Bonn'],
      ],
    );
    await options.close();
  });

  test("slash-date birthdays take the file's order, a short year its last century, a month in words is read; one that cannot be read is said in the preview", async () => {
    const options = await h.openOptions('#data');
    const csv =
      'Name,Birthday\r\nDora Datum,03/04/1991\r\nEmil Eindeutig,20/01/1990\r\nFritz Frage,soon\r\nGisela Kurz,23/04/85\r\nHanna Hand,23. März\r\n';
    await importFile(options, 'birthdays.csv', Buffer.from(csv), 'text/csv');
    assert.equal(await options.getByTestId('import-new').textContent(), '5 new people');
    await options.locator('.preview details summary').click();
    await options
      .getByText('Entry 3: the birthday “soon” could not be read, or its day and month could be either way.', {
        exact: false,
      })
      .waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 5 new, 0 merged.').waitFor();
    const records = await h.records();
    assert.deepEqual(records.find((r) => r.name === 'Dora Datum').birthday, { year: 1991, month: 4, day: 3 });
    assert.deepEqual(records.find((r) => r.name === 'Gisela Kurz').birthday, { year: 1985, month: 4, day: 23 });
    assert.deepEqual(records.find((r) => r.name === 'Hanna Hand').birthday, { month: 3, day: 23 });
    assert.equal(records.find((r) => r.name === 'Fritz Frage').birthday, undefined);
    await options.close();
  });

  test('a quotation mark never closed: the preview says its line outright, and the people above it can be imported', async () => {
    const options = await h.openOptions('#data');
    const csv = 'Name;E-Mail\nUta Ufer;uta@example.org\n"Vera Vogt;vera@example.org\nWim Wolf;wim@example.org\n';
    await importFile(options, 'kontakte.csv', Buffer.from(csv), 'text/csv');
    await options
      .getByTestId('import-unread')
      .filter({ hasText: 'Line 3: a quotation mark opens a field that never ends' })
      .waitFor();
    assert.equal(await options.getByTestId('import-new').textContent(), '1 new person');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 1 new, 0 merged.').waitFor();
    const names = (await h.records()).map((r) => r.name);
    assert.ok(names.includes('Uta Ufer'));
    assert.ok(!names.some((n) => /Vera|Wim/.test(n)), 'nothing of the lines that could not be read');
    await options.close();
  });

  test('a vCard file with a card missing its BEGIN and one missing its END: both said, the rest imported', async () => {
    const options = await h.openOptions('#data');
    const vcf = [
      ...['BEGIN:VCARD', 'VERSION:3.0', 'FN:Xaver Xylo', 'EMAIL:xaver@example.org'],
      ...['BEGIN:VCARD', 'VERSION:3.0', 'FN:Yvonne Yak', 'END:VCARD'],
      ...['VERSION:3.0', 'FN:Zora Zaun', 'END:VCARD'],
    ].join('\r\n');
    await importFile(options, 'kontakte.vcf', Buffer.from(vcf), 'text/vcard');
    await options
      .getByTestId('import-unread')
      .filter({ hasText: 'Line 9: these lines stand outside every card (is a BEGIN:VCARD missing?)' })
      .waitFor();
    assert.equal(await options.getByTestId('import-new').textContent(), '2 new people');
    await options.getByText('Details: 1 note on an entry').click();
    await options.getByText('Entry 1 (line 1) has no END:VCARD').waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 2 new, 0 merged.').waitFor();
    const records = await h.records();
    assert.deepEqual(records.find((r) => r.name === 'Xaver Xylo')?.emails, ['xaver@example.org']);
    assert.ok(records.some((r) => r.name === 'Yvonne Yak'));
    assert.ok(!records.some((r) => r.name === 'Zora Zaun'));
    await options.close();
  });

  test("a whole address book's file (a server's download, with an iPhone's groups): the groups are no people, their names circles of their members", async () => {
    const options = await h.openOptions('#data');
    const card = (...lines) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'];
    const vcf = [
      ...card('FN:Ulla Ufer', 'UID:0A1B2C3D-0000-4000-8000-00000000000A', 'ADR:;;Uferweg 3;Köln;;;', 'NICKNAME:Ulli'),
      ...card(
        'FN:Neighbours',
        'N:Neighbours;;;;',
        'X-ADDRESSBOOKSERVER-KIND:group',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:0A1B2C3D-0000-4000-8000-00000000000A',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:0A1B2C3D-0000-4000-8000-00000000000B',
      ),
      // An Android phone's export puts Google's group of everyone on every card: no circle.
      // A fax number is no phone of the person's.
      ...card(
        'FN:Viktor Vogt',
        'UID:0A1B2C3D-0000-4000-8000-00000000000B',
        'CATEGORIES:My Contacts',
        'TEL;TYPE=WORK,FAX:0221 555 19',
        'TEL;TYPE=CELL:0170 555 10',
      ),
      ...card(
        'FN:Family',
        'X-ADDRESSBOOKSERVER-KIND:group',
        'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:0A1B2C3D-0000-4000-8000-00000000000B',
      ),
    ].join('\r\n');
    await importFile(options, 'contacts.vcf', Buffer.from(vcf), 'text/vcard');
    assert.equal(await options.getByTestId('import-new').textContent(), '2 new people');
    assert.equal(
      await options.getByTestId('import-groups').textContent(),
      'Groups (not people), kept as circles of their members in this file: Neighbours (2), Family (1).',
    );
    // What the cards hold that Reconnect keeps none of is said.
    assert.equal(
      await options.getByTestId('import-cards-unread').textContent(),
      'Not taken from the cards, as Reconnect keeps none of it: fax numbers (1), street addresses (1), nicknames (1).',
    );
    // Family is the book's own circle already; Neighbours is new.
    assert.equal(await options.getByTestId('import-circles').textContent(), 'New circles, from this file: Neighbours.');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 2 new, 0 merged. New circles: Neighbours.', { exact: true }).waitFor();
    const records = await h.records();
    assert.deepEqual(records.find((r) => r.name === 'Ulla Ufer')?.circles, ['Neighbours']);
    assert.deepEqual(records.find((r) => r.name === 'Viktor Vogt')?.phones, ['0170 555 10']);
    assert.equal(records.find((r) => r.name === 'Ulla Ufer')?.location, 'Köln');
    assert.deepEqual(records.find((r) => r.name === 'Viktor Vogt')?.circles, ['Neighbours', 'family']);
    assert.ok(!records.some((r) => r.name === 'Neighbours' || r.name === 'Family'), 'no group is a person');
    await options.close();
  });

  test('"Your data" counts along (an import on the page, a save in the popup); its confirmation takes the keyboard', async () => {
    const options = await h.openOptions('#data');
    const stored = options.getByTestId('storage-used');
    const count = async () => Number(/^(\d+)/.exec(await stored.textContent())?.[1]);
    await stored.filter({ hasText: /^\d+ contacts stored/ }).waitFor();
    const before = await count();
    await importFile(
      options,
      'zwei.vcf',
      Buffer.from(
        ['Urs Uhl', 'Vera Vogt'].map((n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${n}\r\nEND:VCARD\r\n`).join(''),
      ),
      'text/vcard',
    );
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 2 new, 0 merged.').waitFor();
    await stored.filter({ hasText: `${before + 2} contacts stored` }).waitFor();
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByLabel('Name').fill('Wim Wald');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByText('Saved Wim Wald.').waitFor();
    await popup.close();
    await stored.filter({ hasText: `${before + 3} contacts stored` }).waitFor();

    // Keyboard only: into the confirmation at its first step, and back to the button with Escape.
    const opener = options.getByRole('button', { name: 'Delete everything…' });
    await opener.focus();
    await options.keyboard.press('Enter');
    const dialog = options.getByRole('alertdialog');
    assert.match(await dialog.textContent(), new RegExp(`^This deletes all ${before + 3} contacts`));
    const focused = () => options.evaluate(() => document.activeElement?.textContent);
    await waitFor(async () => (await focused()) === 'Download a backup first');
    await options.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await waitFor(async () => (await focused()) === 'Delete everything…');
    assert.equal((await h.records()).length, before + 3, 'nothing deleted');
    await options.close();
  });

  test('a preview left open while the popup saves one of its people is counted again: that person is merged, not added twice', async () => {
    const options = await h.openOptions('#data');
    const cards = ['Quirin Quast', 'Rosa Rabe'].map(
      (n) =>
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${n}\r\nEMAIL:${n.split(' ')[0].toLowerCase()}@example.org\r\nEND:VCARD\r\n`,
    );
    await importFile(options, 'qr.vcf', Buffer.from(cards.join('')), 'text/vcard');
    assert.equal(await options.getByTestId('import-new').textContent(), '2 new people');
    // The keyboard waits on Import meanwhile.
    const confirm = options.getByRole('button', { name: 'Import', exact: true });
    await confirm.focus();

    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByLabel('Name').fill('Quirin Quast');
    await popup.locator('summary', { hasText: 'Email, phone, birthday' }).click();
    await popup.getByLabel('Emails (one per line)').fill('quirin@example.org');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByText('Saved Quirin Quast.').waitFor();
    await popup.close();

    await options.getByTestId('import-new').filter({ hasText: '1 new person' }).waitFor();
    assert.equal(
      await options.getByTestId('import-merge').textContent(),
      '1 already in your contacts (will be merged)',
    );
    assert.equal(
      await options.getByRole('status').filter({ hasText: 'changed while this preview was open' }).count(),
      1,
    );
    assert.equal(await options.evaluate(() => document.activeElement?.textContent), 'Import', 'the keyboard stays');
    await options.keyboard.press('Enter');
    await options.getByText('Imported: 1 new, 1 merged.').waitFor();
    const records = await h.records();
    assert.equal(records.filter((r) => r.name === 'Quirin Quast').length, 1);
    assert.equal(records.filter((r) => r.name === 'Rosa Rabe').length, 1);
    await options.close();
  });

  test("a file brings only the lines a saved person's note lacks: an export edited elsewhere, a CSV written on Windows", async () => {
    const saved = 'Messe Köln 2024\nKinder: 2';
    const files = [
      {
        who: contact('vera', 'Vera Vogel', { emails: ['vera@example.org'], notes: saved }),
        file: 'vera.vcf',
        type: 'text/vcard',
        text: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera Vogel\r\nEMAIL:vera@example.org\r\nNOTE:vom Handy\\nMesse Köln 2024\\nKinder: 2\\nFrau: Eva\r\nEND:VCARD\r\n',
        notes: 'vom Handy\nMesse Köln 2024\nKinder: 2\nFrau: Eva',
      },
      {
        who: contact('zora', 'Zora Zeder', { emails: ['zora.zeder@example.org'], notes: saved }),
        file: 'zora.csv',
        type: 'text/csv',
        text: 'Name,E-mail 1 - Value,Notes\r\nZora Zeder,zora.zeder@example.org,"Messe Köln 2024\r\nKinder: 2\r\nFrau: Eva"\r\n',
        notes: 'Messe Köln 2024\nKinder: 2\nFrau: Eva',
      },
    ];
    await h.seed(files.map((f) => f.who));
    const options = await h.openOptions('#data');
    for (const { who, file, type, text, notes } of files) {
      await importFile(options, file, Buffer.from(text), type);
      assert.equal(
        await options.getByTestId('import-merge').textContent(),
        '1 already in your contacts (will be merged)',
      );
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await options.getByText('Imported: 0 new, 1 merged.').waitFor();
      // The second file's status reads as the first's: its written note is what says it is done.
      const theirs = async () => (await h.records()).filter((r) => r.name === who.name);
      await waitFor(async () => (await theirs()).some((r) => r.notes !== saved)).catch(() => {});
      const records = await theirs();
      assert.deepEqual(
        records.map((r) => r.notes),
        [notes],
        file,
      );
    }
    await options.close();
  });

  test('an old card (its REV before the person was saved here) leaves their role and company; a newer one changes them; both bring their emails', async () => {
    await h.seed([
      contact('rudi', 'Rudi Rahmen', { role: 'CTO', company: 'Rahmen AG', emails: ['rudi@rahmen.example'] }),
      contact('rosa', 'Rosa Rand', { role: 'Designerin', company: 'Rand GmbH', emails: ['rosa@rand.example'] }),
    ]);
    const card = (name, email, rev) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEMAIL:${email.replace('@', '.privat@')}\r\nTITLE:Praktikant\r\nORG:Altfirma\r\nREV:${rev}\r\nEND:VCARD\r\n`;
    const soon = new Date(Date.now() + 86_400_000).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const file =
      card('Rudi Rahmen', 'rudi@rahmen.example', '20190102T080000Z') + card('Rosa Rand', 'rosa@rand.example', soon);
    const options = await h.openOptions('#data');
    await importFile(options, 'alt.vcf', Buffer.from(file), 'text/vcard');
    assert.equal(
      await options.getByTestId('import-merge').textContent(),
      '2 already in your contacts (will be merged)',
    );
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 0 new, 2 merged.').waitFor();
    const records = await h.records();
    const rudi = records.find((r) => r.id === 'rudi');
    assert.deepEqual([rudi.role, rudi.company, rudi.history], ['CTO', 'Rahmen AG', []]);
    assert.deepEqual(rudi.emails, ['rudi@rahmen.example', 'rudi.privat@rahmen.example']);
    const rosa = records.find((r) => r.id === 'rosa');
    assert.deepEqual([rosa.role, rosa.company], ['Praktikant', 'Altfirma']);
    assert.deepEqual(rosa.emails, ['rosa@rand.example', 'rosa.privat@rand.example']);
    await options.close();
  });

  test("one person twice in a phone's file: one person, both notes (a line they share once), both addresses, the role of the card changed last", async () => {
    const options = await h.openOptions('#data');
    const card = ({ title, emails, note, rev }) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Greta Gans\r\nN:Gans;Greta;;;\r\n${emails.map((e) => `EMAIL:${e}\r\n`).join('')}TITLE:${title}\r\nNOTE:${note}\r\nREV:${rev}\r\nEND:VCARD\r\n`;
    const file =
      card({
        title: 'Praktikantin',
        emails: ['greta@alt.example', 'greta@gans.example'],
        note: 'Messe Köln 2024\\nKinder: 2',
        rev: '20190102T080000Z',
      }) +
      card({
        title: 'Leiterin',
        emails: ['greta@gans.example'],
        note: 'vom Handy\\nMesse Köln 2024',
        rev: '20240611T120000Z',
      });
    await importFile(options, 'phone.vcf', Buffer.from(file), 'text/vcard');
    assert.equal(await options.getByTestId('import-new').textContent(), '1 new person');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 1 new, 0 merged.').waitFor();
    const gretas = (await h.records()).filter((r) => r.name === 'Greta Gans');
    assert.deepEqual(
      gretas.map((r) => [r.role, r.emails, r.notes]),
      [['Leiterin', ['greta@gans.example', 'greta@alt.example'], 'vom Handy\nMesse Köln 2024\nKinder: 2']],
    );
    await options.close();
  });

  test("a backup carries the settings and the people marked apart; restored into an emptied book they come back, with everyone's circles", async () => {
    const later = Date.now() + 300 * DAY;
    const tinasProfile = { url: 'https://www.xing.com/profile/Tina_Tennis', site: 'xing' };
    await h.seed([
      contact('tina', 'Tina Tennis', { circles: ['Tennis', 'Laufen'], nextDueAt: later, profiles: [tinasProfile] }),
      contact('kim1', 'Kim Lee', { company: 'Acme', nextDueAt: later }),
      contact('kim2', 'Kim Lee', { company: 'Beta', nextDueAt: later }),
    ]);
    const alarmAt = () =>
      h.inWorker(async () => {
        const at = new Date((await chrome.alarms.get('weekly-reconnect')).scheduledTime);
        return `${at.getHours()}:${at.getMinutes()}`;
      });
    /** The weekly alarm at this time (the worker is told of a save; "Settings saved." may still stand from before). */
    const alarmComesAt = (time) => waitFor(async () => (await alarmAt()) === time);
    /** The settings tab, as a page opened anew shows it. */
    const settingsTab = async (options, time, per, circles) => {
      await options.getByRole('link', { name: 'Settings' }).click();
      await options.getByLabel('Time').fill(time);
      await options.getByLabel('People per reminder').fill(per);
      await circles(options);
      await options.getByRole('button', { name: 'Save' }).click();
      await options.getByText('Settings saved.').waitFor();
    };
    const options = await h.openOptions('#settings');
    await settingsTab(options, '10:30', '7', async (page) => {
      await page.getByLabel('New circle').fill('Tennis');
      await page.getByLabel('New circle').press('Enter');
    });
    await alarmComesAt('10:30');

    await options.getByRole('link', { name: 'Import & export' }).click();
    await options.getByRole('button', { name: 'Look for people saved twice' }).click();
    const kims = options.getByRole('group', { name: 'Kim Lee — same name' });
    await kims.getByRole('button', { name: 'Different people' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Kept apart as different people: Kim Lee, Kim Lee.' })
      .waitFor();
    await options.getByLabel('Format').selectOption('json');
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export', exact: true }).click();
    const file = readFileSync(await (await downloading).path());
    const backup = JSON.parse(file.toString('utf8'));
    // The mark is on the two Kims, as their links are.
    assert.deepEqual(
      backup.contacts.filter((c) => c.name === 'Kim Lee').map((c) => [c.id, c.related]),
      [
        ['kim1', [{ kind: 'distinct', id: 'kim2', name: 'Kim Lee' }]],
        ['kim2', [{ kind: 'distinct', id: 'kim1', name: 'Kim Lee' }]],
      ],
    );
    assert.equal(backup.distinct, undefined);
    assert.equal(backup.settings.perReminder, 7);

    // Everything deleted (the settings stay), then the settings changed: the backup is all that knows them.
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    await options.getByRole('textbox', { name: 'Type “delete”' }).fill('delete');
    await options.getByRole('button', { name: 'Delete everything', exact: true }).click();
    await options.getByText('Everything was deleted.').waitFor();
    await settingsTab(options, '09:00', '5', (page) => page.getByRole('button', { name: 'Remove Tennis' }).click());
    await alarmComesAt('9:0');
    // Tina saved again meanwhile, from her profile: another record with the link the backup's Tina has.
    await h.seed([contact('tina-again', 'Tina Tennis', { nextDueAt: later, profiles: [tinasProfile] })]);

    await options.getByRole('link', { name: 'Import & export' }).click();
    await importFile(options, 'backup.json', file, 'application/json');
    assert.equal(
      await options.getByTestId('restore-merged').textContent(),
      '1 of them was saved here again since, as another record with the same profile link: the two are merged into that record.',
    );
    const box = options.getByRole('checkbox', { name: /^Put this backup’s settings back too/ });
    assert.equal(await box.isChecked(), true, 'offered, ticked');
    assert.deepEqual(await axe(options), []);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options
      .getByText(`Restored ${backup.contacts.length} contacts. The backup’s settings are back too.`)
      .waitFor();
    // The weekly alarm follows the slot put back.
    await alarmComesAt('10:30');
    await options.getByRole('link', { name: 'Settings' }).click();
    assert.equal(await options.getByLabel('People per reminder').inputValue(), '7');
    assert.equal(await options.getByLabel('Time').inputValue(), '10:30');
    // Tennis is back with the settings; Laufen, a circle only a person was in, is the book's now too.
    await options.getByRole('button', { name: 'Remove Tennis' }).waitFor();
    await options.getByRole('button', { name: 'Remove Laufen' }).waitFor();
    await options.getByRole('link', { name: 'Import & export' }).click();
    await options.getByRole('button', { name: 'Look for people saved twice' }).click();
    await options.getByTestId('duplicates-count').waitFor();
    assert.equal(await options.getByRole('group', { name: /^Kim Lee/ }).count(), 0, 'still marked apart');
    const popup = await h.openPopup();
    await popup.getByRole('combobox', { name: 'Circle' }).selectOption('Laufen');
    await popup.locator('.row[data-id="tina-again"]').waitFor();
    assert.equal((await h.records()).filter((r) => r.name === 'Tina Tennis').length, 1, 'one Tina, merged');
    await popup.close();
    await options.close();
  });
});

describe("a company's website in every colleague's row", () => {
  const h = useExtension({ locale: 'en' });

  test('makes nobody one person: each is imported with it, and imported again, each is found by it', async () => {
    const options = await h.openOptions('#data');
    const csv = [
      'Name,E-mail 1 - Value,Website 1 - Value,Organization 1 - Name',
      'Ada Acme,ada@acme.example,https://www.acme.example,Acme',
      'Bo Acme,bo@acme.example,https://www.acme.example/,Acme',
      'Cy Acme,cy@acme.example,https://www.acme.example,Acme',
    ].join('\r\n');
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const preview = options.getByRole('region', { name: 'Import preview' });
    await preview.waitFor();
    assert.equal(await preview.getByTestId('import-new').textContent(), '3 new people');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported: 3 new, 0 merged.').waitFor();
    const records = await h.records();
    assert.deepEqual(records.map((r) => [r.name, r.profiles.map((p) => p.url)]).sort(), [
      ['Ada Acme', ['https://www.acme.example']],
      ['Bo Acme', ['https://www.acme.example']],
      ['Cy Acme', ['https://www.acme.example']],
    ]);
    // The same file again: each found by their own name with the site (their emails would find them too, so
    // without them), nobody new.
    const again = csv.replace(/,[a-z]+@acme\.example,/g, ',,');
    assert.notEqual(again, csv);
    await options.getByLabel('Choose or drop a file').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(again),
    });
    await preview
      .getByTestId('import-merge')
      .filter({ hasText: '3 already in your contacts (will be merged)' })
      .waitFor();
    assert.equal(await preview.getByTestId('import-new').textContent(), '0 new people');
    await options.close();
  });
});

describe('a list of names written down, German UI', () => {
  const h = useExtension({ locale: 'de' });

  test('from the empty popup, by keyboard: a circle, its prompt, names one per line; the preview, then the people in that circle, due over the coming weeks', async () => {
    // An empty book: the popup's way to the list opens it unfolded.
    const popup = await h.openPopup();
    const way = popup.getByRole('link', { name: 'Aufschreiben oder importieren' });
    assert.equal(await way.getAttribute('href'), 'options.html#data-list');
    await popup.close();
    const options = await h.openOptions('#data-list');
    assert.equal(await options.locator('.name-list').evaluate((d) => d.open), true);
    await options.getByLabel('Kreis', { exact: true }).focus();
    await options.getByLabel('Kreis', { exact: true }).selectOption('club');
    const names = options.getByLabel('Namen, einer pro Zeile');
    assert.equal(
      await names.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent),
      'Sport, Musik, Ehrenamt, Elternbeirat, Nachbarschaft …',
    );
    await names.focus();
    await options.keyboard.type('Lena Liste\nMax Merkzettel\n\nlena liste\n');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    const preview = options.getByRole('region', { name: 'Import-Vorschau' });
    await preview.getByRole('heading', { name: 'Deine Liste: Verein' }).waitFor();
    assert.equal(await preview.getByTestId('import-new').textContent(), '2 neue Personen');
    assert.deepEqual(await axe(options), []);
    await options.getByRole('button', { name: 'Importieren', exact: true }).click();
    await options.getByText('Importiert: 2 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    assert.equal(await names.inputValue(), '', 'the field is free for the next circle');
    const records = (await h.records()).filter((r) => ['Lena Liste', 'Max Merkzettel'].includes(r.name));
    assert.deepEqual(
      records.map((r) => r.circles),
      [['club'], ['club']],
    );
    assert.ok(
      records.every((r) => r.nextDueAt > Date.now()),
      'due over the coming weeks, not all at once',
    );
    await options.close();
  });

  test("a list as a notes app writes it: bullets and numbers read past, names parted by semicolons, what follows a name the person's note", async () => {
    const options = await h.openOptions('#data-list');
    await options
      .getByLabel('Namen, einer pro Zeile')
      .fill('- Rita Rand – Steuerberaterin\n- Sam Sand; Tom Tal (Nachbar)\n1. Uli Ufer\n2. Vera Veit\n');
    await options.getByRole('button', { name: 'Vorschau', exact: true }).click();
    const preview = options.getByRole('region', { name: 'Import-Vorschau' });
    assert.equal(await preview.getByTestId('import-new').textContent(), '5 neue Personen');
    await options.getByRole('button', { name: 'Importieren', exact: true }).click();
    await options.getByText('Importiert: 5 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    const records = await h.records();
    const notes = Object.fromEntries(
      ['Rita Rand', 'Sam Sand', 'Tom Tal', 'Uli Ufer', 'Vera Veit'].map((n) => [
        n,
        records.find((r) => r.name === n)?.notes,
      ]),
    );
    assert.deepEqual(notes, {
      'Rita Rand': 'Steuerberaterin',
      'Sam Sand': '',
      'Tom Tal': 'Nachbar',
      'Uli Ufer': '',
      'Vera Veit': '',
    });
    await options.close();
  });

  test('pasted from a mail program: a line without a name is said at the field, nothing lost; mended, the addresses find who is saved', async () => {
    await h.seed([contact('nora', 'Nora Neumann', { emails: ['nora@neumann.example'] })]);
    const options = await h.openOptions('#data-list');
    const names = options.getByLabel('Namen, einer pro Zeile');
    const pasted = 'Olga Ost <olga@ost.example>; Nora N. <NORA@neumann.example>\npaul@pohl.example';
    await names.fill(pasted);
    await options.getByRole('button', { name: 'Vorschau', exact: true }).click();
    const said = 'Zeile 2: Zu paul@pohl.example fehlt der Name. Schreib ihn vor die Adresse: Name <paul@pohl.example>.';
    await options.getByText(said, { exact: true }).waitFor();
    assert.equal(await names.getAttribute('aria-invalid'), 'true');
    assert.equal(await names.evaluate((el) => el === document.activeElement), true);
    assert.equal(await names.inputValue(), pasted);
    assert.equal(await options.getByRole('region', { name: 'Import-Vorschau' }).count(), 0);
    assert.deepEqual(await axe(options), []);
    // Mended where the keyboard is: the name written before the address.
    await options.keyboard.press('Control+End');
    await options.keyboard.press('Home');
    await options.keyboard.type('Paul Pohl <');
    await options.keyboard.press('End');
    await options.keyboard.type('>');
    await options.getByRole('button', { name: 'Vorschau', exact: true }).click();
    const preview = options.getByRole('region', { name: 'Import-Vorschau' });
    assert.equal(await preview.getByTestId('import-new').textContent(), '2 neue Personen');
    assert.equal(
      await preview.getByTestId('import-merge').textContent(),
      '1 schon in deinen Kontakten (wird zusammengeführt)',
    );
    await options.getByRole('button', { name: 'Importieren', exact: true }).click();
    await options.getByText('Importiert: 2 neu, 1 zusammengeführt.', { exact: true }).waitFor();
    const records = (await h.records()).filter((r) => ['Olga Ost', 'Nora Neumann', 'Paul Pohl'].includes(r.name));
    assert.deepEqual(records.map((r) => [r.name, r.emails]).sort(), [
      ['Nora Neumann', ['nora@neumann.example']],
      ['Olga Ost', ['olga@ost.example']],
      ['Paul Pohl', ['paul@pohl.example']],
    ]);
    await options.close();
  });

  test("a club's member list, names family name first in one column: the column offered as such, by keyboard; the people named given name first", async () => {
    const options = await h.openOptions('#data');
    const list =
      'Name;E-Mail;Straße;Gruppen\r\nRiedel, Rosa;rosa@riedel.example;Hauptstr. 1;"Vorstand, Jugend"\r\n' +
      'von Sand, Sven;sven@sand.example;;Jugend\r\nTeam Nord;nord@verein.example;;\r\n';
    await options.getByLabel('Datei auswählen oder hierher ziehen').setInputFiles({
      name: 'mitglieder.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(list),
    });
    await options.getByRole('heading', { name: 'Was steht in welcher Spalte?' }).waitFor();
    const column = options.getByLabel('Name', { exact: true });
    assert.equal(await column.inputValue(), 'familyFirst');
    assert.equal(await column.locator('option:checked').textContent(), 'Ganzer Name, Nachname zuerst (Müller, Hans)');
    await options.getByText('z. B. Riedel, Rosa · von Sand, Sven · Team Nord').waitFor();
    assert.deepEqual(await axe(options), []);
    await options.getByRole('button', { name: 'Diese Spalten verwenden' }).focus();
    await options.keyboard.press('Enter');
    const preview = options.getByRole('region', { name: 'Import-Vorschau' });
    assert.equal(await preview.getByTestId('import-new').textContent(), '3 neue Personen');
    assert.equal(
      await preview.getByTestId('import-columns-unread').textContent(),
      'Nicht gelesene Spalten: Straße. Um eine davon zu behalten, gib ihr mit „Spalten ändern“ einen Platz (etwa die Notiz).',
    );
    // Two groups in one cell, as a list writes them: two circles.
    assert.equal(
      await preview.getByTestId('import-circles').textContent(),
      'Neue Kreise aus dieser Datei: Vorstand, Jugend.',
    );
    await options.getByRole('button', { name: 'Importieren', exact: true }).click();
    await options
      .getByText('Importiert: 3 neu, 0 zusammengeführt. Neue Kreise: Vorstand, Jugend.', { exact: true })
      .waitFor();
    const records = await h.records();
    const names = records.map((r) => r.name);
    for (const name of ['Rosa Riedel', 'Sven von Sand', 'Team Nord']) assert.ok(names.includes(name), name);
    assert.ok(!names.includes('Riedel, Rosa'));
    assert.deepEqual(records.find((r) => r.name === 'Rosa Riedel')?.circles, ['Vorstand', 'Jugend']);
    assert.deepEqual(records.find((r) => r.name === 'Sven von Sand')?.circles, ['Jugend']);
    await options.close();
  });
});

describe('starting circles in files, German UI', () => {
  const h = useExtension({ locale: 'de' });

  async function exportAs(options, format) {
    await options.locator('#export-format').selectOption(format);
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Exportieren', exact: true }).click();
    return readFileSync(await (await downloading).path(), 'utf8');
  }

  /**
   * Reads a file (its text, or its bytes as a program saved them) into the preview, hands the preview to `check`,
   * then imports it. The import knows a file by its name and content, not by its type.
   */
  async function importText(options, name, content, check = async () => {}) {
    await options.getByLabel('Datei auswählen oder hierher ziehen').setInputFiles({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
    });
    await check(await options.getByRole('region', { name: 'Import-Vorschau' }));
    await options.getByRole('button', { name: 'Importieren', exact: true }).click();
  }

  test('exports name them as the user sees them, and names in either language import as those circles', async () => {
    // Her role as a hostile page could have written it: a spreadsheet would run it as a formula.
    await h.seed([contact('anna', 'Anna Alt', { role: '=1+1', circles: ['formerColleagues', 'Stammtisch'] })]);
    const options = await h.openOptions('#data');
    const csv = await exportAs(options, 'csv');
    assert.match(csv, /Ehemalige Kollegen ::: Stammtisch/);
    assert.match(csv, /"'=1\+1"/, "written with a ' first, which the import takes off again");
    assert.doesNotMatch(csv, /formerColleagues/);
    const vcard = await exportAs(options, 'vcf4');
    assert.match(vcard, /CATEGORIES:Ehemalige Kollegen,Stammtisch/);

    // The exported file back: Anna is merged and stays in the same two circles, not in a third of that name.
    // Stammtisch, a circle only she was in (the book's circles do not name it), becomes the book's.
    await importText(options, 'export.csv', csv, async (preview) => {
      assert.equal(
        await preview.getByTestId('import-circles').textContent(),
        'Neue Kreise aus dieser Datei: Stammtisch.',
      );
    });
    await options
      .getByText('Importiert: 0 neu, 1 zusammengeführt. Neue Kreise: Stammtisch.', { exact: true })
      .waitFor();
    // Someone new from a file that names the circles in German and in English; none of them is new now.
    await importText(
      options,
      'leute.csv',
      'Name,Labels\r\nBerta Neu,Familie ::: Former colleagues ::: stammtisch\r\n',
      async (preview) => assert.equal(await preview.getByTestId('import-circles').count(), 0),
    );
    await options.getByText('Importiert: 1 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    // The export's choice of circle offers it at once; the popup's filter too.
    await options.locator('#export-circle option', { hasText: 'Stammtisch' }).waitFor({ state: 'attached' });
    const popup = await h.openPopup();
    await popup.getByRole('combobox', { name: 'Kreis' }).selectOption('Stammtisch');
    await popup.locator('.row[data-id="anna"]').waitFor();
    assert.equal(await popup.locator('.row').count(), 2, 'Anna and Berta');
    await popup.close();
    const records = await h.records();
    assert.deepEqual(records.find((r) => r.name === 'Anna Alt').circles, ['formerColleagues', 'Stammtisch']);
    assert.equal(records.find((r) => r.name === 'Anna Alt').role, '=1+1');
    assert.deepEqual(records.find((r) => r.name === 'Berta Neu').circles, ['family', 'formerColleagues', 'Stammtisch']);
    // Her line in the stored search index, written by this page: the circles by the names shown here.
    const lines = (
      await h.idb(async (db, _, { req }) => req(db.transaction('search').objectStore('search').getAll()))
    ).flatMap((bucket) => bucket.split('\u001e'));
    assert.match(lines.find((l) => l.includes('berta neu')) ?? '', /familie ehemalige kollegen stammtisch/);
    await options.close();
  });

  test('a list for Excel: German headings, cells parted by ";", UTF-8 Excel recognises, numbers kept as written; it imports back', async () => {
    await h.seed([
      contact('jo', 'Jörg Übel', {
        role: 'Geschäftsführer',
        company: 'Übel & Söhne',
        phones: ['01701234567', '+49 221 555 0100'],
        emails: ['joerg@uebel.example'],
        circles: ['clients'],
      }),
    ]);
    const options = await h.openOptions('#data');
    await options.getByLabel('Format').selectOption({ label: 'CSV für Excel und andere Tabellen' });
    // His circle alone: the book holds the describe's other people too.
    await options.locator('#export-circle').selectOption('clients');
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Exportieren', exact: true }).click();
    const file = await downloading;
    assert.match(file.suggestedFilename(), /^reconnect-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await file.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark: Excel reads the file as UTF-8');
    const [header, ...rows] = bytes.toString('utf8').slice(1).split('\r\n');
    assert.match(header, /^Name;Position;Unternehmen;Ort;Foto-Link;Profil-Link 1;E-Mail 1;Telefon 1;Telefon 2;Kreise;/);
    const row = rows.find((r) => r.startsWith('Jörg Übel;'));
    assert.ok(row, 'his row, his name as written');
    // Excel would show 1701234567 for the plain number: written as a formula of its text, it shows it whole.
    assert.match(row, /;"=""01701234567""";\+49 221 555 0100;Kunden;/);
    // How often to get in touch, as his page's form names it.
    assert.match(row, /;jeden Monat;/);
    await importText(options, file.suggestedFilename(), bytes);
    await options.getByText('Importiert: 0 neu, 1 zusammengeführt.', { exact: true }).waitFor();
    const jo = (await h.records()).find((r) => r.id === 'jo');
    assert.deepEqual(
      [jo.name, jo.role, jo.company, jo.phones, jo.emails, jo.circles],
      [
        'Jörg Übel',
        'Geschäftsführer',
        'Übel & Söhne',
        ['01701234567', '+49 221 555 0100'],
        ['joerg@uebel.example'],
        ['clients'],
      ],
    );
    await options.close();
  });

  test('a networking list with "Letzter Kontakt" and "Kontaktrhythmus": each one due counted from them; a day still to come said in the preview', async () => {
    const day = (daysAgo) => {
      const d = new Date(Date.now() - daysAgo * 86_400_000);
      return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
    };
    const soon = day(-30);
    const list =
      'Vorname;Nachname;Firma;Letzter Kontakt;Kontaktrhythmus\r\n' +
      `Lotte;Lang;Lang Design;${day(200)};monatlich\r\nMoritz;Mahn;;${soon};alle 2 Wochen\r\n`;
    const options = await h.openOptions('#data');
    await importText(options, 'Netzwerk.csv', list, async (preview) => {
      await preview
        .getByText(
          `Eintrag 2: Der letzte Kontakt „${soon}“ ist kein lesbarer Tag mit Jahr oder liegt in der Zukunft. Die Person wird ohne ihn importiert.`,
        )
        // In the preview's list of what was not read, folded.
        .waitFor({ state: 'attached' });
    });
    await options.getByText('Importiert: 2 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    const records = await h.records();
    const lotte = records.find((r) => r.name === 'Lotte Lang');
    const moritz = records.find((r) => r.name === 'Moritz Mahn');
    assert.equal(
      new Date(lotte.lastContactedAt).toDateString(),
      new Date(Date.now() - 200 * 86_400_000).toDateString(),
    );
    assert.ok(lotte.nextDueAt < Date.now(), 'due since long before today: not spread over the coming weeks');
    assert.equal(moritz.lastContactedAt, undefined);
    // How often to get in touch, as the list says it.
    assert.deepEqual([lotte.cadenceDays, moritz.cadenceDays], [30, 14]);
    assert.ok(moritz.nextDueAt > Date.now(), 'spread over the coming weeks, as someone never contacted');
    const popup = await h.openPopup();
    const row = popup.locator(`.row[data-id="${lotte.id}"]`);
    await row.waitFor();
    // Her reason to get in touch: when she was last in touch, as the list said; and that it is overdue.
    const on = new Date(lotte.lastContactedAt).toLocaleDateString('de-DE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    assert.match(await row.textContent(), new RegExp(`Zuletzt: Kontakt am ${on}.*überfällig`));
    await popup.close();
    await options.close();
  });

  test('a networking list\'s "Wiedervorlage": a follow-up planned for that day, the person due on it; one gone by is overdue', async () => {
    const at = (daysAhead) => new Date(Date.now() + daysAhead * 86_400_000);
    const written = (d) =>
      `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
    const list =
      'Name;Letzter Kontakt;Wiedervorlage;Nächster Schritt\r\n' +
      `Nina Neuhaus;${written(at(-60))};${written(at(-3))};\r\n` +
      `Olaf Ostrowski;${written(at(-60))};${written(at(20))};Angebot schicken\r\n` +
      // Settled: the last contact came after the planned day.
      `Paula Pohl;${written(at(-2))};${written(at(-9))};\r\n`;
    const options = await h.openOptions('#data');
    await importText(options, 'Netzwerk.csv', list);
    await options.getByText('Importiert: 3 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    await options.close();
    const records = await h.records();
    const [nina, olaf, paula] = ['Nina Neuhaus', 'Olaf Ostrowski', 'Paula Pohl'].map((n) =>
      records.find((r) => r.name === n),
    );
    const midnight = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    assert.deepEqual(
      [nina.followUp, nina.nextDueAt, olaf.followUp, olaf.nextDueAt],
      [
        { at: midnight(at(-3)) },
        midnight(at(-3)),
        { at: midnight(at(20)), note: 'Angebot schicken' },
        midnight(at(20)),
      ],
    );
    assert.equal(paula.followUp, undefined);
    const popup = await h.openPopup();
    assert.match(await popup.locator(`.row[data-id="${nina.id}"]`).textContent(), /überfällig/);
    await popup.locator(`.row[data-id="${olaf.id}"]`).click();
    const on = at(20).toLocaleDateString('de-DE', { dateStyle: 'medium' });
    await popup.getByText(`Nachfassen geplant für ${on}: Angebot schicken`).waitFor();
    await popup.close();
  });

  test("Excel für Mac's CSV (Mac OS Roman, lines ended by CR): the names as written, the code page named in the preview", async () => {
    const options = await h.openOptions('#data');
    await importText(options, 'Adressen.csv', fixture('excel-mac-roman.csv'), async (preview) =>
      assert.equal(
        await preview.getByTestId('import-encoding').textContent(),
        'Diese Datei sagt nicht, wie ihr Text kodiert ist; sie wurde daher als Mac OS Roman (Excel für Mac, FileMaker) ' +
          'gelesen. Prüfe, ob diese Namen richtig aussehen: Jürgen Köhler, Änne Öztürk, René Schäfer',
      ),
    );
    await options.getByText('Importiert: 3 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    // The file's people (the book holds the test's before them).
    const records = (await h.records()).filter((r) => r.emails.some((e) => e.endsWith('@example.de')));
    assert.deepEqual(records.map((r) => [r.name, r.company ?? '', r.notes]).sort(), [
      ['Jürgen Köhler', 'Bäckerei Weiß', 'Grüße vom Stammtisch'],
      ['René Schäfer', '', 'Kennt Jörg'],
      ['Änne Öztürk', 'Café Übersee', ''],
    ]);
    await options.close();
  });

  test('an invoicing tool\'s client list: the "Anrede" is how they are addressed (Siezen), not their name; a title is', async () => {
    const options = await h.openOptions('#data');
    await importText(
      options,
      'Kunden.csv',
      'Kundennummer;Firmenname;Anrede;Titel;Vorname;Nachname;E-Mail\r\n' +
        '10001;Muster GmbH;Herr;Dr.;Max;Mustermann;max@muster-gmbh.example\r\n' +
        '10002;Alt Design;;;Anna;Altmann;anna@alt-design.example\r\n',
      async (preview) => assert.equal(await preview.getByTestId('import-new').textContent(), '2 neue Personen'),
    );
    await options.getByText('Importiert: 2 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    await options.close();
    const records = (await h.records()).filter((r) => r.emails.some((e) => /@(?:muster-gmbh|alt-design)\./.test(e)));
    assert.deepEqual(records.map((r) => [r.name, r.company, r.formal ?? false]).sort(), [
      ['Anna Altmann', 'Alt Design', false],
      ['Dr. Max Mustermann', 'Muster GmbH', true],
    ]);
    // His page: "Siezen" ticked, his salutation, and the message draft greets him as a client is greeted.
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Dr\. Max Mustermann/ }).click();
    await popup.getByRole('heading', { name: 'Dr. Max Mustermann' }).waitFor();
    assert.equal(
      await popup
        .getByRole('checkbox', { name: 'Siezen (Entwürfe mit „Sie“, mit Anrede und Nachnamen oder ganzem Namen)' })
        .isChecked(),
      true,
    );
    // The "Anrede" kept as his salutation: the draft greets him as a client is greeted in German.
    assert.equal(await popup.getByRole('combobox', { name: 'Anrede' }).inputValue(), 'Herr');
    await popup.getByText('Nachrichtenentwurf').click();
    assert.match(
      await popup.getByRole('textbox', { name: 'Nachrichtenentwurf' }).inputValue(),
      /^Guten Tag Herr Dr\. Mustermann,\n/,
    );
    await popup.close();
    // Exported, his salutation goes where address books keep one: vCard's N prefix, Google's "Name Prefix".
    const page = await h.openOptions('#data');
    const card = (await exportAs(page, 'vcf3')).split('END:VCARD').find((c) => c.includes('FN:Dr. Max Mustermann'));
    assert.match(card, /\r\nN:Dr\. Max Mustermann;;;Herr;\r\n/);
    const [header, ...rows] = (await exportAs(page, 'csv')).split('\r\n');
    const row = rows.find((r) => r.startsWith('Dr. Max Mustermann,'))?.split(',');
    assert.equal(row?.[header.split(',').indexOf('Name Prefix')], 'Herr');
    await page.close();
  });

  test('a company list\'s "Ansprechpartner": the person by name, the salutation written before it theirs', async () => {
    const options = await h.openOptions('#data');
    await importText(
      options,
      'Firmenkontakte.csv',
      'Firma;Ansprechpartner;E-Mail\r\nKlee GmbH;Herr Konrad Klee;konrad@klee.example\r\nLind AG;Frau Dr. Lena Lind;lena@lind.example\r\n',
      async (preview) => assert.equal(await preview.getByTestId('import-new').textContent(), '2 neue Personen'),
    );
    await options.getByText('Importiert: 2 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    await options.close();
    const records = (await h.records()).filter((r) => r.emails.some((e) => /@(?:klee|lind)\.example$/.test(e)));
    assert.deepEqual(records.map((r) => [r.name, r.company, r.salutation, r.formal]).sort(), [
      ['Dr. Lena Lind', 'Lind AG', 'Frau', true],
      ['Konrad Klee', 'Klee GmbH', 'Herr', true],
    ]);
  });

  test('a list a spreadsheet saved: numbers that lost their 0 or their "+" are imported whole, and the preview says so; a cell with two of them, or two addresses, gives each', async () => {
    const options = await h.openOptions('#data');
    await importText(
      options,
      'Kundenliste.csv',
      'Name;Telefon;Mobil;E-Mail\r\nPia Pfeiffer;0228 123456;1761234567;\r\nQuentin Quandt;491521234567;;\r\n' +
        // A cell with a line break (Alt+Enter in Excel) and a slash between two addresses.
        'Rita Reuter;"0228 654321\r\n0171 7654321";;rita@reuter.example / r.reuter@firma.example\r\n',
      async (preview) =>
        assert.equal(
          await preview.getByTestId('import-phones-mended').textContent(),
          'Bei 2 Telefonnummern hat eine Tabellenkalkulation die führende 0 oder das + weggelassen, weil sie sie als ' +
            'Zahlen gespeichert hat. Sie werden damit importiert, etwa „1761234567“ als „01761234567“.',
        ),
    );
    await options.getByText('Importiert: 3 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    await options.close();
    const records = (await h.records()).filter((r) => /^(Pia Pfeiffer|Quentin Quandt|Rita Reuter)$/.test(r.name));
    assert.deepEqual(records.map((r) => [r.name, r.phones]).sort(), [
      ['Pia Pfeiffer', ['0228 123456', '01761234567']],
      ['Quentin Quandt', ['+491521234567']],
      ['Rita Reuter', ['0228 654321', '0171 7654321']],
    ]);
    assert.deepEqual(records.find((r) => r.name === 'Rita Reuter').emails, [
      'rita@reuter.example',
      'r.reuter@firma.example',
    ]);
  });

  test('a FRITZ!Box phone book (.xml): its people with their phones and mail addresses, the fax and the extension left out', async () => {
    const options = await h.openOptions('#data');
    await importText(options, 'Telefonbuch.xml', fixture('fritzbox-telefonbuch.xml'), async (preview) =>
      assert.equal(await preview.getByTestId('import-new').textContent(), '3 neue Personen'),
    );
    await options.getByText('Importiert: 3 neu, 0 zusammengeführt.', { exact: true }).waitFor();
    const erika = (await h.records()).find((r) => r.name === 'Erika Mustermann');
    assert.deepEqual(
      { phones: erika?.phones, emails: erika?.emails },
      { phones: ['0221 5550101', '0170 5550102'], emails: ['erika@example.de'] },
    );
    // The box's call blocklist saved the same way: nobody the user knows, said, nothing imported.
    const before = (await h.records()).length;
    await options.getByLabel('Datei auswählen oder hierher ziehen').setInputFiles({
      name: 'Rufsperren.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(
        '<phonebooks><phonebook name="Rufsperren"><contact><person><realName>Werbung</realName></person>' +
          '<telephony><number type="home">0900 5550199</number></telephony></contact></phonebook></phonebooks>',
      ),
    });
    await options
      .getByText(
        '„Rufsperren“ ist die Rufsperren-Liste der FRITZ!Box: Ihre Nummern sind niemand, den du kennst, und werden nicht importiert.',
      )
      .waitFor();
    assert.equal((await h.records()).length, before);
    await options.close();
  });
});

describe('"Doppelt gespeichert?" in Chromium, in German', () => {
  const h = useExtension({ locale: 'de' });

  test('finds who may be saved twice (a name, titles aside; an email address); the one chosen keeps both, by keyboard; Undo', async () => {
    const now = Date.now();
    await h.seed([
      contact('a1', 'Anna Alt', {
        company: 'Acme GmbH',
        createdAt: now - 300 * DAY,
        interactions: [{ at: now - 20 * DAY, kind: 'call', note: 'Kaffee' }],
        lastContactedAt: now - 20 * DAY,
      }),
      contact('a2', 'Anna Alt', { company: 'ACME Group', emails: ['anna@acme.example'], createdAt: now - 10 * DAY }),
      contact('m1', 'Dr. Max Roe', { emails: ['max@roe.example'] }),
      contact('m2', 'Max Roe'),
      contact('m3', 'M. Roe', { emails: ['MAX@roe.example'] }),
      contact('b1', 'Ben Bauer'),
    ]);
    const options = await h.openOptions('#data');
    const look = options.getByRole('button', { name: 'Nach doppelten Einträgen suchen' });
    await look.focus();
    await options.keyboard.press('Enter');
    const count = options.getByTestId('duplicates-count');
    await count.filter({ hasText: '2 Gruppen von Einträgen, die jeweils dieselbe Person sein könnten.' }).waitFor();
    const anna = options.getByRole('group', { name: 'Anna Alt – gleicher Name' });
    const max = options.getByRole('group', { name: 'Max Roe – gleicher Name, gleiche E-Mail-Adresse' });
    assert.equal(await max.getByRole('radio').count(), 3);
    // Whom to keep: the record with a contact logged, unless the user chooses the other, here by the arrow key.
    const radios = anna.getByRole('radio');
    assert.equal(await radios.nth(0).isChecked(), true);
    assert.match(await anna.locator('label').nth(0).textContent(), /^Anna Alt · Acme GmbH · hinzugefügt am /);
    await radios.nth(0).focus();
    await options.keyboard.press('ArrowDown');
    assert.equal(await radios.nth(1).isChecked(), true);
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    const done = options.getByRole('status').filter({ hasText: '1 Eintrag mit Anna Alt zusammengeführt.' });
    await done.waitFor();
    await waitFor(async () => done.evaluate((el) => el === document.activeElement));
    await count.filter({ hasText: '1 Gruppe von Einträgen, die dieselbe Person sein könnten.' }).waitFor();
    let annas = (await h.records()).filter((r) => r.name === 'Anna Alt');
    assert.deepEqual(
      annas.map((r) => r.id),
      ['a2'],
    );
    assert.equal(annas[0].company, 'ACME Group', "the kept record's own values stand");
    assert.deepEqual(
      annas[0].interactions.map((i) => i.note),
      ['Kaffee'],
    );
    assert.deepEqual(await axe(options), []);

    await options.getByRole('button', { name: 'Rückgängig' }).click();
    await count.filter({ hasText: '2 Gruppen' }).waitFor();
    await waitFor(async () => options.evaluate(() => document.activeElement?.id === 'duplicates-heading'));
    annas = (await h.records()).filter((r) => r.name === 'Anna Alt');
    assert.deepEqual(annas.map((r) => r.id).sort(), ['a1', 'a2']);
    assert.deepEqual(annas.find((r) => r.id === 'a2').interactions, []);

    // Two who only share a name, marked as different people: not found together again — on a page opened anew, nor
    // on a contact's page in the popup, which offered to merge them before; Undo shows them again.
    const annaPage = async () => {
      const popup = await h.openPopup();
      await popup.getByRole('searchbox').fill('Anna Alt');
      await popup.locator('.row[data-id="a1"]').click();
      await popup.getByText('Mit einem anderen Kontakt zusammenführen …').waitFor();
      return popup;
    };
    const offer = (popup) => popup.getByText('Unter diesem Namen ist noch jemand gespeichert.', { exact: false });
    let popup = await annaPage();
    await offer(popup).waitFor();
    await popup.close();
    await anna.getByRole('button', { name: 'Verschiedene Personen' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Als verschiedene Personen getrennt gehalten: Anna Alt, Anna Alt.' })
      .waitFor();
    await count.filter({ hasText: '1 Gruppe' }).waitFor();
    assert.equal((await h.records()).filter((r) => r.name === 'Anna Alt').length, 2, 'nobody merged');
    const again = await h.openOptions('#data');
    await again.getByRole('button', { name: 'Nach doppelten Einträgen suchen' }).click();
    await again.getByTestId('duplicates-count').filter({ hasText: '1 Gruppe' }).waitFor();
    assert.equal(await again.getByRole('group', { name: /^Anna Alt/ }).count(), 0);
    await again.close();
    popup = await annaPage();
    await popup.waitForTimeout(500);
    assert.equal(await offer(popup).count(), 0);
    // The mark is no link between them: her page's people still name nobody.
    await popup.getByText('Noch niemand verknüpft', { exact: false }).waitFor();
    await popup.close();
    await options.getByRole('button', { name: 'Rückgängig' }).click();
    await count.filter({ hasText: '2 Gruppen' }).waitFor();
    await options.close();
  });

  test("0.7.0's list of people marked apart goes onto the people when the extension is updated", async () => {
    await h.seed([contact('kai1', 'Kai Kern', { company: 'Alpha' }), contact('kai2', 'Kai Kern', { company: 'Beta' })]);
    await h.idb(async (db, _, { done }) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put(['kai1\nkai2', 'kai1\nnobody'], 'distinct');
      await done(tx);
    }, null);
    await h.inWorker(() => chrome.runtime.onInstalled.dispatch({ reason: 'update', previousVersion: '0.7.0' }));
    const marks = async () =>
      (await h.records())
        .filter((r) => r.name === 'Kai Kern')
        .map((r) => [r.id, r.related.map((l) => `${l.kind} ${l.id}`)]);
    await waitFor(async () => (await marks()).every(([, related]) => related.length === 1)).catch(() => {});
    assert.deepEqual(await marks(), [
      ['kai1', ['distinct kai2']],
      ['kai2', ['distinct kai1']],
    ]);
    assert.equal(
      await h.idb(async (db, _, { req }) => req(db.transaction('meta').objectStore('meta').get('distinct'))),
      undefined,
    );
    const options = await h.openOptions('#data');
    await options.getByRole('button', { name: 'Nach doppelten Einträgen suchen' }).click();
    await options.getByTestId('duplicates-count').waitFor();
    assert.equal(await options.getByRole('group', { name: /^Kai Kern/ }).count(), 0);
    await options.close();
  });
});
