// @vitest-environment jsdom
/** An empty book's popup (popup/EmptyBook.tsx): the two ways to start, and when the weekly reminder first comes. */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { EmptyBook } from '../../src/popup/EmptyBook';
import type { PopupState } from '../../src/popup/state';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings';
import { setLanguage } from './support/fake-browser';

// Tuesday, 8 December 2026, 10:00 local time.
const NOW = new Date(2026, 11, 8, 10).getTime();

let root: HTMLElement | null = null;
afterEach(async () => {
  if (root) await act(async () => render(null, root as HTMLElement));
  root?.remove();
  root = null;
});

async function drawn(settings: Partial<Settings>) {
  const view = signal<{ name: string }>({ name: 'home' });
  const state = {
    settings: signal({ ...DEFAULT_SETTINGS, ...settings }),
    now: signal(NOW),
    view,
  } as unknown as PopupState;
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<EmptyBook state={state} />, root as HTMLElement));
  const slot = root.querySelector('[data-testid="first-reminder"]');
  return { root, view, slot, link: slot?.querySelector('a') };
}

describe('an empty book', () => {
  it('says in German when the weekly reminder first names people, and links to where its time is set', async () => {
    setLanguage('de');
    const { slot, link } = await drawn({});
    // The next Monday at 9:00, with its date: "Montag" alone could be a week on.
    expect(slot?.textContent).toMatch(
      /^Einmal pro Woche nennt dir Reconnect, bei wem du dich melden solltest, zum ersten Mal am Montag, 14\. Dezember um 0?9:00\. Zeit ändern$/,
    );
    expect(link?.getAttribute('href')).toBe('options.html#settings');
    expect(link?.getAttribute('target')).toBe('_blank');
  });

  it('follows the slot as set: later today when it has not passed, in English', async () => {
    setLanguage('en');
    const { slot } = await drawn({ weekday: 2, minutes: 16 * 60 + 30 });
    expect(slot?.textContent).toMatch(/the first time on Tuesday, December 8 at 4:30\s?PM\. Change the time$/);
  });

  it('says when the reminder is off, with the way to turn it on', async () => {
    setLanguage('de');
    const { slot, link } = await drawn({ remindersOn: false });
    expect(slot?.textContent).toBe('Die wöchentliche Erinnerung ist ausgeschaltet. Einschalten');
    expect(link?.getAttribute('href')).toBe('options.html#settings');
  });

  it('offers quick add, which opens the add form, and the import', async () => {
    setLanguage('en');
    const { root, view } = await drawn({});
    expect(root.querySelector('h3')?.textContent).toBe('Who do you know?');
    expect(root.querySelector('a[href="options.html#data-list"]')?.textContent).toBe('Write them down or import');
    await act(async () => root.querySelector<HTMLButtonElement>('button.primary')?.click());
    expect(view.value).toEqual({ name: 'add' });
  });
});
