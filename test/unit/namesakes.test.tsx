// @vitest-environment jsdom
/**
 * The manual form's namesakes (popup/Namesakes.tsx) come from the later chunk: it is loaded once the user is at work
 * in the popup, never while its first screen is drawn (mounted with the form, they loaded it at 130–194 ms instead
 * of after everyone was read, and slowed the list's first rows). And the capture card's: someone new on the page who
 * may be someone saved under that name, on another network.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { blankContact } from '../../src/contacts/merge';
import { CaptureNamesakes, MergeOther } from '../../src/popup/Namesakes';
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
      sharing: signal(undefined),
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

describe("the capture card's namesakes (someone new on the page, saved under that name already)", () => {
  const anna = { ...blankContact('anna', 'manual', 1, 30), name: 'Anna Alt', role: 'CTO', company: 'Acme GmbH' };
  const profiles = [{ url: 'https://github.com/annaalt', site: 'github' as const }];
  const draft = { name: 'Anna Alt', company: 'ACME Group', profiles };

  async function offer(over: Partial<PopupState>) {
    setLanguage('en');
    const onAdded = vi.fn();
    const state = { namesakes: async () => [anna], ...over } as unknown as PopupState;
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () =>
      render(<CaptureNamesakes state={state} name="Anna Alt" draft={draft} onAdded={onAdded} />, root),
    );
    await act(async () => new Promise((ok) => setTimeout(ok)));
    return { root, onAdded };
  }

  it("offers to add the page's profile to each of them by name and job; a click adds it, and only it", async () => {
    const mergeKnown = vi.fn(async () => ({ status: 'updated', contact: anna }));
    const { root, onAdded } = await offer({ mergeKnown } as Partial<PopupState>);
    const button = root.querySelector('button');
    expect(button?.textContent).toBe('Add this profile to Anna Alt (CTO at Acme GmbH)');
    await act(async () => button?.click());
    expect(mergeKnown).toHaveBeenCalledWith('anna', { name: 'Anna Alt', profiles });
    expect(onAdded).toHaveBeenCalledOnce();
  });

  it('a merge that fails says why and stays offered', async () => {
    const mergeKnown = vi.fn(async () => {
      throw new Error('disk full');
    });
    const { root, onAdded } = await offer({ mergeKnown } as Partial<PopupState>);
    await act(async () => root.querySelector('button')?.click());
    // The refusal is said once the failed step has settled.
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBeTruthy());
    expect(onAdded).not.toHaveBeenCalled();
    expect(root.querySelector('button')).not.toBeNull();
  });

  it('nobody under that name: nothing is offered', async () => {
    const { root } = await offer({ namesakes: async () => [] } as Partial<PopupState>);
    expect(root.innerHTML).toBe('');
  });
});

describe("a contact's page: merging the same person saved under another name", () => {
  const person = (id: string, name: string, company = '') => ({
    ...blankContact(id, 'manual', 1, 30),
    name,
    company,
  });
  const here = person('here', 'Anna Alt', 'Acme GmbH');
  const book = [
    here,
    person('a1', 'Anna Berg', 'Acme GmbH'),
    person('a2', 'Anna Berg', 'Beta AG'),
    person('k', 'Kai Roe'),
  ];

  async function page() {
    setLanguage('en');
    const done = { touched: ['here', 'a1'], before: [], after: [] };
    const merge = vi.fn(async () => done);
    const unmerge = vi.fn(async () => ['here', 'a1']);
    const refresh = vi.fn(async () => {});
    const offerUndo = vi.fn();
    const state = {
      contacts: signal(book),
      actions: async () => ({ merge, unmerge }),
      refresh,
      offerUndo,
    } as unknown as PopupState;
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<MergeOther state={state} c={here} />, root));
    const input = root.querySelector('input') as HTMLInputElement;
    const submit = async (typed: string) => {
      await act(async () => {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => {
        root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
        await new Promise((ok) => setTimeout(ok));
      });
    };
    const said = () => root.querySelector('[role="alert"]')?.textContent;
    return { root, input, submit, said, merge, unmerge, refresh, offerUndo, done };
  }

  it("a name that is no one else's, several people's or only part of one is refused with what to do; nothing merged", async () => {
    const { input, submit, said, merge } = await page();
    await submit('');
    expect(said()).toBe('Type the name of the contact to merge into this one.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(said());
    expect(document.activeElement).toBe(input);
    await submit('Zora Zett');
    expect(said()).toBe('No one else in your contacts is called “Zora Zett”.');
    // This page's own person is not offered, nor merged into herself.
    await submit('Anna Alt');
    expect(said()).toBe('No one else in your contacts is called “Anna Alt”.');
    await submit('Anna Berg');
    expect(said()).toBe("“Anna Berg” is not one contact's name: choose one from the suggestions.");
    await submit('Ann');
    expect(said()).toBe("“Ann” is not one contact's name: choose one from the suggestions.");
    expect(merge).not.toHaveBeenCalled();
  });

  it('offers the names containing what is typed, namesakes told apart by company; the one chosen is merged, with Undo', async () => {
    const { root, input, submit, said, merge, unmerge, refresh, offerUndo, done } = await page();
    await act(async () => {
      input.value = 'berg';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const offered = [...root.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value);
    expect(offered).toEqual(['Anna Berg (Acme GmbH)', 'Anna Berg (Beta AG)']);
    expect(input.getAttribute('list')).toBe(root.querySelector('datalist')?.id);
    expect(said()).toBeUndefined();
    await submit('Anna Berg (Beta AG)');
    expect(merge).toHaveBeenCalledWith('here', 'a2');
    expect(refresh).toHaveBeenCalledWith(done.touched);
    expect(offerUndo).toHaveBeenCalledWith('Merged Anna Berg into this contact.', expect.any(Function));
    expect(input.value).toBe('');
    expect(said()).toBeUndefined();
    // Undo takes the merge back and shows what it wrote.
    await act(async () => (offerUndo.mock.calls[0] as unknown as [string, () => Promise<void>])[1]());
    expect(unmerge).toHaveBeenCalledWith(done);
    expect(refresh).toHaveBeenLastCalledWith(['here', 'a1']);
  });

  it('a merge that fails says why; the name stays as typed', async () => {
    const { input, submit, said, merge } = await page();
    merge.mockRejectedValueOnce(new Error('disk full'));
    await submit('Kai Roe');
    expect(merge).toHaveBeenCalledWith('here', 'k');
    expect(said()).toContain('disk full');
    expect(input.value).toBe('Kai Roe');
  });
});
