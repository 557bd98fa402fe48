import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axe, contact, DAY, readmeScreenshot, useExtension, waitFor } from './harness.mjs';

const profile = `<!doctype html><html><head><title>Jürgen Müller | LinkedIn</title></head><body><main><section>
<a href="/in/juergen-mueller/overlay/about-this-profile/"><h1>Jürgen Müller</h1></a>
<div class="text-body-medium">Bäckermeister und Berater</div>
<button aria-label="Current company: Bäckerei Müller. Click to skip to experience card">Bäckerei Müller</button>
<span class="text-body-small inline t-black--light break-words">Köln</span></section></main></body></html>`;

describe('the popup in Chromium', () => {
  const h = useExtension({ locale: 'en' });

  /**
   * Someone saved with their LinkedIn profile, and that profile open in a tab: the page is `profile` with their name
   * (and what `page` changes further). Returns the served tab.
   */
  async function onSavedProfile(id, name, over = {}, page = (html) => html) {
    const slug = name.toLowerCase().replaceAll(' ', '-');
    await h.seed([
      contact(id, name, { profiles: [{ url: `https://www.linkedin.com/in/${slug}`, site: 'linkedin' }], ...over }),
    ]);
    const html = page(profile.replaceAll('Jürgen Müller', name).replace('juergen-mueller', slug));
    return h.openServed(`https://www.linkedin.com/in/${slug}/`, html);
  }

  test('capture → save → list → search (Mueller finds Müller) → contacted → due moves → delete → undo', async () => {
    const { tabId } = await h.openServed('https://www.linkedin.com/in/juergen-mueller/', profile);
    const popup = await h.openPopup(tabId);
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Jürgen Müller');
    await popup.getByRole('button', { name: 'Clients' }).click();
    // The number he gave at the fair: in the card's fold, which a profile does not fill.
    await popup.locator('.capture summary', { hasText: 'Email, phone, birthday' }).click();
    await popup.getByLabel('Phone numbers (one per line)').fill('+49 221 555 0199');
    // The fold's birthday comes with the popup's later code.
    await popup.getByLabel('Day').fill('12');
    await popup.getByLabel('Month').selectOption({ label: 'March' });
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText('Saved Jürgen Müller.').waitFor();
    const [saved] = (await h.records()).filter((c) => c.name === 'Jürgen Müller');
    assert.deepEqual(saved.phones, ['+49 221 555 0199']);
    assert.deepEqual(saved.birthday, { day: 12, month: 3 });

    const search = popup.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('mueller baecker');
    await popup.getByRole('button', { name: /Jürgen Müller/ }).waitFor();
    assert.equal(await popup.locator('.list__count').textContent(), '1 of 1');
    await search.fill('nobody-like-this');
    await popup.getByText('Nobody matches.', { exact: false }).waitFor();
    await search.fill('MULLER');
    await popup.getByRole('button', { name: /Jürgen Müller/ }).click();

    await popup.getByRole('heading', { name: 'Jürgen Müller' }).waitFor();
    // The page says when once and the last contact once: in the reasons' last line, not again beside the due date.
    assert.match(await popup.locator('.actions .hint').first().textContent(), /^Next: [^·]*$/);
    assert.match(await popup.locator('.reasons li').last().textContent(), /^Never contacted/);
    assert.equal(await popup.getByText(/never contacted/i).count(), 1);
    await popup.getByRole('combobox', { name: 'How you got in touch' }).selectOption('call');
    await popup.getByPlaceholder('Note (optional)').fill('Talked about the new shop');
    await popup.getByRole('button', { name: 'Got in touch' }).click();
    await popup.locator('.timeline').getByText('Talked about the new shop', { exact: false }).waitFor();
    assert.match(await popup.locator('.actions .hint').first().textContent(), /^Next: in 3 months$/);
    await popup
      .locator('.reasons li')
      .last()
      .filter({ hasText: /^Last: call on .* — Talked about the new shop$/ })
      .waitFor();

    await popup.getByRole('button', { name: 'Delete' }).click();
    await popup.getByRole('status').filter({ hasText: 'Deleted Jürgen Müller.' }).waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), '0 people you know');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByRole('button', { name: /Jürgen Müller/ }).waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), '1 person you know');
  });

  test('keyboard only: / to search, arrows, Home and End to move, Enter to open, Esc to go back', async () => {
    const now = Date.now();
    await h.seed([
      contact('k1', 'Anna Keyboard', { nextDueAt: now - DAY }),
      contact('k2', 'Bernd Keyboard', { nextDueAt: now + DAY }),
      contact('k3', 'Clara Keyboard', { nextDueAt: now + 2 * DAY }),
    ]);
    const popup = await h.openPopup();
    await popup.locator('body').click({ position: { x: 5, y: 5 } });
    await popup.keyboard.press('/');
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'search');
    await popup.keyboard.type('keyboard');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    assert.match(await popup.evaluate(() => document.activeElement?.textContent), /Anna Keyboard/);
    const focusOn = (name) => popup.waitForFunction((n) => document.activeElement?.textContent?.includes(n), name);
    await popup.keyboard.press('End');
    await focusOn('Clara Keyboard');
    await popup.keyboard.press('Home');
    await focusOn('Anna Keyboard');
    // Two keys before the next frame (a held key repeats faster than some frames): each moves one row on, from the
    // row the one before chose, not from the row still focused.
    await popup.evaluate(() => {
      for (let i = 0; i < 2; i++)
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await focusOn('Clara Keyboard');
    await popup.keyboard.press('ArrowUp');
    await focusOn('Bernd Keyboard');
    // The list is one Tab stop: Tab leaves it from any row, and Shift+Tab comes back to the row it left.
    assert.equal(await popup.locator('.rows .row[tabindex="0"]').count(), 1);
    await popup.keyboard.press('Tab');
    assert.equal(await popup.evaluate(() => !!document.activeElement?.closest('.rows')), false);
    await popup.keyboard.press('Shift+Tab');
    await focusOn('Bernd Keyboard');
    // From the last filter, Tab comes to that row too.
    await popup.getByRole('combobox', { name: 'Sort' }).focus();
    await popup.keyboard.press('Tab');
    await focusOn('Bernd Keyboard');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Bernd Keyboard' }).waitFor();
    await popup.keyboard.press('Escape');
    await popup.getByRole('searchbox', { name: 'Search contacts' }).waitFor();
    // Back on the row it came from (not the page's heading of that name); then Down from the search goes to the
    // search's first result.
    await popup.waitForFunction(() => document.activeElement?.matches('.row[data-id="k2"]'));
    await popup.keyboard.press('/');
    await popup.waitForFunction(() => document.activeElement?.id === 'search');
    await popup.keyboard.press('ArrowDown');
    await focusOn('Anna Keyboard');
    // "/" right after Esc: the search keeps the focus; the way back's focus, two frames later, does not take it.
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Anna Keyboard' }).waitFor();
    await popup.keyboard.press('Escape');
    await popup.keyboard.press('/');
    await popup.waitForTimeout(200);
    assert.equal(await popup.evaluate(() => document.activeElement?.id), 'search');
  });

  test('filters: due this week, never contacted, forgotten; sort by name; a forgotten row says so', async () => {
    // No cadence, added 500 days ago, never contacted: not due, but forgotten.
    const { nextDueAt: _, ...dora } = contact('f1', 'Dora Forgotten', {
      createdAt: Date.now() - 500 * DAY,
      role: 'Designer',
      company: 'Studio Nord',
    });
    // Not due for weeks, with no role or company: the row says when they last spoke, not nothing.
    const emil = contact('f2', 'Emil Neu', { nextDueAt: Date.now() + 60 * DAY, lastContactedAt: Date.now() - 3 * DAY });
    // Last contacted 400 days ago, every quarter: overdue for almost a year, and forgotten, which the row says.
    const fritz = contact('f3', 'Fritz Fern', {
      lastContactedAt: Date.now() - 400 * DAY,
      nextDueAt: Date.now() - 309 * DAY,
      cadenceDays: 91,
    });
    await h.seed([{ ...dora, cadenceDays: null }, emil, fritz]);
    const popup = await h.openPopup();
    const doraRow = popup.getByRole('button', { name: /Dora Forgotten/ });
    assert.equal(await doraRow.locator('.badge').textContent(), 'forgotten');
    const fritzBadge = popup.getByRole('button', { name: /Fritz Fern/ }).locator('.badge');
    assert.equal(await fritzBadge.textContent(), 'forgotten');
    // As urgent as "overdue": the same colours (the axe tests below check their contrast with this row drawn).
    const colours = (badge) =>
      badge.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    assert.deepEqual(await colours(fritzBadge), await colours(popup.locator('.badge--overdue').first()));
    // Why: the reason line, not the job line; the line's title holds it whole (a long one is cut) and the job.
    const doraWhy = doraRow.locator('.row__sub');
    assert.match(await doraWhy.textContent(), /^Never contacted — added /);
    assert.equal(await doraWhy.getAttribute('title'), `${await doraWhy.textContent()}\nDesigner at Studio Nord`);
    const emilRow = popup.getByRole('button', { name: /Emil Neu/ });
    assert.equal(await emilRow.locator('.badge').count(), 0);
    assert.match(await emilRow.locator('.row__sub').textContent(), /^Last: contact on /);
    assert.equal(
      await emilRow.locator('.row__sub').getAttribute('title'),
      await emilRow.locator('.row__sub').textContent(),
    );
    await popup.getByRole('combobox', { name: 'Show' }).selectOption('overdue');
    const names = () => popup.locator('.row__name').allTextContents();
    assert.deepEqual(await names(), ['Fritz Fern', 'Anna Keyboard']);
    await popup.getByRole('combobox', { name: 'Show' }).selectOption('due');
    assert.deepEqual(await names(), ['Fritz Fern', 'Anna Keyboard', 'Bernd Keyboard', 'Clara Keyboard']);
    await popup.getByRole('combobox', { name: 'Show' }).selectOption('forgotten');
    assert.deepEqual(await names(), ['Fritz Fern', 'Dora Forgotten']);
    await popup.getByRole('combobox', { name: 'Show' }).selectOption('all');
    await popup.getByRole('combobox', { name: 'Sort' }).selectOption('name');
    assert.deepEqual(await names(), [
      'Anna Keyboard',
      'Bernd Keyboard',
      'Clara Keyboard',
      'Dora Forgotten',
      'Emil Neu',
      'Fritz Fern',
      'Jürgen Müller',
    ]);
    await readmeScreenshot(popup, 'popup-list-en');
    // Their page says it too, under why now's first line; not on the page of someone contacted days ago.
    const reasons = () => popup.getByRole('list', { name: 'Why now' }).getByRole('listitem').allTextContents();
    await popup.getByRole('button', { name: /Fritz Fern/ }).click();
    await popup.getByRole('heading', { name: 'Fritz Fern' }).waitFor();
    const [first, second, ...rest] = await reasons();
    assert.match(first, /^Last: contact on /);
    assert.deepEqual([second, rest], ['No contact for over a year', []]);
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: /Emil Neu/ }).click();
    await popup.getByRole('heading', { name: 'Emil Neu' }).waitFor();
    assert.ok(!(await reasons()).includes('No contact for over a year'));
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violations in popup and options (${scheme})`, async () => {
      const popup = await h.openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axe(popup), []);
      await popup.getByRole('button', { name: /Anna Keyboard/ }).click();
      await popup.getByRole('heading', { name: 'Anna Keyboard' }).waitFor();
      assert.deepEqual(await axe(popup), []);
      if (scheme === 'dark') await readmeScreenshot(popup, 'popup-detail-dark');
      for (const hash of ['', '#reconnect', '#data']) {
        const options = await h.openOptions(hash);
        await options.emulateMedia({ colorScheme: scheme });
        assert.deepEqual(await axe(options), [], `options${hash}`);
        await options.close();
      }
    });
  }

  test('a contact\'s page says when: due since, and after "Snooze a week" snoozed until, not "next"', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Anna Keyboard/ }).click();
    await popup.getByRole('heading', { name: 'Anna Keyboard' }).waitFor();
    // Every fold on her page shows as one (a disclosure marker, in the link colour): a stray selector once made two
    // of them flex boxes without either.
    const folds = await popup
      .locator('summary')
      .evaluateAll((all) => all.map((s) => [s.textContent, getComputedStyle(s).display]));
    assert.ok(folds.length >= 3, JSON.stringify(folds));
    assert.deepEqual(
      folds.filter(([, display]) => display !== 'list-item'),
      [],
    );
    const when = popup.locator('.actions .hint').first();
    assert.match(await when.textContent(), /^Due: yesterday$/);
    // A snooze by mistake (Snooze a month is the next button): Undo takes it back.
    await popup.getByRole('button', { name: 'Snooze a month' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: /^Snoozed Anna Keyboard until / })
      .waitFor();
    await when.filter({ hasText: /^Snoozed until / }).waitFor();
    await popup.getByRole('button', { name: 'Undo' }).click();
    await when.filter({ hasText: /^Due: yesterday$/ }).waitFor();
    assert.equal((await h.records()).find((c) => c.id === 'k1').snoozedUntil, undefined);
    await popup.getByRole('button', { name: 'Snooze a week' }).click();
    await when.filter({ hasText: /^Snoozed until / }).waitFor();
    // Her row says the day too ("snoozed until Dec 10"), not "until in 7 days".
    await popup.keyboard.press('Escape');
    const badge = popup.getByRole('button', { name: /Anna Keyboard/ }).locator('.badge');
    assert.match(await badge.textContent(), /^snoozed until [A-Z][a-z]{2} \d{1,2}$/);
    await popup.close();
  });

  test("a log another app wrote in another order: the contact's page lists it newest first and names the latest contact", async () => {
    const day = (n) => Date.now() - n * DAY;
    await h.seed([
      contact('o1', 'Olga Order', {
        lastContactedAt: day(40),
        interactions: [
          { at: day(40), kind: 'call', note: 'Umzug nach Hamburg' },
          { at: day(300), kind: 'meeting', note: 'Barcamp' },
          { at: day(100), kind: 'email', note: 'Angebot' },
        ],
      }),
    ]);
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Olga Order/ }).click();
    await popup.getByRole('heading', { name: 'Olga Order' }).waitFor();
    assert.match(await popup.locator('.reasons li').last().textContent(), /^Last: call on .* — Umzug nach Hamburg$/);
    assert.deepEqual(
      (await popup.locator('.timeline--log li').allTextContents()).map((t) => t.split(' — ')[1]?.replace('×', '')),
      ['Umzug nach Hamburg', 'Angebot', 'Barcamp'],
    );
    await popup.close();
  });

  test('a logged contact can be taken back: Undo after logging, and an entry taken out of the history by keyboard, with its Undo', async () => {
    // Snoozed, never contacted, first due on an import's spread day: an Undo puts all of it back.
    const seeded = contact('u1', 'Ulla Undo', { snoozedUntil: Date.now() + 5 * DAY, nextDueAt: Date.now() + 40 * DAY });
    await h.seed([seeded]);
    const stored = async () => (await h.records()).find((c) => c.id === 'u1');
    const original = await stored();
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: /Ulla Undo/ }).click();
    await popup.getByRole('heading', { name: 'Ulla Undo' }).waitFor();
    const when = popup.locator('.actions .hint').first();
    assert.match(await when.textContent(), /^Snoozed until [^·]*$/);
    const last = popup.locator('.reasons li').last();
    assert.match(await last.textContent(), /^Never contacted/);
    await popup.getByPlaceholder('Note (optional)').fill('Kaffee');
    await popup.getByRole('button', { name: 'Got in touch' }).click();
    await popup.getByRole('status').filter({ hasText: 'Logged your contact with Ulla Undo.' }).waitFor();
    await popup.locator('.timeline').getByText('Kaffee', { exact: false }).waitFor();
    assert.match(await last.textContent(), /^Last: message on .* — Kaffee$/);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByText('No contact logged yet.').waitFor();
    await when.filter({ hasText: /^Snoozed until [^·]*$/ }).waitFor();
    await last.filter({ hasText: /^Never contacted/ }).waitFor();
    assert.equal(await popup.getByRole('status').count(), 0, 'the toast is gone');
    assert.deepEqual({ ...(await stored()), updatedAt: 0 }, { ...original, updatedAt: 0 });

    // Enter in the note logs, as Enter in the capture card's fields saves.
    await popup.getByPlaceholder('Note (optional)').fill('Kaffee');
    await popup.getByPlaceholder('Note (optional)').press('Enter');
    await popup.locator('.timeline').getByText('Kaffee', { exact: false }).waitFor();
    assert.equal(await popup.getByPlaceholder('Note (optional)').inputValue(), '');
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    const logged = await stored();
    const remove = popup.getByRole('button', { name: /^Remove the entry of .* \(Message\)$/ });
    await remove.focus();
    await popup.keyboard.press('Enter');
    await popup
      .getByRole('status')
      .filter({ hasText: /^Removed the entry of / })
      .waitFor();
    await popup.getByText('No contact logged yet.').waitFor();
    // The button went with its entry: the focus is on the history's heading, not at the page's start.
    assert.equal(await popup.evaluate(() => document.activeElement?.textContent), 'Contact history');
    const removed = await stored();
    assert.deepEqual(removed.interactions, []);
    assert.equal(removed.lastContactedAt, undefined);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.locator('.timeline').getByText('Kaffee', { exact: false }).waitFor();
    assert.deepEqual({ ...(await stored()), updatedAt: 0 }, { ...logged, updatedAt: 0 });
    await popup.close();
  });

  test('what was typed and not saved comes back when the popup is opened again: the capture card, "+ Add a person", a contact\'s page', async () => {
    const { page, tabId } = await h.openServed(
      'https://www.linkedin.com/in/theo-tipp/',
      profile.replaceAll('Jürgen Müller', 'Theo Tipp').replace('juergen-mueller', 'theo-tipp'),
    );
    let popup = await h.openPopup(tabId);
    /** A click outside closes the popup; the toolbar icon opens it again on the same tab. */
    const reopen = async () => {
      await popup.close();
      return h.openPopup(tabId);
    };
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    await popup.getByLabel('How we met').fill('Barcamp Köln');
    // Closed by a click outside: nothing was saved.
    popup = await reopen();
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    assert.equal(await popup.getByLabel('How we met').inputValue(), 'Barcamp Köln');
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Theo Tipp', 'the page still fills the rest');
    await popup.getByText('Back again: what you typed here and did not save.').waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByText('Saved Theo Tipp.').waitFor();
    assert.equal((await h.records()).find((c) => c.name === 'Theo Tipp').metVia, 'Barcamp Köln');
    popup = await reopen();
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    assert.equal(await popup.getByText('Back again', { exact: false }).count(), 0, 'saved: nothing to give back');

    // "+ Add a person": the name typed comes back, and an email typed into the fold with the fold open; Discard
    // empties the form again.
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByLabel('Name').fill('Tante Erna');
    const fold = () => popup.locator('summary', { hasText: 'Email, phone, birthday' });
    await fold().press('Enter');
    await popup.getByLabel('Emails (one per line)').fill('erna@example.org');
    popup = await reopen();
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Tante Erna');
    assert.equal(await popup.getByLabel('Emails (one per line)').inputValue(), 'erna@example.org');
    await popup.getByRole('button', { name: 'Discard' }).click();
    assert.equal(await popup.getByLabel('Name').inputValue(), '');
    assert.equal(await popup.getByLabel('Emails (one per line)').inputValue(), '');
    // Folded by keyboard, its controls are gone until it is unfolded again.
    await fold().press('Enter');
    await popup.getByLabel('Emails (one per line)').waitFor({ state: 'detached' });
    assert.equal(await fold().evaluate((s) => s.parentElement.open), false);
    assert.equal(await popup.getByText('Back again', { exact: false }).count(), 0);

    // A contact's page: a note typed, the popup closed; their page gives it back, and its save writes it.
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Open contact' }).click();
    await popup.getByRole('heading', { name: 'Theo Tipp' }).waitFor();
    await popup.locator('textarea[name="notes"]').fill('Mag Rennräder');
    // And the log form's note, typed before "Got in touch", with the kind chosen for it.
    await popup.getByLabel('How you got in touch').selectOption('meeting');
    await popup.getByPlaceholder('Note (optional)').fill('Rennrad-Tour geplant');
    popup = await reopen();
    await popup.getByRole('button', { name: 'Open contact' }).click();
    await popup.getByRole('heading', { name: 'Theo Tipp' }).waitFor();
    assert.equal(await popup.locator('textarea[name="notes"]').inputValue(), 'Mag Rennräder');
    assert.equal(await popup.getByPlaceholder('Note (optional)').inputValue(), 'Rennrad-Tour geplant');
    assert.equal(await popup.getByLabel('How you got in touch').inputValue(), 'meeting');
    await popup.getByPlaceholder('Note (optional)').press('Enter');
    await popup.locator('.timeline').getByText('Rennrad-Tour geplant', { exact: false }).waitFor();
    const theo = () => h.records().then((all) => all.find((c) => c.name === 'Theo Tipp'));
    assert.equal((await theo()).interactions.at(-1).kind, 'meeting');
    await popup.getByText('Back again: what you typed here and did not save.').waitFor();
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByText('Changes saved.').waitFor();
    assert.equal((await h.records()).find((c) => c.name === 'Theo Tipp').notes, 'Mag Rennräder');
    assert.equal(await popup.getByText('Back again', { exact: false }).count(), 0);
    await popup.close();
    await page.close();
  });

  test("a refused save puts the keyboard on the field it refused: in the short form's fold, and on a contact's page", async () => {
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByLabel('Name').fill('Paula Prüf');
    const fold = popup.locator('summary', { hasText: 'Email, phone, birthday' });
    await fold.press('Enter');
    const emails = popup.getByLabel('Emails (one per line)');
    await emails.fill('paula@');
    // Folded again, and saved by Enter in the name: the fold opens, the keyboard is on the address it refused.
    await fold.press('Enter');
    await emails.waitFor({ state: 'detached' });
    await popup.getByLabel('Name').press('Enter');
    await popup.getByRole('alert').getByText('“paula@” is not an email address.', { exact: false }).waitFor();
    assert.equal(await emails.getAttribute('aria-invalid'), 'true');
    // The message stands below the field, which it describes.
    const said = popup.locator(`[id="${await emails.getAttribute('aria-describedby')}"]`);
    assert.match(await said.textContent(), /^“paula@” is not an email address\. One address per line/);
    assert.equal(await emails.evaluate((el) => el === document.activeElement), true);
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    await popup.keyboard.type('example.org');
    assert.equal(await emails.getAttribute('aria-invalid'), null, 'changed: no longer marked');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByText('Saved Paula Prüf.').waitFor();

    // Her page's form: a photo link that is no web address.
    await popup.getByRole('button', { name: /Paula Prüf/ }).click();
    await popup.getByRole('heading', { name: 'Paula Prüf' }).waitFor();
    const photo = popup.getByLabel('Photo link');
    await photo.fill('javascript:alert(1)');
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await popup.getByText('Enter a web address starting with https:// or http://.').waitFor();
    assert.equal(await photo.getAttribute('aria-invalid'), 'true');
    assert.equal(await photo.evaluate((el) => el === document.activeElement), true);
    assert.equal((await h.records()).find((c) => c.name === 'Paula Prüf').photoUrl, undefined);
    await popup.close();
  });

  test('"+ Add a person" has a way back beside Save: Cancel returns to the list and saves nothing', async () => {
    const before = (await h.records()).length;
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByRole('heading', { name: 'Add a person' }).waitFor();
    await popup.getByLabel('Name').fill('Not saved');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('searchbox', { name: 'Search contacts' }).waitFor();
    assert.equal(await popup.getByRole('heading', { name: 'Add a person' }).count(), 0);
    assert.equal((await h.records()).length, before);
    await popup.close();
  });

  test("Save in sight: a form taller than the popup keeps Save at its bottom edge, hides no field the keyboard reaches, and rests under the form's end", async () => {
    /** Where a field, its form and the form's buttons are in the popup's 600 px (viewport px). */
    const place = (popup, field) =>
      popup.evaluate((label) => {
        const box = (el) => el.getBoundingClientRect();
        // The field of that name in a form with Save in sight (a contact's page has other forms).
        const input = [...document.querySelectorAll('.card label')]
          .filter((l) => l.textContent.trim() === label)
          .map((l) => l.control)
          .find((el) => el?.closest('form')?.querySelector('.contact-form__actions'));
        const form = input.closest('form');
        const actions = box(form.querySelector('.contact-form__actions'));
        return { actions, field: box(input), form: box(form), height: innerHeight };
      }, field);

    const { page, tabId } = await h.openServed(
      'https://www.linkedin.com/in/lea-lang/',
      profile.replaceAll('Jürgen Müller', 'Lea Lang').replace('juergen-mueller', 'lea-lang'),
    );
    const card = await h.openPopup(tabId);
    assert.equal(await card.getByLabel('Name').inputValue(), 'Lea Lang');
    let at = await place(card, 'Get in touch');
    // The form runs on below the fold; its Save is in sight, whole, at the bottom edge.
    assert.ok(at.form.bottom > at.height, `the form ends at ${at.form.bottom}, within the popup: nothing to test`);
    assert.ok(at.actions.top >= 0 && at.actions.bottom <= at.height, `Save at ${at.actions.top}–${at.actions.bottom}`);
    assert.ok(await card.getByRole('button', { name: 'Save' }).isVisible());
    // Tab to the last field of the short form: it is scrolled to above the buttons, not under them.
    await card.getByLabel('Name').focus();
    while (!(await card.getByLabel('Get in touch').evaluate((el) => el === document.activeElement)))
      await card.keyboard.press('Tab');
    at = await place(card, 'Get in touch');
    assert.ok(at.field.bottom <= at.actions.top, `the field ends at ${at.field.bottom}, Save at ${at.actions.top}`);
    // Scrolled to the form's end, the buttons rest under its last field.
    await card.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    at = await place(card, 'Get in touch');
    assert.ok(at.actions.bottom <= at.form.bottom + 1 && at.actions.top >= at.field.bottom);
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Saved Lea Lang.').waitFor();
    await card.close();
    await page.close();

    // Her page's editor, every field: Save in sight from its first field on, and what the save did beside it.
    const detail = await h.openPopup();
    await detail.getByRole('button', { name: /Lea Lang/ }).click();
    const editor = detail.locator('form.card');
    await editor.getByLabel('Note').focus();
    at = await place(detail, 'Note');
    assert.ok(at.form.bottom > at.height, `the editor ends at ${at.form.bottom}, within the popup: nothing to test`);
    assert.ok(at.actions.bottom <= at.height && at.field.bottom <= at.actions.top, JSON.stringify(at));
    await editor.getByLabel('Note').fill('Met at the Rheinland freelancer meetup');
    await editor.getByRole('button', { name: 'Save' }).click();
    const said = editor.getByText('Changes saved.');
    await said.waitFor();
    const { y, height } = await said.boundingBox();
    assert.ok(y >= 0 && y + height <= at.height, `"Changes saved." at ${y}`);
    assert.equal(
      (await h.records()).find((c) => c.name === 'Lea Lang').notes,
      'Met at the Rheinland freelancer meetup',
    );
    // With a toast shown (a contact logged, with Undo): the buttons above it, and a field reached above both.
    await detail.getByRole('button', { name: 'Got in touch' }).click();
    const toast = detail.locator('.toast');
    await toast.getByText('Logged your contact with Lea Lang.').waitFor();
    // From the page's top, where the note is below the fold: focus scrolls it into view.
    await detail.evaluate(() => window.scrollTo(0, 0));
    assert.ok((await editor.getByLabel('Note').boundingBox()).y > at.height);
    await editor.getByLabel('Note').focus();
    at = await place(detail, 'Note');
    const toastTop = (await toast.boundingBox()).y;
    assert.ok(at.actions.bottom <= toastTop && at.field.bottom <= at.actions.top, JSON.stringify({ at, toastTop }));
    await detail.close();

    // "+ Add a person" with its fold open: Save and Cancel in sight, the fold's last field reached above them.
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByText('Email, phone, birthday').click();
    await popup.getByLabel('Year (optional)').focus();
    at = await place(popup, 'Year (optional)');
    assert.ok(at.form.top < 0 || at.form.bottom > at.height);
    assert.ok(at.actions.bottom <= at.height && at.field.bottom <= at.actions.top, JSON.stringify(at));
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('searchbox', { name: 'Search contacts' }).waitFor();
    await popup.close();
  });

  test('how often to get in touch is chosen as a person is saved: by hand, on a profile, and for someone saved', async () => {
    // New people get the settings' cadence: the forms start from it.
    const options = await h.openOptions();
    await options.getByLabel('New people: get in touch').selectOption({ label: 'every month' });
    await options.locator('form.settings').getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    await options.close();

    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    const often = popup.getByLabel('Get in touch');
    assert.equal(await often.locator('option:checked').textContent(), 'every month');
    await popup.getByLabel('Name').fill('Tante Hilde');
    await often.selectOption({ label: 'every six months' });
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText('Saved Tante Hilde.').waitFor();
    const hilde = (await h.records()).find((c) => c.name === 'Tante Hilde');
    assert.equal(hilde.cadenceDays, 182);
    const due = new Date(hilde.createdAt);
    due.setDate(due.getDate() + 182);
    assert.equal(hilde.nextDueAt, due.getTime());
    // Her page says it, and its editor holds it.
    await popup.getByRole('button', { name: /Tante Hilde/ }).click();
    await popup.getByRole('heading', { name: 'Tante Hilde' }).waitFor();
    assert.match(await popup.locator('.actions .hint').first().textContent(), /^Next: in 6 months$/);
    await popup.close();

    // On a profile: the card offers the same, and "no reminders" is a choice.
    const { page, tabId } = await h.openServed(
      'https://www.linkedin.com/in/pia-pohl/',
      profile.replaceAll('Jürgen Müller', 'Pia Pohl').replace('juergen-mueller', 'pia-pohl'),
    );
    const card = await h.openPopup(tabId);
    assert.equal(await card.getByLabel('Name').inputValue(), 'Pia Pohl');
    assert.equal(await card.getByLabel('Get in touch').locator('option:checked').textContent(), 'every month');
    await card.getByLabel('Get in touch').selectOption({ label: 'no reminders' });
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Saved Pia Pohl.').waitFor();
    const pia = async () => (await h.records()).find((c) => c.name === 'Pia Pohl');
    assert.equal((await pia()).cadenceDays, null);
    assert.equal((await pia()).nextDueAt, undefined);
    await card.close();

    // Saved, the card shows his own, and a change is saved as any other field of the card.
    const again = await h.openPopup(tabId);
    await again.getByRole('heading', { name: 'Update this person' }).waitFor();
    assert.equal(await again.getByLabel('Get in touch').locator('option:checked').textContent(), 'no reminders');
    await again.getByLabel('Get in touch').selectOption({ label: 'every year' });
    await again.getByRole('button', { name: 'Update', exact: true }).click();
    await again.getByText('Updated Pia Pohl.').waitFor();
    assert.equal((await pia()).cadenceDays, 365);
    assert.ok((await pia()).nextDueAt > Date.now());
    await again.close();
    await page.close();
  });

  test("in a contrast theme (forced colors) a ticked chip, a refused field, a card's edge and the current tab still show", async () => {
    /** The computed look of the elements `selector` finds, in the page's forced colors. */
    const looks = (page, selector) =>
      page.locator(selector).evaluateAll((els) =>
        els.map((el) => {
          const s = getComputedStyle(el);
          return {
            fill: `${s.backgroundColor} ${s.color}`,
            underline: s.borderBottomStyle === 'none' ? 'none' : `${s.borderBottomWidth} ${s.borderBottomColor}`,
            edge: `${s.borderTopStyle} ${s.borderTopWidth}`,
            height: el.getBoundingClientRect().height,
          };
        }),
      );
    for (const colorScheme of ['light', 'dark']) {
      const popup = await h.openPopup();
      await popup.emulateMedia({ forcedColors: 'active', colorScheme });
      await popup.getByRole('button', { name: '+ Add a person' }).click();
      await popup.getByRole('button', { name: 'Friends' }).click();
      await popup.getByRole('button', { name: 'Friends', pressed: true }).waitFor();
      const [ticked] = await looks(popup, '.chip[aria-pressed="true"]');
      const [unticked] = await looks(popup, '.chip[aria-pressed="false"]');
      assert.notEqual(ticked.fill, unticked.fill, `a ticked chip is told from the others (${colorScheme})`);
      // Saved without a name: the field is refused, and marked otherwise than the fields beside it.
      await popup.getByRole('button', { name: 'Save', exact: true }).click();
      await popup.locator('input[name="name"][aria-invalid="true"]').waitFor();
      const [refused] = await looks(popup, 'input[name="name"]');
      const [other] = await looks(popup, 'input[name="role"]');
      assert.notEqual(refused.edge, other.edge, `a refused field is marked (${colorScheme})`);
      // Cancel: what was typed does not come back in the next round.
      await popup.getByRole('button', { name: 'Cancel' }).click();
      await popup.close();

      const options = await h.openOptions('#data');
      await options.emulateMedia({ forcedColors: 'active', colorScheme });
      const [card] = await looks(options, '.card');
      assert.equal(card.edge, 'solid 1px', `a card has an edge where its background is gone (${colorScheme})`);
      const [current] = await looks(options, '.tabs a[aria-current="page"]');
      const others = await looks(options, '.tabs a:not([aria-current])');
      assert.equal(others.length, 3);
      assert.notEqual(current.underline, 'none', `the current tab is underlined (${colorScheme})`);
      for (const tab of others) {
        assert.equal(tab.underline, 'none', `only the current tab is underlined (${colorScheme})`);
        assert.equal(tab.height, current.height, 'the tabs stay in line');
      }
      await options.close();
    }
  });

  test("by keyboard, a step keeps the keyboard: the capture card's Save, a link removed, a profile link added and removed", async () => {
    const page = profile.replaceAll('Jürgen Müller', 'Kira Keys').replace('juergen-mueller', 'kira-keys');
    const { tabId } = await h.openServed('https://www.linkedin.com/in/kira-keys/', page);
    const popup = await h.openPopup(tabId);
    const focused = () => popup.evaluate(() => document.activeElement?.textContent?.trim());
    await popup.getByRole('button', { name: 'Save', exact: true }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByText('Saved Kira Keys.').waitFor();
    // The same button, now "Update": it was disabled while saving, and a disabled button loses the focus.
    assert.equal(await focused(), 'Update');
    await popup.close();

    await h.seed([
      contact('lia', 'Lia Link', { related: [{ kind: 'knows', id: 'max' }] }),
      contact('max', 'Max Link', { related: [{ kind: 'knows', id: 'lia' }] }),
    ]);
    const list = await h.openPopup();
    await list.getByRole('button', { name: /Lia Link/ }).click();
    await list.getByRole('heading', { name: 'Lia Link' }).waitFor();
    await list.getByRole('button', { name: 'Remove the link to Max Link' }).focus();
    await list.keyboard.press('Enter');
    await list.getByRole('button', { name: 'Remove the link to Max Link' }).waitFor({ state: 'detached' });
    await waitFor(async () => (await list.evaluate(() => document.activeElement?.id)) === 'links-heading');
    // A profile link added with its button (which turns off with the field empty) and removed with its ×: the field
    // takes the keyboard back both times. Typed without its https://, as into a browser's address bar.
    const field = list.getByLabel('Add a profile link');
    const onField = () => field.evaluate((el) => el === document.activeElement);
    await field.fill('xing.com/profile/Lia_Link');
    await list.keyboard.press('Tab');
    await list.keyboard.press('Enter');
    await list.getByRole('button', { name: 'Remove www.xing.com/profile/Lia_Link' }).waitFor();
    assert.equal(await onField(), true, 'added: back on the field');
    await list.getByRole('button', { name: 'Remove www.xing.com/profile/Lia_Link' }).focus();
    await list.keyboard.press('Enter');
    await list.getByRole('button', { name: 'Remove www.xing.com/profile/Lia_Link' }).waitFor({ state: 'detached' });
    assert.equal(await onField(), true, 'removed: back on the field');
    await list.close();
  });

  test('"+ Add a person" says who is saved under the name typed already, their page a click away; Save still adds a namesake', async () => {
    await h.seed([
      contact('ns1', 'Renate Namesake', { role: 'Tax adviser', company: 'Kanzlei Nord' }),
      contact('ns2', 'Renate Namensvetter'),
    ]);
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    const name = popup.getByLabel('Name');
    const said = popup.locator('.namesakes');
    // Folded as the matching rule folds names: case, spaces.
    await name.fill('renate  NAMESAKE');
    await said.waitFor();
    assert.equal(
      await said.textContent(),
      'Saved under this name already: Renate Namesake (Tax adviser at Kanzlei Nord)',
    );
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    // A name no one has: nothing said, at once (not the answer for the name before).
    await name.fill('Renate Namesak');
    assert.equal(await said.count(), 0);
    await popup.waitForTimeout(600);
    assert.equal(await said.count(), 0);
    // Two people of one name may be two people: Save adds the second.
    await name.fill('Renate Namesake');
    await said.waitFor();
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved Renate Namesake.' }).waitFor();
    assert.equal((await h.records()).filter((r) => r.name === 'Renate Namesake').length, 2);
    // Asked again, both are said; a click opens the one saved before.
    await popup.getByRole('button', { name: '+ Add a person' }).click();
    await popup.getByLabel('Name').fill('Renate Namesake');
    await popup.getByRole('button', { name: 'Renate Namesake', exact: true }).waitFor();
    assert.match(await said.textContent(), /^Saved under this name already: Renate Namesake.*, Renate Namesake/);
    await popup.getByRole('button', { name: 'Renate Namesake (Tax adviser at Kanzlei Nord)' }).click();
    await popup.getByRole('heading', { name: 'Renate Namesake' }).waitFor();
    assert.equal(await popup.getByLabel('Company').inputValue(), 'Kanzlei Nord');
    await popup.close();
  });

  test('a profile on another network of someone saved under that name (company written otherwise there): the card offers to add it to them', async () => {
    await h.seed([
      contact('maxroe', 'Max Roe', {
        role: 'CTO',
        company: 'Acme GmbH',
        profiles: [{ url: 'https://www.xing.com/profile/Max_Roe', site: 'xing' }],
      }),
    ]);
    const html = profile.replaceAll('Jürgen Müller', 'Max Roe').replace('juergen-mueller', 'max-roe');
    const { page, tabId } = await h.openServed('https://www.linkedin.com/in/max-roe/', html);
    let popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    await popup.getByText('Saved under this name already. The same person on another network?').waitFor();
    // By keyboard: the offer's button, then the keyboard on what it did.
    const add = popup.getByRole('button', { name: 'Add this profile to Max Roe (CTO at Acme GmbH)' });
    await add.focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    await waitFor(async () => (await popup.evaluate(() => document.activeElement?.textContent)) === 'Updated Max Roe.');
    const maxes = (await h.records()).filter((r) => r.name === 'Max Roe');
    assert.equal(maxes.length, 1, 'no second Max Roe');
    assert.deepEqual(maxes[0].profiles.map((p) => p.url).sort(), [
      'https://www.linkedin.com/in/max-roe',
      'https://www.xing.com/profile/Max_Roe',
    ]);
    // Only the profile was taken: what the page says otherwise the card offers, as for anyone saved.
    assert.equal(maxes[0].company, 'Acme GmbH');
    assert.deepEqual(maxes[0].history, []);
    await popup.getByRole('button', { name: 'Update from page' }).waitFor();
    assert.deepEqual(await axe(popup), []);
    await popup.close();
    // The page is theirs from now on: the next open knows them, and offers no namesake.
    popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    assert.equal(await popup.getByText('Saved under this name already.', { exact: false }).count(), 0);
    await popup.close();
    await page.close();
  });

  test('a page that writes a saved name otherwise: the name typed over it in the card finds them, and the offer adds the profile to them', async () => {
    await h.seed([
      contact('greta', 'Greta Stein', {
        company: 'Stein & Partner',
        nextDueAt: Date.now() + 300 * DAY,
        profiles: [{ url: 'https://www.xing.com/profile/Greta_Stein', site: 'xing' }],
      }),
    ]);
    const html = profile.replaceAll('Jürgen Müller', 'Greta Stein-Berger').replace('juergen-mueller', 'greta-sb');
    const { page, tabId } = await h.openServed('https://www.linkedin.com/in/greta-sb/', html);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    const name = popup.locator('.capture').getByLabel('Name');
    assert.equal(await name.inputValue(), 'Greta Stein-Berger');
    const add = popup.getByRole('button', { name: 'Add this profile to Greta Stein (Stein & Partner)' });
    // Not asked under the page's name (nobody is saved under it)…
    await popup.waitForTimeout(400);
    assert.equal(await add.count(), 0);
    // …but under the name the user writes as they know her.
    await name.fill('Greta Stein');
    await add.waitFor();
    await name.fill('Greta Steinbach');
    await waitFor(async () => (await add.count()) === 0);
    await name.fill('Greta Stein');
    await add.focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    const gretas = (await h.records()).filter((r) => r.name.startsWith('Greta'));
    assert.deepEqual(
      gretas.map((r) => r.id),
      ['greta'],
    );
    assert.deepEqual(gretas[0].profiles.map((p) => p.url).sort(), [
      'https://www.linkedin.com/in/greta-sb',
      'https://www.xing.com/profile/Greta_Stein',
    ]);
    await popup.close();
    await page.close();
  });

  test('a profile whose name carries a title ("Dr. Lena Hoff") of someone saved without it: the card names her and adds the profile to her', async () => {
    await h.seed([
      contact('lena', 'Lena Hoff', {
        company: 'Hoff Beratung',
        nextDueAt: Date.now() + 300 * DAY,
        profiles: [{ url: 'https://www.xing.com/profile/Lena_Hoff', site: 'xing' }],
      }),
    ]);
    const html = profile.replaceAll('Jürgen Müller', 'Dr. Lena Hoff').replace('juergen-mueller', 'lena-hoff');
    const { page, tabId } = await h.openServed('https://www.linkedin.com/in/lena-hoff/', html);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    assert.equal(await popup.locator('.capture').getByLabel('Name').inputValue(), 'Dr. Lena Hoff');
    await popup.getByText('Saved under this name already. The same person on another network?').waitFor();
    await popup.getByRole('button', { name: 'Add this profile to Lena Hoff (Hoff Beratung)' }).click();
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    const lenas = (await h.records()).filter((r) => r.name.includes('Lena Hoff'));
    assert.deepEqual(
      lenas.map((r) => [r.id, r.name]),
      [['lena', 'Lena Hoff']],
    );
    assert.deepEqual(lenas[0].profiles.map((p) => p.url).sort(), [
      'https://www.linkedin.com/in/lena-hoff',
      'https://www.xing.com/profile/Lena_Hoff',
    ]);
    await popup.close();
    await page.close();
  });

  test("the same person saved twice: a contact's page offers to merge the other into it; links follow; Undo splits them again", async () => {
    await h.seed([
      contact('nora1', 'Nora Doppel', {
        company: 'Acme GmbH',
        profiles: [{ url: 'https://www.linkedin.com/in/nora-doppel', site: 'linkedin' }],
        notes: 'Messe Köln 2024\nKinder: 2',
        phones: ['+49 221 5550199'],
        related: [{ kind: 'knows', id: 'bodo', name: 'Bodo Brücke' }],
      }),
      contact('nora2', 'Nora Doppel', {
        company: 'ACME Group',
        phones: ['+49 (0)221 555 01 99', '0171 2345678'],
        notes: 'vom Handy\nMesse Köln 2024',
        role: 'CTO',
        emails: ['nora@example.org'],
        profiles: [{ url: 'https://www.xing.com/profile/Nora_Doppel', site: 'xing' }],
        related: [{ kind: 'knows', id: 'bodo', name: 'Bodo Brücke', note: 'aus dem Chor' }],
      }),
      contact('bodo', 'Bodo Brücke', {
        related: [
          { kind: 'knows', id: 'nora1', name: 'Nora Doppel' },
          { kind: 'knows', id: 'nora2', name: 'Nora Doppel' },
        ],
      }),
    ]);
    const popup = await h.openPopup();
    await popup.getByRole('searchbox').fill('Nora Doppel');
    await popup.locator('.row[data-id="nora1"]').click();
    await popup.getByRole('heading', { name: 'Nora Doppel' }).waitFor();
    await popup.getByText('Also saved under this name. The same person twice?').waitFor();
    const merge = popup.getByRole('button', { name: 'Merge Nora Doppel (CTO at ACME Group) into this contact' });
    await merge.focus();
    await popup.keyboard.press('Enter');
    await popup.getByText('Merged Nora Doppel into this contact.').waitFor();
    await waitFor(async () => (await popup.evaluate(() => document.activeElement?.id)) === 'detail-heading');
    let records = await h.records();
    const noras = records.filter((r) => r.name === 'Nora Doppel');
    assert.deepEqual(
      noras.map((r) => r.id),
      ['nora1'],
    );
    assert.equal(noras[0].company, 'Acme GmbH', "the page's own values stand");
    assert.deepEqual(noras[0].emails, ['nora@example.org']);
    assert.deepEqual(noras[0].profiles.map((p) => p.site).sort(), ['linkedin', 'xing']);
    assert.equal(noras[0].notes, 'vom Handy\nMesse Köln 2024\nKinder: 2', "both notes' lines, the shared one once");
    assert.deepEqual(noras[0].phones, ['+49 221 5550199', '0171 2345678'], 'a number written two ways once');
    assert.deepEqual(
      noras[0].related,
      [{ kind: 'knows', id: 'bodo', name: 'Bodo Brücke', note: 'aus dem Chor' }],
      "Bodo once, with the other record's note on him",
    );
    assert.deepEqual(
      records.find((r) => r.id === 'bodo').related.map((r) => r.id),
      ['nora1'],
    );
    assert.equal(await popup.getByText('Also saved under this name.', { exact: false }).count(), 0);
    assert.deepEqual(await axe(popup), []);

    await popup.getByRole('button', { name: 'Undo' }).click();
    await popup.getByText('Also saved under this name. The same person twice?').waitFor();
    records = await h.records();
    assert.deepEqual(
      records
        .filter((r) => r.name === 'Nora Doppel')
        .map((r) => r.id)
        .sort(),
      ['nora1', 'nora2'],
    );
    assert.deepEqual(records.find((r) => r.id === 'nora1').emails, []);
    assert.deepEqual(records.find((r) => r.id === 'nora1').phones, ['+49 221 5550199']);
    assert.deepEqual(records.find((r) => r.id === 'nora1').related, [
      { kind: 'knows', id: 'bodo', name: 'Bodo Brücke' },
    ]);
    assert.deepEqual(records.find((r) => r.id === 'nora2').phones, ['+49 (0)221 555 01 99', '0171 2345678']);
    assert.equal(records.find((r) => r.id === 'nora1').notes, 'Messe Köln 2024\nKinder: 2');
    assert.equal(records.find((r) => r.id === 'nora2').notes, 'vom Handy\nMesse Köln 2024');
    assert.deepEqual(
      records
        .find((r) => r.id === 'bodo')
        .related.map((r) => r.id)
        .sort(),
      ['nora1', 'nora2'],
    );
    await popup.close();
  });

  test("the same person saved under another name: a contact's page merges the record chosen by name, by keyboard; Undo splits them", async () => {
    // Due long after everyone the later tests look for in the list, which they stay below.
    const later = Date.now() + 300 * DAY;
    await h.seed([
      contact('ann', 'Anna Alt', { company: 'Acme GmbH', emails: ['anna@acme.example'], nextDueAt: later }),
      contact('anna', 'Anna Berg-Alt', {
        emails: ['anna@home.example'],
        profiles: [{ url: 'https://www.xing.com/profile/Anna_BergAlt', site: 'xing' }],
        nextDueAt: later,
      }),
      contact('anna2', 'Anna Berg', { company: 'Beta AG', nextDueAt: later }),
    ]);
    const popup = await h.openPopup();
    await popup.getByRole('searchbox').fill('Anna Alt');
    await popup.locator('.row[data-id="ann"]').click();
    await popup.getByRole('heading', { name: 'Anna Alt' }).waitFor();
    // No namesake to offer: the merge is folded away until asked for.
    assert.equal(await popup.getByText('Also saved under this name.', { exact: false }).count(), 0);
    await popup.getByText('Merge with another contact…').focus();
    await popup.keyboard.press('Enter');
    const field = popup.getByLabel('Other contact');
    await popup.keyboard.press('Tab');
    assert.equal(await field.evaluate((el) => el === document.activeElement), true);
    // Part of a name, which is more than one person's: refused, said, nothing merged.
    await popup.keyboard.type('Anna B');
    await popup.keyboard.press('Enter');
    await popup.getByText("“Anna B” is not one contact's name: choose one from the suggestions.").waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(popup), []);
    const ours = async () => (await h.records()).filter((r) => ['ann', 'anna', 'anna2'].includes(r.id));
    assert.equal((await ours()).length, 3);
    await field.fill('Anna Berg-Alt');
    await popup.keyboard.press('Enter');
    await popup.getByText('Merged Anna Berg-Alt into this contact.').waitFor();
    let records = await ours();
    assert.deepEqual(records.map((r) => r.id).sort(), ['ann', 'anna2']);
    const anna = records.find((r) => r.id === 'ann');
    assert.equal(anna.name, 'Anna Alt', "the page's own name stands");
    assert.deepEqual(anna.emails.sort(), ['anna@acme.example', 'anna@home.example']);
    assert.deepEqual(
      anna.profiles.map((p) => p.site),
      ['xing'],
    );
    assert.equal(await field.inputValue(), '');
    assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the keyboard stays in the field');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await waitFor(async () => (await ours()).length === 3);
    records = await ours();
    assert.deepEqual(records.find((r) => r.id === 'ann').emails, ['anna@acme.example']);
    assert.equal(records.find((r) => r.id === 'anna').name, 'Anna Berg-Alt');
    await popup.close();
  });

  test("on the profile of someone saved, the card's form shows and edits what is stored; the page's news come by their own button", async () => {
    const { page, tabId } = await onSavedProfile('olga', 'Olga Known', {
      role: 'Gesellin',
      notes: 'Met at the Stammtisch.',
      metVia: 'Stammtisch',
    });
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    const card = popup.locator('.capture');
    assert.equal(await card.getByLabel('Role').inputValue(), 'Gesellin');
    assert.equal(await card.getByLabel('Note').inputValue(), 'Met at the Stammtisch.');
    assert.equal(await card.getByLabel('How we met').inputValue(), 'Stammtisch');
    // A save writes the form as the user left it: a "how we met" already set is replaced, the note not doubled, the
    // page's role not taken.
    await card.getByLabel('How we met').fill('Barcamp Köln');
    await card.getByRole('button', { name: 'Update', exact: true }).click();
    await card.getByText('Updated Olga Known.').waitFor();
    const olga = async () => (await h.records()).find((c) => c.id === 'olga');
    assert.deepEqual(
      [(await olga()).metVia, (await olga()).role, (await olga()).notes],
      ['Barcamp Köln', 'Gesellin', 'Met at the Stammtisch.'],
    );
    // What the page says otherwise is still offered, on its own button; taking it fills the untouched fields. The
    // button goes with it, and the keyboard's focus moves to what the save did.
    await card.getByRole('button', { name: 'Update from page' }).focus();
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await card.getByLabel('Role').inputValue()) === 'Bäckermeister und Berater');
    assert.equal(await popup.evaluate(() => document.activeElement?.textContent), 'Updated Olga Known.');
    assert.equal(await card.getByLabel('How we met').inputValue(), 'Barcamp Köln');
    assert.equal(await card.getByRole('button', { name: 'Update from page' }).count(), 0);
    assert.deepEqual([(await olga()).metVia, (await olga()).role], ['Barcamp Köln', 'Bäckermeister und Berater']);
    await popup.close();
    await page.close();
  });

  test('a word longer than the popup is wide breaks: the capture card, the list and a contact page stay as wide as the popup', async () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt';
    await h.seed([contact('long', word, { company: word, role: `Leiter ${word}` })]);
    // Saved, and the page now names the long word: the card offers it beside "Update from page".
    const { page, tabId } = await onSavedProfile('paul', 'Paul Lang', {}, (html) =>
      html.replaceAll('Bäckerei Müller', word),
    );
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    await popup.locator('.changed', { hasText: word }).waitFor();
    const overflow = () =>
      popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0);
    await popup
      .getByRole('button', { name: new RegExp(word) })
      .first()
      .click();
    await popup.getByRole('heading', { name: word }).waitFor();
    assert.equal(await overflow(), 0);
    await popup.close();
    await page.close();
  });

  test('above 200% zoom, where a popup holds fewer than 400 CSS px: the card, the list and a contact page reflow into it', async () => {
    // Someone saved: the card's head has "Open contact" beside the heading, its widest.
    const { page, tabId } = await onSavedProfile('zoe', 'Zoe Zoom');
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    // A popup is at most 800 px wide: 266 CSS px at 300%, 200 at 400%.
    const beyond = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('#app *')]
          .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`),
      );
    for (const width of [320, 266, 200]) {
      await popup.setViewportSize({ width, height: 300 });
      assert.deepEqual(await beyond(), [], `the capture card and the list at ${width} px`);
    }
    await popup.getByRole('button', { name: 'Open contact' }).click();
    await popup.getByRole('heading', { name: 'Zoe Zoom' }).waitFor();
    assert.deepEqual(await beyond(), [], 'a contact page at 200 px');
    assert.deepEqual(await axe(popup), []);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.close();
    await page.close();
  });

  test("the keyboard's focus follows the views: a contact's page starts at its heading, and the way back returns to what opened it", async () => {
    const { page, tabId } = await onSavedProfile('kim', 'Kim Fokus', { nextDueAt: Date.now() - 400 * DAY });
    const popup = await h.openPopup(tabId);
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement;
        return `${el?.tagName.toLowerCase()}${el?.id ? `#${el.id}` : ''} ${el?.textContent?.trim().slice(0, 20)}`;
      });
    const settled = async (expected) => {
      await waitFor(async () => (await focused()) === expected).catch(() => {});
      assert.equal(await focused(), expected);
    };
    // From the capture card's "Open contact", and back with Esc.
    await popup.getByRole('button', { name: 'Open contact' }).focus();
    await popup.keyboard.press('Enter');
    await settled('h2#detail-heading Kim Fokus');
    await popup.keyboard.press('Escape');
    await settled('button#open-contact Open contact');
    // From the list's row, and back with the page's Back button.
    const row = popup.locator('.row', { hasText: 'Kim Fokus' });
    await row.focus();
    await popup.keyboard.press('Enter');
    await settled('h2#detail-heading Kim Fokus');
    await popup.keyboard.press('Shift+Tab');
    await settled('button ← Back');
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await popup.evaluate(() => document.activeElement?.dataset.id)) === 'kim');
    // "+ Add a person", and Cancel.
    await popup.getByRole('button', { name: '+ Add a person' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await settled('button#add-person + Add a person');
    await popup.close();
    await page.close();
  });

  test("on a page without a person that is one of a saved person's links: that person, not a form adding them again", async () => {
    await h.seed([
      contact('erika', 'Erika Mustermann', {
        profiles: [{ url: 'https://erika-mustermann.example/portfolio', site: 'web' }],
      }),
    ]);
    const { page, tabId } = await h.openServed(
      'https://erika-mustermann.example/portfolio/',
      '<!doctype html><title>Portfolio – Illustration</title><h1>Illustration &amp; Design</h1><p>Bilder.</p>',
    );
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Erika Mustermann' }).waitFor();
    await popup.getByText('This page is one of their saved links.').waitFor();
    assert.equal(await popup.locator('.manual').count(), 0, 'no manual form on their page');
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    // Keyboard only: to their page, and back to the button that opened it.
    await popup.locator('#open-contact').focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Got in touch' }).waitFor();
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => document.activeElement?.id === 'open-contact');
    assert.equal((await h.records()).filter((c) => c.name === 'Erika Mustermann').length, 1);
    await popup.close();
    await page.close();
  });

  test("on a company's website that colleagues are saved with: the form names them, each a key press from their page, and adds the next", async () => {
    const site = [{ url: 'https://www.acme.example', site: 'web' }];
    await h.seed([
      contact('ada', 'Ada Acme', { profiles: site }),
      contact('bo', 'Bo Acme', { profiles: site, role: 'Einkauf' }),
    ]);
    const { page, tabId } = await h.openServed(
      'https://www.acme.example/',
      '<!doctype html><title>Acme GmbH – Maschinenbau</title><h1>Willkommen bei Acme</h1>',
    );
    const popup = await h.openPopup(tabId);
    const line = popup.getByTestId('page-holders');
    await line.filter({ hasText: "Saved with this page's address: Ada Acme, Bo Acme (Einkauf)" }).waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    // Keyboard only: to Bo's page and back.
    await line.getByRole('button', { name: 'Bo Acme (Einkauf)' }).focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Got in touch' }).waitFor();
    await popup.keyboard.press('Escape');
    await line.waitFor();
    // The next colleague, saved with the page's address: one more on the line, nobody's page.
    const form = popup.locator('.manual');
    await form.getByLabel('Name').fill('Cy Acme');
    await form.getByRole('button', { name: 'Save' }).click();
    await line.filter({ hasText: "Saved with this page's address: Ada Acme, Bo Acme (Einkauf), Cy Acme" }).waitFor();
    const records = (await h.records()).filter((r) => r.name.endsWith(' Acme'));
    assert.deepEqual(records.map((r) => [r.name, r.profiles.map((p) => p.url)]).sort(), [
      ['Ada Acme', ['https://www.acme.example']],
      ['Bo Acme', ['https://www.acme.example']],
      ['Cy Acme', ['https://www.acme.example']],
    ]);
    await popup.close();
    await page.close();
  });

  test('on the homepage of someone saved under another name: the card offers them ("This is …"), and the keyboard takes it', async () => {
    await h.seed([
      contact('hanna', 'Hanna Vogel', { profiles: [{ url: 'https://hanna-vogel.example', site: 'web' }] }),
    ]);
    const person = { '@context': 'https://schema.org', '@type': 'Person', name: 'Dr. Hanna Vogel-Berg' };
    const { page, tabId } = await h.openServed(
      'https://hanna-vogel.example/',
      `<!doctype html><title>Hanna Vogel-Berg</title><script type="application/ld+json">${JSON.stringify(person)}</script><h1>Hanna Vogel-Berg</h1>`,
    );
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    const offer = popup.getByRole('button', { name: 'This is Hanna Vogel' });
    await offer.waitFor();
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      assert.deepEqual(await axe(popup), [], colorScheme);
    }
    await offer.focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    // The focus is on what the step did, not at the page's start; the form shows her as saved.
    await popup.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
    assert.equal(await popup.locator('.capture').getByLabel('Name').inputValue(), 'Hanna Vogel');
    const hanna = (await h.records()).filter((c) => c.name.startsWith('Hanna'));
    assert.deepEqual(
      hanna.map((c) => [c.id, c.name, c.profiles]),
      [['hanna', 'Hanna Vogel', [{ url: 'https://hanna-vogel.example', site: 'web', named: 'Dr. Hanna Vogel-Berg' }]]],
    );
    await popup.close();
    // The page is hers from now on: the next open knows her, and asks nothing.
    const again = await h.openPopup(tabId);
    await again.getByRole('heading', { name: 'Update this person' }).waitFor();
    assert.equal(await again.locator('.capture').getByLabel('Name').inputValue(), 'Hanna Vogel');
    assert.equal(await again.getByRole('button', { name: 'This is Hanna Vogel' }).count(), 0);
    await again.close();
    await page.close();
  });

  test('on the profile of someone saved: "Open contact" leads to their page, where the message just sent is logged', async () => {
    const { page, tabId } = await onSavedProfile('ilse', 'Ilse Known', {
      circles: ['club'],
      nextDueAt: Date.now() - 3 * DAY,
    });
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Update this person' }).waitFor();
    // The circles they are in are pressed: the form shows what is stored.
    assert.equal(await popup.getByRole('button', { name: 'Club', exact: true }).getAttribute('aria-pressed'), 'true');
    await popup.getByRole('button', { name: 'Open contact' }).click();
    await popup.getByRole('heading', { name: 'Ilse Known' }).waitFor();
    await popup.getByRole('combobox', { name: 'How you got in touch' }).selectOption('message');
    await popup.getByRole('button', { name: 'Got in touch' }).click();
    await popup.locator('.timeline').getByText('Message', { exact: false }).waitFor();
    const ilse = (await h.records()).find((c) => c.id === 'ilse');
    assert.equal(ilse.interactions.at(-1).kind, 'message');
    await popup.close();
    await page.close();
  });
});

