import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;

const personPage = `<!doctype html><html><head><title>Erika Mustermann – Beispiel</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ProfilePage","mainEntity":{
"@type":"Person","name":"Erika Mustermann","jobTitle":"Produktdesignerin","worksFor":{"@type":"Organization","name":"Beispiel GmbH"},
"address":{"@type":"PostalAddress","addressLocality":"Köln"}}}</script></head>
<body><h1>Erika Mustermann</h1></body></html>`;

describe('capture in Chromium', () => {
  let h;
  before(async () => {
    h = await launch({ locale: 'en' });
  });
  after(() => h.close());

  test('a served profile page shows its person in the popup, ready to save', async () => {
    const { tabId } = await h.openServed('https://people.example.org/erika', personPage);
    const popup = await h.openPopup(tabId);
    await popup.getByRole('heading', { name: 'Save this person' }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Erika Mustermann');
    assert.equal(await popup.getByLabel('Role').inputValue(), 'Produktdesignerin');
    assert.equal(await popup.getByLabel('Company').inputValue(), 'Beispiel GmbH');
    assert.equal(await popup.getByLabel('Location').inputValue(), 'Köln');
    await popup.screenshot({ path: `${SCREENSHOTS}popup-capture-en.png` });

    await popup.getByLabel('How we met').fill('Meetup in Köln');
    await popup.getByLabel('Name').press('Enter');
    await popup.getByRole('status').filter({ hasText: 'Saved Erika Mustermann.' }).waitFor();
    await popup.getByRole('listitem').filter({ hasText: 'Erika Mustermann' }).waitFor();
    assert.equal(await popup.getByTestId('stats').textContent(), '1 person you know');
  });

  test('a page without a person offers the manual form, prefilled from the page', async () => {
    const { tabId } = await h.openServed('https://news.example.org/story', '<title>Weather today</title><p>Sunny.</p>');
    const popup = await h.openPopup(tabId);
    await popup.getByText('No person found on this page.', { exact: false }).waitFor();
    assert.equal(await popup.getByLabel('Name').inputValue(), 'Weather today');
  });
});
