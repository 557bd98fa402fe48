// Sync with the user's own address book in real Chromium, against Radicale started for each test on a loopback
// port: set up through the options page, capture → the card is on the server, a card PUT by a phone → in the
// popup, edits on both sides merged, deletes both ways, two browser profiles through one server, the server stopped
// mid-sync, a wrong password, an address that is none or holds the user name. The only origin the extension ever
// talks to is the server's.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { cuttable, phone, startRadicale } from '../support/dav-servers.mjs';
import { contact, launch } from './harness.mjs';

const open = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x();
});

async function server(options) {
  const s = await startRadicale(options);
  open.push(() => s.remove());
  return s;
}

async function browserFor(s, options) {
  const h = await launch({ locale: 'en', ...options });
  h.allow(s.origin);
  open.push(async () => {
    const own = h.ownTraffic();
    await h.close();
    assert.deepEqual(own, [], 'no request of our own outside the sync server');
  });
  return h;
}

const vcf = (uid, lines) => ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, ...lines, 'END:VCARD', ''].join('\r\n');
const profile = `<!doctype html><html><head><title>Rita Remote | LinkedIn</title></head><body><main><section>
<a href="/in/rita-remote/"><h1>Rita Remote</h1></a><div class="text-body-medium">Produktmanagerin</div>
</section></main></body></html>`;

/** Sets sync up through the options page, as a user would: server, user, app password, the book, the preview. */
async function setUp(h, s, { password = s.password, expectPreview } = {}) {
  const options = await h.openOptions('#sync');
  await options.getByLabel('Server address').fill(s.origin);
  await options.getByLabel('User name').fill(s.user);
  await options.getByLabel('App password').fill(password);
  // By keyboard from here: Enter in the password tests the connection, and each step hands the keyboard to the next.
  await options.getByLabel('App password').press('Enter');
  if (password !== s.password) return options;
  // The server has one book: it is chosen already (Continue still shows the preview before anything is written).
  const book = options.getByRole('radio', { name: 'Contacts' });
  await book.waitFor();
  assert.equal(await options.getByRole('radio').count(), 1);
  assert.ok(await book.isChecked(), 'the only book is chosen');
  const focused = () => options.evaluate(() => document.activeElement?.textContent || document.activeElement?.id);
  await until(() => book.evaluate((el) => el === document.activeElement), 'the keyboard on the book');
  await options.keyboard.press('Tab');
  assert.equal(await focused(), 'Continue');
  await options.keyboard.press('Enter');
  await options.getByRole('heading', { name: 'Before anything is written' }).waitFor();
  await until(async () => (await focused()) === 'Before anything is written', 'the keyboard on the preview');
  if (expectPreview) expectPreview(options);
  await options.keyboard.press('Tab');
  assert.equal(await focused(), 'Start syncing');
  await options.keyboard.press('Enter');
  await options
    .getByTestId('sync-status')
    .filter({ hasText: /^Synced/ })
    .waitFor();
  await until(async () => (await focused()) === 'Sync with your address book', 'the keyboard on the section');
  return options;
}

/**
 * A refused field of the connect form as the user meets it: marked, with the keyboard's focus, and the message below
 * it that describes it (read out where the focus lands).
 */
const refusal = (field) =>
  field.evaluate((el) => {
    const message = document.getElementById(el.getAttribute('aria-describedby'));
    return {
      invalid: el.getAttribute('aria-invalid'),
      focused: el === document.activeElement,
      below: message?.parentElement === el.parentElement ? message.textContent : null,
    };
  });

/** A sync run now, as the alarm would start it. */
const runSync = (h) =>
  h.inWorker(async () => {
    await chrome.alarms.onAlarm.dispatch({ name: 'sync', scheduledTime: Date.now() });
  });

