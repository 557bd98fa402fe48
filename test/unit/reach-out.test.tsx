// @vitest-environment jsdom
/** Getting in touch with one person (ui/ReachOut.tsx), as the popup's contact page and This week draw it. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createContact } from '../../src/contacts/merge';
import type { Contact } from '../../src/contacts/types';
import { ReachOut } from '../../src/ui/ReachOut';
import { setLanguage } from './support/fake-browser';

const DAY = 86_400_000;
const NOW = new Date(2026, 11, 7, 10).getTime();

function person(over: Partial<Contact>, created = NOW - 30 * DAY): Contact {
  return { ...createContact({ name: 'Clara Conrad' }, 'manual', created, () => 'c1', 91), ...over };
}

let root: HTMLElement | null = null;
async function unmount() {
  if (root) await act(async () => render(null, root as HTMLElement));
  root?.remove();
  root = null;
}
afterEach(unmount);

async function reasons(c: Contact): Promise<string[]> {
  await unmount();
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<ReachOut c={c} now={NOW} onLog={async () => {}} />, root as HTMLElement));
  return [...root.querySelectorAll('.reasons li')].map((li) => li.textContent ?? '');
}

describe('why now', () => {
  it('says under the first reason that someone was forgotten (no contact for over a year), in German', async () => {
    setLanguage('de');
    const lastYear = new Date(2025, 7, 14, 10).getTime();
    const c = person({ lastContactedAt: lastYear, nextDueAt: lastYear + 91 * DAY }, NOW - 600 * DAY);
    expect(await reasons(c)).toEqual(['Zuletzt: Kontakt am 14. August 2025', 'Seit über einem Jahr kein Kontakt']);
  });

  it('with a birthday first, then that, then the last contact; never added a year ago, in English', async () => {
    setLanguage('en');
    const lastYear = NOW - 400 * DAY;
    const c = person({ lastContactedAt: lastYear, birthday: { month: 12, day: 9 } }, NOW - 600 * DAY);
    const [birthday, forgotten, last] = await reasons(c);
    expect(birthday).toBe('Birthday on Wednesday');
    expect(forgotten).toBe('No contact for over a year');
    expect(last).toMatch(/^Last: contact on /);
    const never = await reasons(person({}, NOW - 500 * DAY));
    expect(never).toEqual([expect.stringMatching(/^Never contacted — added /), 'No contact for over a year']);
  });

  it('not for someone contacted within the year, nor someone added recently', async () => {
    setLanguage('en');
    expect(await reasons(person({ lastContactedAt: NOW - 300 * DAY }, NOW - 600 * DAY))).toEqual([
      expect.stringMatching(/^Last: contact on /),
    ]);
    expect(await reasons(person({}))).toEqual([expect.stringMatching(/^Never contacted — added /)]);
  });
});
