import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contact, useExtension } from './harness.mjs';

const person = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person",
"name":"Erika Mustermann","jobTitle":"Produktdesignerin","worksFor":{"@type":"Organization","name":"Beispiel GmbH"}}</script>`;

describe('a page that does not answer never holds up the popup (Chromium)', () => {
  const h = useExtension({ locale: 'en' });

  test('a busy page: the list and search work at once; "not answering" after the bound; the late answer folds', async () => {
    await h.seed([contact('a1', 'Anna Beispiel'), contact('b1', 'Bernd Muster')]);
    // The page's own script keeps its main thread busy for 6 s, starting just after it loaded.
    const busy = `<!doctype html><title>Erika Mustermann</title>${person}
      <script>setTimeout(() => { const end = Date.now() + 6000; while (Date.now() < end) {} }, 300)</script>`;
    const { tabId } = await h.openServed('https://people.example.org/busy', busy);
    await new Promise((r) => setTimeout(r, 500));
    const opened = Date.now();
    const popup = await h.openPopup(tabId);
    const search = popup.getByRole('searchbox', { name: 'Search contacts' });
    await popup.getByRole('button', { name: /Bernd Muster/ }).waitFor();
    assert.ok(Date.now() - opened < 3000, 'the list came while the page was busy');
    await popup.getByText('Reading this page …').waitFor();
    await search.fill('anna');
    await popup.getByRole('button', { name: /Anna Beispiel/ }).waitFor();
    assert.equal(await popup.getByRole('button', { name: /Bernd Muster/ }).count(), 0);
    await popup.getByText('This page is not answering.', { exact: false }).waitFor();
    await popup.getByRole('button', { name: 'Try again' }).waitFor();
    const before = await search.boundingBox();
    // The page lets go; its answer comes while the user is in the search box: folded, nothing moves.
    await popup.getByText('Erika Mustermann is on this page.').waitFor({ timeout: 15000 });
    assert.deepEqual(await search.boundingBox(), before);
    assert.equal(await search.inputValue(), 'anna');
    assert.ok(await search.evaluate((el) => el === document.activeElement), 'the search kept the focus');
    await popup.locator('summary', { hasText: 'Save this person' }).click();
    assert.equal(await popup.getByLabel('Role').first().inputValue(), 'Produktdesignerin');
  });

  test('a page still loading: "not answering" with the form; the late answer fills only the empty fields', async () => {
    // The page's script is held back 4 s: the document is not ready, so the capture waits.
    h.serve('https://people.example.org/slow.js', 'window.slow = true;', 'text/javascript', { delayMs: 4000 });
    const loading = `<!doctype html><title>Erika Mustermann</title>${person}
      <script src="https://people.example.org/slow.js"></script><h1>Erika Mustermann</h1>`;
    const { tabId } = await h.openServed('https://people.example.org/loading', loading, { waitUntil: 'commit' });
    const popup = await h.openPopup(tabId);
    await popup.getByText('This page is not answering.', { exact: false }).waitFor();
    const name = popup.locator('.silent').getByLabel('Name');
    await name.fill('Erika M.');
    await popup
      .getByText('Found Erika Mustermann: empty fields filled in.', { exact: false })
      .waitFor({ timeout: 15000 });
    assert.equal(await name.inputValue(), 'Erika M.');
    assert.equal(await popup.locator('.silent').getByLabel('Company').inputValue(), 'Beispiel GmbH');
    await name.press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved Erika M..' }).waitFor();
    const saved = (await h.records()).find((c) => c.name === 'Erika M.');
    assert.equal(saved?.company, 'Beispiel GmbH');
    assert.equal(saved?.profiles[0]?.url, 'https://people.example.org/loading');
  });

  test("a site's legal notice still loading: its late answer fills the empty fields, and the site is the link saved", async () => {
    h.serve('https://studio.example/slow-notice.js', 'window.slow = true;', 'text/javascript', { delayMs: 4000 });
    const notice = `<!doctype html><title>Impressum</title><h1>Impressum</h1>
      <p>Angaben gemäß § 5 DDG<br>Jan Muster<br>Studio Muster<br>Musterweg 3<br>50667 Köln</p>
      <p>E-Mail: <a href="mailto:jan@studio.example">jan@studio.example</a></p>
      <script src="https://studio.example/slow-notice.js"></script>`;
    const { tabId } = await h.openServed('https://studio.example/impressum', notice, { waitUntil: 'commit' });
    const popup = await h.openPopup(tabId);
    await popup.getByText('This page is not answering.', { exact: false }).waitFor();
    const form = popup.locator('.silent');
    await form.getByLabel('Name').fill('Jan M.');
    await popup
      .getByText("Read from this site's legal notice (Impressum): check it before saving.")
      .waitFor({ timeout: 15000 });
    assert.equal(await form.getByLabel('Name').inputValue(), 'Jan M.');
    assert.equal(await form.getByLabel('Company').inputValue(), 'Studio Muster');
    assert.equal(await form.getByLabel('Location').inputValue(), 'Köln');
    // The fold stays closed under the user's typing, and says what the notice put in it: nothing saved unseen.
    assert.equal(
      await form.locator('.contact-form__more summary').textContent(),
      'Email, phone, birthday: jan@studio.example',
      'the closed fold names the email read',
    );
    assert.equal(await form.locator('.contact-form__more').getAttribute('open'), null);
    await form.getByLabel('Name').press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved Jan M..' }).waitFor();
    const saved = (await h.records()).find((c) => c.name === 'Jan M.');
    assert.deepEqual(
      { company: saved?.company, emails: saved?.emails, profiles: saved?.profiles },
      {
        company: 'Studio Muster',
        emails: ['jan@studio.example'],
        profiles: [{ site: 'web', url: 'https://studio.example' }],
      },
    );
  });
});