async function until(check, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const serverNames = async (s) => (await phone(s).all()).map((c) => /^FN:(.*)$/m.exec(c.text)?.[1]?.trim()).sort();
const localNames = async (h) => (await h.records()).map((r) => r.name).sort();

test('setup in the options page; a capture reaches the server; a card from a phone reaches the popup', async () => {
  const s = await server();
  await phone(s).put('early.vcf', vcf('early', ['FN:Eva Early', 'EMAIL:eva@example.org']));
  const h = await browserFor(s);
  const options = await setUp(h, s, {
    expectPreview: async (o) => {
      assert.equal(await o.getByTestId('sync-preview-here').textContent(), 'In this browser: 1 new, 0 updated');
    },
  });
  assert.deepEqual(await localNames(h), ['Eva Early']);

  // Capture → save: the change is sent shortly after (a debounced alarm; fired here rather than waited for).
  const { tabId } = await h.openServed('https://www.linkedin.com/in/rita-remote/', profile);
  const popup = await h.openPopup(tabId);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByText('Saved Rita Remote.').waitFor();
  const soon = await until(() => h.inWorker(() => chrome.alarms.get('sync-soon')), 'the debounced sync');
  assert.ok(soon.scheduledTime > Date.now() && soon.scheduledTime < Date.now() + 60_000);
  await h.inWorker(() => chrome.alarms.onAlarm.dispatch({ name: 'sync-soon', scheduledTime: Date.now() }));
  await until(async () => (await serverNames(s)).includes('Rita Remote'), 'the captured card on the server');
  const rita = (await phone(s).all()).find((c) => c.text.includes('Rita Remote'));
  assert.match(rita.text, /URL:https:\/\/www\.linkedin\.com\/in\/rita-remote/);
  assert.match(rita.text, /X-RECONNECT-CADENCE:91/);

  // A phone adds someone: after the next run they are in the popup, and the popup says when it last synced.
  await phone(s).put(
    'fromphone.vcf',
    vcf('fromphone', ['FN:Paul Phone', 'TEL;TYPE=cell:+49 170 5550101', 'CATEGORIES:Chor']),
  );
  await runSync(h);
  await until(async () => (await localNames(h)).includes('Paul Phone'), 'the phone’s card here');
  // The popup open since the capture has him too: the sync step named him, and the list patched him in.
  await popup.getByRole('button', { name: /Paul Phone/ }).waitFor();
  assert.equal(await popup.locator('.list__count').textContent(), '3 of 3');
  const again = await h.openPopup();
  await again.getByRole('button', { name: /Paul Phone/ }).waitFor();
  assert.match(await again.getByTestId('sync-line').textContent(), /^Synced (now|this minute|\d+ minutes? ago)/);
  // His group on the phone is one of the book's circles now: the list's filter offers it, and the Settings tab of
  // the options page open all along lists it.
  await again.getByRole('combobox', { name: 'Circle' }).selectOption('Chor');
  await again.locator('.row').filter({ hasText: 'Paul Phone' }).waitFor();
  assert.equal(await again.locator('.row').count(), 1);
  await options.getByRole('link', { name: 'Settings' }).click();
  await options.getByRole('button', { name: 'Remove Chor' }).waitFor();
  await options.close();
});

test('edits on both sides are merged; deletes go both ways', async () => {
  const s = await server();
  const h = await browserFor(s);
  await setUp(h, s);
  const popup = await h.openPopup();
  await popup.getByRole('button', { name: '+ Add a person' }).click();
  await popup.getByLabel('Name').fill('Mara Merge');
  await popup.getByLabel('Role').fill('Designerin');
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByRole('button', { name: '+ Add a person' }).click();
  await popup.getByLabel('Name').fill('Dirk Delete');
  await popup.getByLabel('Name').press('Enter');
  await popup.getByText('Saved Dirk Delete.').waitFor();
  await runSync(h);
  await until(async () => (await serverNames(s)).length === 2, 'both on the server');

  // The phone adds a number to Mara and deletes Dirk; here Mara's role changes.
  const cards = await phone(s).all();
  const mara = cards.find((c) => c.text.includes('Mara Merge'));
  await phone(s).put(mara.name, mara.text.replace('END:VCARD', 'TEL:+49 30 5550123\r\nEND:VCARD'));
  await phone(s).delete(cards.find((c) => c.text.includes('Dirk Delete')).name);
  await popup.getByRole('button', { name: /Mara Merge/ }).click();
  await popup.getByLabel('Role').fill('Art Director');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByText('Changes saved.').waitFor();
  await runSync(h);
  await until(async () => (await localNames(h)).length === 1, 'Dirk deleted here');
  const here = (await h.records()).find((r) => r.name === 'Mara Merge');
  assert.equal(here.role, 'Art Director');
  assert.deepEqual(here.phones, ['+49 30 5550123']);
  // The run pulls before it pushes: the role reaches the server after Dirk is gone here.
  await until(async () => /TITLE:Art Director/.test((await phone(s).get(mara.name)).text), 'the role on the server');
  const there = (await phone(s).get(mara.name)).text;
  assert.match(there, /\+49 30 5550123/);

  // Deleted here: gone from the server after the next run.
  await popup.getByRole('button', { name: 'Delete' }).click();
  await runSync(h);
  await until(async () => (await serverNames(s)).length === 0, 'Mara deleted on the server');
});

test("an iPhone's card: its social profiles written as handles are links, its fax no phone; a link added here keeps what the phone wrote; a birthday written as a UTC moment is its day", async () => {
  const s = await server();
  await phone(s).put(
    'iris.vcf',
    vcf('iris', [
      'FN:Iris Ipsen',
      'N:Ipsen;Iris;;;',
      'TEL;type=CELL;type=VOICE;type=pref:+49 170 5550102',
      'TEL;type=WORK;type=FAX:+49 221 5550109',
      'X-SOCIALPROFILE;type=linkedin;x-user=iris-ipsen:x-apple:iris-ipsen',
      'X-SOCIALPROFILE;type=gamecenter;x-user=Iris I:x-apple:Iris I',
    ]),
  );
  // A server fed by Exchange writes a birthday as the UTC moment of a German midnight: the next day's.
  await phone(s).put('jan.vcf', vcf('jan', ['FN:Jan Jost', 'BDAY:1980-06-01T22:00:00Z']));
  const h = await browserFor(s);
  await setUp(h, s);
  assert.deepEqual((await h.records()).find((r) => r.name === 'Jan Jost').birthday, { year: 1980, month: 6, day: 2 });
  const iris = (await h.records()).find((r) => r.name === 'Iris Ipsen');
  assert.deepEqual(iris.phones, ['+49 170 5550102']);
  assert.deepEqual(iris.profiles, [{ site: 'linkedin', url: 'https://www.linkedin.com/in/iris-ipsen' }]);

  // A GitHub link added in the popup, typed without https://, and saved.
  const popup = await h.openPopup();
  await popup.getByRole('button', { name: /Iris Ipsen/ }).click();
  await popup.getByLabel('Add a profile link').fill('github.com/iris-ipsen');
  await popup.getByLabel('Add a profile link').press('Enter');
  await popup.getByRole('button', { name: 'Remove github.com/iris-ipsen' }).waitFor();
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByText('Changes saved.').waitFor();
  await runSync(h);
  await until(
    async () => /github\.com\/iris-ipsen/.test((await phone(s).get('iris.vcf')).text),
    'the link on the server',
  );
  const there = (await phone(s).get('iris.vcf')).text;
  // What the phone wrote stays (as Radicale writes it again: its parameters in capitals, types joined): the
  // LinkedIn handle, not written again as a second link; Game Center's name; the fax number.
  for (const line of [
    /^X-SOCIALPROFILE;TYPE=linkedin;X-USER=iris-ipsen:x-apple:iris-ipsen\r$/im,
    /^X-SOCIALPROFILE;TYPE=gamecenter;X-USER=Iris I:x-apple:Iris I\r$/im,
    /^TEL;TYPE=WORK,FAX:\+49 221 5550109\r$/im,
  ])
    assert.match(there, line);
  assert.doesNotMatch(there, /linkedin\.com/);
  await popup.close();
});

test('two browser profiles syncing through one server end up with the same people', async () => {
  const s = await server();
  const a = await browserFor(s);
  const b = await browserFor(s);
  await setUp(a, s);
  await a.seed([
    {
      id: 'a1',
      name: 'Anna Aus-A',
      profiles: [],
      emails: ['anna@example.org'],
      phones: [],
      circles: ['clients'],
      notes: 'Notiz, mit; Zeichen',
      cadenceDays: 30,
      interactions: [{ at: Date.now() - 86_400_000, kind: 'call', note: 'Hallo' }],
      history: [],
      source: 'manual',
      createdAt: Date.now() - 10 * 86_400_000,
      updatedAt: Date.now(),
      lastContactedAt: Date.now() - 86_400_000,
      nextDueAt: Date.now() + 29 * 86_400_000,
    },
  ]);
  await runSync(a);
  await until(async () => (await serverNames(s)).length === 1, 'A on the server');
  // The starting circle goes out in the user's words; B reads it back as the same circle (compared below).
  assert.match((await phone(s).all())[0].text, /\r\nCATEGORIES:Clients\r\n/);
  await setUp(b, s);
  const popupB = await b.openPopup();
  await popupB.getByRole('button', { name: '+ Add a person' }).click();
  await popupB.getByLabel('Name').fill('Bert Aus-B');
  await popupB.getByRole('button', { name: 'Save' }).click();
  await runSync(b);
  await until(async () => (await serverNames(s)).length === 2, 'B on the server');
  await runSync(a);
  await until(async () => (await localNames(a)).length === 2, 'B’s person in A');
  const strip = (list) =>
    list
      .map(({ updatedAt: _u, dueAt: _d, matchKey: _m, profileUrls: _p, ...r }) => r)
      .sort((x, y) => x.name.localeCompare(y.name));
  assert.deepEqual(strip(await b.records()), strip(await a.records()));
});

test('the server gone in the middle of a sync: nothing lost; the next run completes, no duplicates', async () => {
  const s = await server();
  const cards = Array.from({ length: 600 }, (_, i) => vcf(`bulk-${i}`, [`FN:Bulk ${String(i).padStart(3, '0')}`]));
  for (const [i, c] of cards.entries()) await phone(s).put(`bulk-${i}.vcf`, c);
  // The extension reaches the server through a way the test can cut: once armed, after the run's second report
  // (the first asks what changed, the second fetches the first batch of cards).
  let armed = false;
  let reports = 0;
  const way = await cuttable(s, (method, _url, w) => {
    if (armed && method === 'REPORT' && ++reports === 2) w.cut();
  });
  open.push(() => way.close());
  const h = await browserFor(way);
  const options = await setUp(h, way);
  assert.equal((await h.records()).length, 600);
  // The phone changes everyone; the next run fetches them in batches, and the server goes away after the first.
  for (const [i, c] of cards.entries())
    await phone(s).put(`bulk-${i}.vcf`, c.replace('END:VCARD', 'NOTE:geändert\r\nEND:VCARD'));
  armed = true;
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.getByRole('alert').filter({ hasText: 'can’t be reached' }).waitFor({ timeout: 30_000 });
  const partly = (await h.records()).filter((r) => r.notes === 'geändert').length;
  assert.ok(partly > 0 && partly < 600, `stopped in the middle (${partly} of 600 written)`);
  // Back: the next run completes, everyone once.
  armed = false;
  way.mend();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options
    .getByTestId('sync-status')
    .filter({ hasText: /^Synced/ })
    .waitFor({ timeout: 60_000 });
  await until(async () => (await h.records()).filter((r) => r.notes === 'geändert').length === 600, 'the rest', 60_000);
  assert.equal((await h.records()).length, 600);
  assert.equal((await phone(s).all()).length, 600);
});

test("one person's two cards on the server (a phone's duplicate, one profile link): the others sync, the twin is named; merged there, it is over", async () => {
  const s = await server();
  const link = 'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/dora-doppelt';
  await phone(s).put('dora.vcf', vcf('dora', ['FN:Dora Doppelt', link]));
  await phone(s).put('dora-2.vcf', vcf('dora-2', ['FN:Dora Doppelt', link, 'TEL:+49 170 5550102']));
  await phone(s).put('emil.vcf', vcf('emil', ['FN:Emil Einzeln']));
  const h = await browserFor(s);
  const options = await setUp(h, s);
  await options
    .getByTestId('sync-held')
    .filter({
      hasText: /^The card of Dora Doppelt in the address book has a profile link that someone here has already/,
    })
    .waitFor();
  assert.deepEqual(await localNames(h), ['Dora Doppelt', 'Emil Einzeln']);
  const popup = await h.openPopup();
  await popup.getByTestId('sync-line').filter({ hasText: 'Sync needs you — see Settings' }).waitFor();
  await popup.close();

  // Emil's card given Dora's link on the phone: held too, and the line says who has that link here.
  await phone(s).put('emil.vcf', vcf('emil', ['FN:Emil Einzeln', link]));
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options
    .getByTestId('sync-held')
    .filter({
      hasText: /^These people's cards .* not brought here: .*Emil Einzeln \(the link is with Dora Doppelt here\)/,
    })
    .waitFor();

  // Made one on the phone, and the link taken out of Emil's card: the twin goes; the next run says nothing more.
  const held = (
    await h.idb(async (db, _, { req }) => req(db.transaction('meta').objectStore('meta').get('syncStatus')))
  ).held.find((c) => !c.href.endsWith('/emil.vcf')).href;
  await phone(s).delete(held.split('/').pop());
  await phone(s).put('emil.vcf', vcf('emil', ['FN:Emil Einzeln']));
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.getByTestId('sync-held').waitFor({ state: 'detached' });
  assert.deepEqual(await localNames(h), ['Dora Doppelt', 'Emil Einzeln']);
  await options.close();
});

test('a card the server will not take (too large for it): the others sync, the person is named; shortened, it goes', async () => {
  const s = await server({ maxContentLength: 20_000 });
  const h = await browserFor(s);
  await h.seed([contact('anna', 'Anna Alt'), contact('bert', 'Bert Breit', { notes: 'Lang. '.repeat(5000) })]);
  const options = await setUp(h, s);
  await options.getByRole('alert').filter({ hasText: 'did not accept the card of Bert Breit.' }).waitFor();
  assert.deepEqual(await serverNames(s), ['Anna Alt']);
  assert.match(await options.getByTestId('sync-status').textContent(), /^Synced/, 'everyone else is synced');

  const popup = await h.openPopup();
  await popup.getByRole('button', { name: /Bert Breit/ }).click();
  await popup.locator('textarea[name="notes"]').fill('Kurz.');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByText('Changes saved.').waitFor();
  await popup.close();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await until(async () => (await serverNames(s)).length === 2, 'the shortened card on the server');
  await options.getByRole('alert').waitFor({ state: 'detached' });
  assert.deepEqual(await serverNames(s), ['Anna Alt', 'Bert Breit']);
});

test('a delete the server refuses (the card locked): the person is named and not brought back; let go, the card goes', async () => {
  const s = await server();
  const way = await cuttable(s);
  open.push(() => way.close());
  const h = await browserFor(way);
  await h.seed([contact('anna', 'Anna Alt'), contact('cora', 'Cora Neu')]);
  const options = await setUp(h, way);
  await until(async () => (await serverNames(s)).length === 2, 'both cards on the server');
  way.refuse('DELETE', 423);
  const popup = await h.openPopup();
  await popup.getByRole('button', { name: /Cora Neu/ }).click();
  await popup.getByRole('button', { name: 'Delete' }).click();
  await popup.getByRole('status').filter({ hasText: 'Deleted Cora Neu.' }).waitFor();
  await popup.close();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options
    .getByRole('alert')
    .filter({ hasText: 'Cora Neu was deleted here, but the server refused to delete their card' })
    .waitFor();
  assert.match(await options.getByTestId('sync-status').textContent(), /^Synced/, 'everyone else is synced');
  assert.deepEqual(await serverNames(s), ['Anna Alt', 'Cora Neu']);
  assert.deepEqual(await localNames(h), ['Anna Alt'], 'her card is not taken for someone new');
  way.refuse('DELETE');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await until(async () => (await serverNames(s)).length === 1, 'her card deleted');
  await options.getByRole('alert').waitFor({ state: 'detached' });
  assert.deepEqual(await localNames(h), ['Anna Alt']);
});

test('an address that is no server address is refused below its field before anything is asked or sent', async () => {
  const h = await launch({ locale: 'en' });
  open.push(() => h.close());
  const options = await h.openOptions('#sync');
  // Chromium's URL parser takes this as the host "kein%20server": it was asked for and tried, and said unreachable.
  await options.getByLabel('Server address').fill('kein server');
  await options.getByLabel('App password').fill('secret');
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByRole('alert').filter({ hasText: 'That is not a server address.' }).waitFor();
  assert.deepEqual(await refusal(options.getByLabel('Server address')), {
    invalid: 'true',
    focused: true,
    below: 'That is not a server address.',
  });
  assert.deepEqual(h.ownTraffic(), [], 'no request anywhere');
});

test('a user name written into the address (anna@server) with the user name field left empty: it connects', async () => {
  const s = await server();
  const h = await browserFor(s);
  const options = await h.openOptions('#sync');
  // A browser refuses a request to an address with a user name in it: it was tried, and said "unreachable".
  await options.getByLabel('Server address').fill(s.origin.replace('://', `://${s.user}@`));
  await options.getByLabel('App password').fill(s.password);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByRole('radio', { name: 'Contacts' }).waitFor();
  assert.equal(await options.getByRole('alert').count(), 0);
});

test('a wrong password is said clearly, and nothing is set up', async () => {
  const s = await server();
  const h = await browserFor(s);
  const options = await setUp(h, s, { password: 'wrong' });
  await options.getByRole('alert').filter({ hasText: 'The server refused the user name or password.' }).waitFor();
  assert.equal(await options.getByRole('button', { name: 'Test connection' }).isVisible(), true);
  // The keyboard is on the password, marked, to type it again; the message stands below it and describes it.
  assert.deepEqual(await refusal(options.getByLabel('App password')), {
    invalid: 'true',
    focused: true,
    below: 'The server refused the user name or password. Check both, or create a new app password.',
  });
  // The only requests went to the server (checked after every test: nothing of our own anywhere else).
  assert.ok(h.allowedTraffic().length > 0);
});
