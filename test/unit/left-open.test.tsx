// @vitest-environment jsdom
/**
 * The options page left open: "Synced … ago" keeps up with the time, not with the last render, and "This week"
 * is read again as the minutes pass (people fall due at any time of day).
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectView } from '../../src/options/ReconnectView';
import { SyncSection } from '../../src/options/SyncSection';
import type { OptionsState } from '../../src/options/state';
import type { SyncState } from '../../src/options/sync-state';
import { formatSince, t } from '../../src/platform/i18n';
import { setLanguage } from './support/fake-browser';

const SYNCED = new Date(2026, 11, 4, 10).getTime();
const MINUTE = 60_000;

/** What the section reads of the sync state: an account set up and on, last synced at SYNCED. */
const fakeSync = () =>
  ({
    setup: signal({ step: 'form' }),
    active: signal(true),
    account: signal({ enabled: true, book: { name: 'Kontakte' }, server: 'https://dav.example/', username: 'ada' }),
    status: signal({ lastSyncAt: SYNCED }),
    busy: signal(false),
    attention: signal(null),
    problem: signal(null),
  }) as unknown as SyncState;

beforeEach(() => {
  setLanguage('en');
  vi.useFakeTimers({ now: SYNCED + 30_000 });
});
afterEach(() => vi.useRealTimers());

const status = (root: HTMLElement) => root.querySelector('[data-testid="sync-status"]')?.textContent;

describe('the sync section left open', () => {
  it('says how long ago the last sync was as the minutes pass, with no sync and no other render', async () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => render(<SyncSection sync={fakeSync()} />, root));
    expect(status(root)).toBe(t('syncAgo', formatSince(SYNCED, SYNCED)));
    await act(async () => {
      vi.advanceTimersByTime(5 * MINUTE);
    });
    expect(status(root)).toBe(t('syncAgo', formatSince(SYNCED, SYNCED + 5 * MINUTE + 30_000)));
    expect(status(root)).toMatch(/5 minutes ago/);
    // Back from another tab (whose timers the browser slows down), it is brought up to date at once.
    vi.setSystemTime(SYNCED + 3 * 60 * MINUTE);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(status(root)).toMatch(/3 hours ago/);
  });
});

describe('"This week" left open', () => {
  it('is read when shown, again each minute, and when the tab is shown again', async () => {
    const reads: number[] = [];
    const state = {
      thisWeek: signal({ from: 'due', people: [], nextAt: null }),
      lastStep: signal(null),
      settings: signal({ loadPhotos: false }),
      reloadThisWeek: async () => {
        reads.push(Date.now());
      },
    } as unknown as OptionsState;
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await act(async () => render(<ReconnectView state={state} />, root));
    expect(reads).toEqual([SYNCED + 30_000]);
    for (let i = 0; i < 2; i++)
      await act(async () => {
        vi.advanceTimersByTime(MINUTE);
      });
    expect(reads).toEqual([SYNCED + 30_000, SYNCED + 90_000, SYNCED + 150_000]);
    vi.setSystemTime(SYNCED + 60 * MINUTE);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(reads.at(-1)).toBe(SYNCED + 60 * MINUTE);
  });
});