// "No layout shift while data loads": the Layout Instability API reports every move of something already painted.
for (const locale of ['en', 'de']) {
  describe(`the popup opens without layout shift (${locale})`, () => {
    const h = useExtension({ locale });

    test('on a profile page with 300 people saved: the card, the figures and the rows never move once painted', async () => {
      await h.seed(
        Array.from({ length: 300 }, (_, i) => contact(`p${i}`, `Person ${i}`, { nextDueAt: Date.now() + i * DAY })),
      );
      await h.context.addInitScript(() => {
        if (location.protocol !== 'chrome-extension:') return;
        const shifts = [];
        Object.assign(globalThis, { layoutShifts: shifts });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            shifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.className ?? '').join(' ') });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      for (let i = 0; i < 3; i++) {
        const { page, tabId } = await h.openServed(`https://www.linkedin.com/in/juergen-mueller-${i}/`, profile);
        const popup = await h.openPopup(tabId);
        await popup.getByLabel('Name').waitFor();
        await popup.locator('.row').first().waitFor();
        await popup.waitForFunction(() => !document.querySelector('.stats[aria-busy]'));
        // Two frames more, so a late move would have been reported.
        await popup.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        assert.deepEqual(await popup.evaluate(() => globalThis.layoutShifts), []);
        // The five figures stand in one row of four columns: none is left alone on a row below.
        const tops = await popup
          .locator('.stats > span')
          .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, JSON.stringify(tops));
        await popup.close();
        await page.close();
      }
    });
  });
}

