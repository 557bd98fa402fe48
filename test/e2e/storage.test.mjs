import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch } from './harness.mjs';

test('a saved person survives closing the popup and restarting the browser', async () => {
  const first = await launch({ locale: 'en' });
  const popup = await first.openPopup();
  await popup.getByRole('button', { name: '+ Add a person' }).click();
  await popup.getByLabel('Name').fill('Oma Hildegard');
  await popup.getByLabel('How we met').fill('Family');
  await popup.getByRole('button', { name: 'Family' }).click();
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved Oma Hildegard.' }).waitFor();
  await popup.getByRole('listitem').filter({ hasText: 'Oma Hildegard' }).waitFor();
  await popup.close();

  const reopened = await first.openPopup();
  await reopened.getByRole('listitem').filter({ hasText: 'Oma Hildegard' }).waitFor();
  const dir = first.dir;
  assert.deepEqual(first.ownTraffic(), [], 'no request of our own');
  await first.close({ keepProfile: true });

  const second = await launch({ locale: 'en', userDataDir: dir });
  try {
    const again = await second.openPopup();
    await again.getByRole('listitem').filter({ hasText: 'Oma Hildegard' }).waitFor();
    assert.equal(await again.getByTestId('stats').textContent(), '1 person you know');
    assert.deepEqual(second.ownTraffic(), [], 'no request of our own');
  } finally {
    await second.close();
  }
});
