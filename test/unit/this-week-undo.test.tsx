// @vitest-environment jsdom
/**
 * "This week"'s last step and its Undo (options/ReconnectView.tsx LastStep): an undo that fails is said, and the
 * step stays to try again; one that works takes the step away and gives the focus to the view's heading. A step
 * taken by keyboard gives it there too (the person's controls are gone with it: the e2e in reminder.test.mjs, as
 * jsdom takes every click for the mouse's); one taken with the mouse moves nothing.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { blankContact } from '../../src/contacts/merge';
import { ReconnectView } from '../../src/options/ReconnectView';
import type { OptionsState } from '../../src/options/state';
import { t } from '../../src/platform/i18n';
import { setLanguage } from './support/fake-browser';

/** This week drawn in a page of its own, with the parts of the options page's state it reads (`state` over defaults). */
async function drawn(state: Partial<Record<keyof OptionsState, unknown>>) {
  const full = {
    lastStep: signal(null),
    settings: signal({ loadPhotos: false }),
    reloadThisWeek: async () => {},
    ...state,
  } as unknown as OptionsState;
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await act(async () => render(<ReconnectView state={full} />, root));
  return root;
}

describe('"This week": Undo of the last step', () => {
  it('a failed undo is said and the step stays; a working one goes, and the focus is on the heading', async () => {
    setLanguage('de');
    let fail = true;
    const lastStep = signal<{ text: string; undo: () => Promise<void> } | null>(null);
    lastStep.value = {
      text: t('loggedToast', 'Eva Ende'),
      undo: async () => {
        if (fail) throw new Error('disk full');
        lastStep.value = null;
      },
    };
    const root = await drawn({ thisWeek: signal({ from: 'due', people: [], nextAt: null }), lastStep });
    const status = () => root.querySelector('.last-step')?.textContent;
    expect(status()).toBe('Kontakt mit Eva Ende eingetragen. Rückgängig');
    const undo = () => root.querySelector('.last-step button') as HTMLButtonElement;
    await act(async () => undo().click());
    expect(status()).toBe('Kontakt mit Eva Ende eingetragen. Rückgängig');
    expect(root.textContent).toContain(t('errorFailed', 'disk full'));
    fail = false;
    await act(async () => undo().click());
    expect(root.querySelector('.last-step')).toBeNull();
    expect(root.textContent).not.toContain('disk full');
    expect(document.activeElement?.id).toBe('reconnect-heading');
    await act(async () => render(null, root));
  });
});

describe('"This week": a step taken with the mouse', () => {
  const eva = { ...blankContact('eva', 'manual', 1, 30), name: 'Eva Ende' };

  for (const from of ['due', 'reminder'] as const) {
    it(`snoozed by a click: the person's controls go, and the view does not jump to its heading (${from})`, async () => {
      setLanguage('en');
      const thisWeek = signal({ from, people: [eva], done: [] as string[], nextAt: null });
      const state = {
        thisWeek,
        lastStep: signal(null),
        settings: signal({ loadPhotos: false }),
        reloadThisWeek: async () => {},
        // Who is due now leaves the list; the reminder's people stay, marked done.
        snoozeWeek: async () => {
          thisWeek.value = from === 'due' ? { ...thisWeek.value, people: [] } : { ...thisWeek.value, done: [eva.id] };
        },
      } as unknown as OptionsState;
      const root = document.createElement('main');
      document.body.replaceChildren(root);
      await act(async () => render(<ReconnectView state={state} />, root));
      const snooze = [...root.querySelectorAll('button')].find((b) => b.textContent === t('snoozeWeek'));
      snooze?.focus();
      expect(document.activeElement).toBe(snooze);
      await act(async () => snooze?.click());
      await act(() => new Promise((r) => setTimeout(r, 10)));
      expect(snooze?.isConnected).toBe(false);
      expect(document.activeElement).toBe(document.body);
      await act(async () => render(null, root));
    });
  }
});

describe('"This week" before the reminder', () => {
  it('says when the reminder comes with its date, in German with its "am"', async () => {
    setLanguage('de');
    const nextAt = new Date(2026, 11, 14, 9, 0).getTime();
    const eva = { ...blankContact('eva', 'manual', 1, 30), name: 'Eva Ende' };
    const root = await drawn({ thisWeek: signal({ from: 'due', people: [eva], nextAt }) });
    expect(root.querySelector('[data-testid="due-now"]')?.textContent).toBe(
      'Deine wöchentliche Erinnerung kommt am Montag, 14. Dezember um 9:00. Bis dahin dran:',
    );
    await act(async () => render(null, root));
  });
});
