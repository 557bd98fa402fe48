// @vitest-environment jsdom
/**
 * What is typed into a popup form and not saved is kept (ui/typed.ts) and given back when the same form is shown
 * again: a popup closes at the first click outside it.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { ContactDraft } from '../../src/contacts/fields';
import type { InteractionKind } from '../../src/contacts/types';
import { ContactForm } from '../../src/popup/ContactForm';
import { ContactedForm } from '../../src/ui/ContactedForm';
import { forgetAllTyped, forgetTyped, keepTyped, TYPED_KEEP_MS, typedFor } from '../../src/ui/typed';
import { setLanguage } from './support/fake-browser';

const T = new Date(2026, 11, 4, 9).getTime();

describe('typed.ts: the latest few forms, each for a day', () => {
  it('gives back what this form kept, not another form, and not after a day; the oldest beyond five goes', () => {
    keepTyped('page https://a.example/', { metVia: 'Barcamp' }, T);
    expect(typedFor('page https://a.example/', T + 1000)).toEqual({ metVia: 'Barcamp' });
    expect(typedFor('page https://b.example/', T + 1000)).toBeUndefined();
    expect(typedFor('page https://a.example/', T + TYPED_KEEP_MS)).toBeUndefined();
    // A contact's page has three forms: all are kept.
    keepTyped('edit 1', { notes: 'Mag Rennräder' }, T + 1);
    keepTyped('log 1', { note: 'Tour geplant' }, T + 2);
    keepTyped('plan 1', { date: '2026-12-10' }, T + 3);
    expect(typedFor('edit 1', T + 4)).toEqual({ notes: 'Mag Rennräder' });
    expect(typedFor('log 1', T + 4)).toEqual({ note: 'Tour geplant' });
    expect(typedFor('plan 1', T + 4)).toEqual({ date: '2026-12-10' });
    expect(typedFor('page https://a.example/', T + 4)).toEqual({ metVia: 'Barcamp' });
    keepTyped('add', { name: 'Oma' }, T + 5);
    keepTyped('edit 2', { role: 'CTO' }, T + 6);
    expect(typedFor('page https://a.example/', T + 7)).toBeUndefined();
    expect(typedFor('edit 1', T + 7)).toEqual({ notes: 'Mag Rennräder' });
    expect(typedFor('add', T + 7)).toEqual({ name: 'Oma' });
  });

  it("forgets a form's typing when nothing is changed, or on request; another form's stays", () => {
    keepTyped('add', { name: 'Oma' }, T);
    keepTyped('edit 1', {}, T);
    forgetTyped('edit 1');
    expect(typedFor('add', T)).toEqual({ name: 'Oma' });
    keepTyped('add', {}, T);
    expect(typedFor('add', T)).toBeUndefined();
    keepTyped('add', { name: 'Oma' }, T);
    forgetAllTyped();
    expect(typedFor('add', T)).toBeUndefined();
  });

  it('storage that is garbled, full or refused: nothing is given back, and nothing throws', () => {
    localStorage.setItem('reconnect.typed', '{not json');
    expect(typedFor('add', T)).toBeUndefined();
    const full = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => keepTyped('add', { name: 'Oma' }, T)).not.toThrow();
    full.mockRestore();
    const refused = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(typedFor('add', T)).toBeUndefined();
    expect(() => forgetTyped('add')).not.toThrow();
    refused.mockRestore();
  });
});

describe('a popup form given back what was typed into it', () => {
  function mount(
    root: HTMLElement,
    onSubmit: (d: ContactDraft) => Promise<void> = async () => {},
    onCancel?: () => void,
  ) {
    render(
      <ContactForm
        keep="add"
        initial={{ name: '' }}
        circles={[]}
        defaultCadence={91}
        submitLabel="Save"
        onSubmit={onSubmit}
        {...(onCancel ? { onCancel } : {})}
      />,
      root,
    );
  }
  const input = (root: HTMLElement, name: string) => root.querySelector(`[name="${name}"]`) as HTMLInputElement;
  async function type(root: HTMLElement, name: string, value: string) {
    await act(async () => {
      input(root, name).value = value;
      input(root, name).dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('closed before Save: the next form of that name shows it and says so; Discard drops it', async () => {
    setLanguage('de');
    const root = document.createElement('div');
    await act(async () => mount(root));
    expect(root.querySelector('.typed-back')).toBeNull();
    await type(root, 'name', 'Tante Erna');
    await type(root, 'metVia', 'Familienfest');
    // The popup closes: the form is gone without a save.
    await act(async () => render(null, root));
    await act(async () => mount(root));
    expect(input(root, 'name').value).toBe('Tante Erna');
    expect(input(root, 'metVia').value).toBe('Familienfest');
    expect(root.querySelector('.typed-back')?.textContent).toBe(
      'Wieder da: was du hier eingegeben und nicht gespeichert hast. Verwerfen',
    );
    await act(async () => (root.querySelector('.typed-back button') as HTMLButtonElement).click());
    expect(input(root, 'name').value).toBe('');
    expect(input(root, 'metVia').value).toBe('');
    expect(root.querySelector('.typed-back')).toBeNull();
    expect(typedFor('add')).toBeUndefined();
    await act(async () => render(null, root));
  });

  it('a cadence chosen is given back, none (no reminders) too', async () => {
    setLanguage('de');
    const root = document.createElement('div');
    const cadence = () => root.querySelector('select') as HTMLSelectElement;
    const choose = (value: string) =>
      act(async () => {
        cadence().value = value;
        cadence().dispatchEvent(new Event('change', { bubbles: true }));
      });
    for (const [value, shown] of [
      ['null', 'keine Erinnerung'],
      ['30', 'jeden Monat'],
    ]) {
      await act(async () => mount(root));
      expect(cadence().selectedOptions[0]?.textContent).toBe('jedes Quartal');
      await type(root, 'name', 'Tante Erna');
      await choose(value as string);
      await act(async () => render(null, root));
      await act(async () => mount(root));
      expect(input(root, 'name').value).toBe('Tante Erna');
      expect(cadence().selectedOptions[0]?.textContent).toBe(shown);
      await act(async () => (root.querySelector('.typed-back button') as HTMLButtonElement).click());
      expect(cadence().selectedOptions[0]?.textContent).toBe('jedes Quartal');
      await act(async () => render(null, root));
    }
  });

  it('the fold opens by itself when what is given back is in it, and stays closed otherwise', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    const fold = () => root.querySelector('details') as HTMLDetailsElement;
    await act(async () => mount(root));
    await type(root, 'name', 'Tante Erna');
    await act(async () => render(null, root));
    await act(async () => mount(root));
    expect(input(root, 'name').value).toBe('Tante Erna');
    expect(fold().open).toBe(false);
    await act(async () => {
      fold().querySelector('summary')?.click();
      await new Promise((r) => setTimeout(r)); // the toggle event comes in a task of its own
    });
    await type(root, 'phones', '+49 30 1234567');
    await act(async () => render(null, root));
    await act(async () => mount(root));
    // Folded, the number given back would be out of sight.
    expect(fold().open).toBe(true);
    expect(input(root, 'phones').value).toBe('+49 30 1234567');
    // Its birthday comes with the popup's later code: drawn once that is loaded.
    await vi.waitFor(() => expect(fold().querySelector('.birthday select')).not.toBeNull());
    await act(async () => render(null, root));
  });

  it('saved or cancelled, it is not given back', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    const saved: ContactDraft[] = [];
    await act(async () => mount(root, async (d) => void saved.push(d)));
    await type(root, 'name', 'Tante Erna');
    expect(typedFor('add')).toEqual({ name: 'Tante Erna' });
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(saved).toMatchObject([{ name: 'Tante Erna' }]);
    expect(typedFor('add')).toBeUndefined();
    await act(async () => render(null, root));

    const cancel = vi.fn();
    await act(async () => mount(root, async () => {}, cancel));
    expect(input(root, 'name').value).toBe('');
    await type(root, 'name', 'Onkel Kurt');
    await act(async () => (root.querySelector('button.ghost') as HTMLButtonElement).click());
    expect(cancel).toHaveBeenCalled();
    expect(typedFor('add')).toBeUndefined();
    await act(async () => render(null, root));
  });

  it('a form with nothing kept for it reads the storage once when drawn, and writes nothing', async () => {
    const reads = vi.spyOn(Storage.prototype, 'getItem');
    const writes = vi.spyOn(Storage.prototype, 'setItem');
    const root = document.createElement('div');
    await act(async () => mount(root));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(writes).not.toHaveBeenCalled();
    reads.mockRestore();
    writes.mockRestore();
    await act(async () => render(null, root));
  });

  it('saved, the form no longer says it was given back, not even once typed into again', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    await act(async () => mount(root));
    await type(root, 'name', 'Tante Erna');
    await act(async () => render(null, root));
    await act(async () => mount(root));
    expect(root.querySelector('.typed-back')).not.toBeNull();
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(root.querySelector('.typed-back')).toBeNull();
    await type(root, 'metVia', 'Familienfest');
    expect(root.querySelector('.typed-back')).toBeNull();
    await act(async () => render(null, root));
  });

  it('a save that fails keeps it', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    await act(async () =>
      mount(root, async () => {
        throw new Error('disk full');
      }),
    );
    await type(root, 'name', 'Tante Erna');
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(typedFor('add')).toEqual({ name: 'Tante Erna' });
    await act(async () => render(null, root));
  });
});

describe('the log form given back what was typed into it', () => {
  it('a note and a follow-up typed, the popup closed: shown again for that person, with Discard; logged, gone', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    const logged: string[] = [];
    const mount = (keep: string) =>
      render(<ContactedForm keep={keep} onLog={async (_, note) => void logged.push(note)} />, root);
    const field = (selector: string) => root.querySelector(selector) as HTMLInputElement;
    const note = () => field('input[placeholder="Note (optional)"]');
    await act(async () => mount('log anna'));
    await act(async () => {
      note().value = 'Angebot geschickt';
      note().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => render(null, root));
    // Another person's form: nothing of hers.
    await act(async () => mount('log ben'));
    expect(note().value).toBe('');
    expect(root.querySelector('.typed-back')).toBeNull();
    await act(async () => render(null, root));
    await act(async () => mount('log anna'));
    expect(note().value).toBe('Angebot geschickt');
    expect(root.querySelector('.typed-back')).not.toBeNull();
    await act(async () => (root.querySelector('.typed-back button') as HTMLButtonElement).click());
    expect(note().value).toBe('');
    expect(root.querySelector('.typed-back')).toBeNull();
    expect(typedFor('log anna')).toBeUndefined();
    await act(async () => {
      note().value = 'Kaffee';
      note().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(typedFor('log anna')).toEqual({ note: 'Kaffee' });
    await act(async () => (root.querySelector('button.primary') as HTMLButtonElement).click());
    expect(logged).toEqual(['Kaffee']);
    expect(typedFor('log anna')).toBeUndefined();
    // Given back, then logged: typing the next note is not "back again".
    await act(async () => {
      note().value = 'Nachfassen';
      note().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => render(null, root));
    await act(async () => mount('log anna'));
    expect(root.querySelector('.typed-back')).not.toBeNull();
    await act(async () => (root.querySelector('button.primary') as HTMLButtonElement).click());
    await act(async () => {
      note().value = 'Noch eine';
      note().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelector('.typed-back')).toBeNull();
    await act(async () => render(null, root));
  });

  it('the kind chosen comes back with the note, also where the form is told its kind (the reach-out links)', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    const kind = () => (root.querySelector('select') as HTMLSelectElement).value;
    const note = () => root.querySelector('input[placeholder="Note (optional)"]') as HTMLInputElement;
    await act(async () => render(<ContactedForm keep="log anna" onLog={async () => {}} />, root));
    await act(async () => {
      const select = root.querySelector('select') as HTMLSelectElement;
      select.value = 'call';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // A kind alone is not kept: nothing was typed.
    expect(typedFor('log anna')).toBeUndefined();
    await act(async () => {
      note().value = 'Angebot besprochen';
      note().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(typedFor('log anna')).toEqual({ note: 'Angebot besprochen', kind: 'call' });
    await act(async () => render(null, root));
    await act(async () => render(<ContactedForm keep="log anna" onLog={async () => {}} />, root));
    expect(kind()).toBe('call');
    expect(note().value).toBe('Angebot besprochen');
    await act(async () => render(null, root));
    function Told() {
      const [k, setK] = useState<InteractionKind>('message');
      return <ContactedForm keep="log anna" kind={k} onKind={setK} onLog={async () => {}} />;
    }
    await act(async () => render(<Told />, root));
    expect(kind()).toBe('call');
    // Discard: the kind goes back too.
    await act(async () => (root.querySelector('.typed-back button') as HTMLButtonElement).click());
    expect(kind()).toBe('message');
    expect(note().value).toBe('');
    await act(async () => render(null, root));
  });
});