// A browser of its own: its 60 people would come before the people other tests look for in the list.
describe("the popup's list in Chromium, scrolled", () => {
  const h = useExtension({ locale: 'en' });

  test('a new search starts at the top of the list when it was scrolled down', async () => {
    const now = Date.now();
    await h.seed(
      Array.from({ length: 60 }, (_, i) =>
        contact(`s${i}`, `Scroll Person ${String(i).padStart(2, '0')}`, { nextDueAt: now + (i + 1) * DAY }),
      ),
    );
    const popup = await h.openPopup();
    const list = popup.locator('.rows');
    await popup.locator('.row[data-id="s0"]').waitFor();
    // Scrolled with the wheel, as a user does; the library draws the rows further down.
    await list.hover();
    await popup.mouse.wheel(0, 1200);
    await popup.waitForFunction(() => (document.querySelector('.rows')?.scrollTop ?? 0) > 600);
    await popup.locator('.row[data-id="s0"]').waitFor({ state: 'detached' });
    await popup.getByRole('searchbox', { name: 'Search contacts' }).fill('scroll person 0');
    await popup.waitForFunction(() => document.querySelector('.rows')?.scrollTop === 0);
    // The search's first row in sight at the top, not somewhere below.
    await popup.locator('.row[data-id="s0"]').waitFor();
    assert.equal(await popup.locator('.row').first().getAttribute('data-id'), 's0');
    const [row, box] = await Promise.all([popup.locator('.row[data-id="s0"]'), list].map((l) => l.boundingBox()));
    assert.equal(row?.y, box?.y);
  });
});
