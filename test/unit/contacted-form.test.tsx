// @vitest-environment jsdom
/** The log form (ui/ContactedForm.tsx): what a refused log does with the keyboard's focus. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { dayValue } from '../../src/contacts/follow-up';
import { t } from '../../src/platform/i18n';
import { ContactedForm } from '../../src/ui/ContactedForm';
import { setLanguage } from './support/fake-browser';

const DAY = 86_400_000;

describe('the log form', () => {
  it('a refused log puts the keyboard on the day it refused, marked; nothing is logged', async () => {
    setLanguage('en');
    const root = document.createElement('div');
    document.body.append(root);
    const logged: string[] = [];
    await act(async () => render(<ContactedForm onLog={async (_, note) => void logged.push(note)} />, root));
    const set = async (input: HTMLInputElement, value: string) =>
      act(async () => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const logIt = () => act(async () => (root.querySelector('button.primary') as HTMLButtonElement).click());
    const day = root.querySelector(`input[aria-label="${t('contactDay')}"]`) as HTMLInputElement;
    const followUp = root.querySelector('.follow-up input[type="date"]') as HTMLInputElement;

    await set(day, dayValue(Date.now() + 2 * DAY));
    await logIt();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('errorContactFuture'));
    expect(day.getAttribute('aria-invalid')).toBe('true');
    // The refused day is described by the message, so a screen reader says why where the focus lands.
    const described = (input: HTMLInputElement) =>
      document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(described(day)).toBe(t('errorContactFuture'));
    expect(document.activeElement).toBe(day);

    await set(day, dayValue(Date.now()));
    await set(followUp, dayValue(Date.now() - 2 * DAY));
    // The focus elsewhere meanwhile (the button that logs): the refusal brings it to the follow-up's day.
    (root.querySelector('button.primary') as HTMLButtonElement).focus();
    await logIt();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('errorFollowUpPast'));
    expect(followUp.getAttribute('aria-invalid')).toBe('true');
    expect(described(followUp)).toBe(t('errorFollowUpPast'));
    expect(day.hasAttribute('aria-describedby')).toBe(false);
    expect(document.activeElement).toBe(followUp);
    expect(logged).toEqual([]);
    await act(async () => render(null, root));
    root.remove();
  });
});
