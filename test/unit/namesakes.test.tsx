// @vitest-environment jsdom
/**
 * The manual form's namesakes (popup/Namesakes.tsx) come from the later chunk: it is loaded once the user is at work
 * in the popup, never while its first screen is drawn (mounted with the form, they loaded it at 130–194 ms instead
 * of after everyone was read, and slowed the list's first rows).
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ManualEntry } from '../../src/popup/PageSlot';
import type { PopupState } from '../../src/popup/state';
import { DEFAULT_SETTINGS } from '../../src/storage/settings';
import { setLanguage } from './support/fake-browser';

const later = vi.hoisted(() => vi.fn(() => new Promise<never>(() => {})));
vi.mock('../../src/popup/load-later', () => ({ later }));

describe('the manual form on a page without a person', () => {
  it('loads no later code while drawn with the name from the page, until the user is at work in the popup', async () => {
    setLanguage('en');
    const interacted = signal(false);
    const state = {
      tab: signal({ kind: 'page' }),
      page: signal({ url: 'https://jonas.example.org/', suggestedName: 'Jonas Dörr' }),
      tabUrl: signal('https://jonas.example.org/'),
      arrival: signal('shown'),
      settings: signal(DEFAULT_SETTINGS),
      interacted,
      view: signal({ name: 'home' }),
    } as unknown as PopupState;
    const root = document.createElement('div');
    await act(async () => render(<ManualEntry state={state} standalone={false} />, root));
    expect((root.querySelector('input[name="name"]') as HTMLInputElement).value).toBe('Jonas Dörr');
    await act(async () => new Promise((ok) => setTimeout(ok, 50)));
    expect(later).not.toHaveBeenCalled();
    await act(async () => {
      interacted.value = true;
    });
    expect(later).toHaveBeenCalled();
  });
});
