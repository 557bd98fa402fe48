// @vitest-environment jsdom
/**
 * Where the keyboard goes when the control it was on is taken away (ui/focus-lost.ts): only a focus the user sees
 * is followed (a mouse click's is not), and a focus that is somewhere else by then is left there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { keyboardIn, refocusIfLost } from '../../src/ui/focus-lost';

let box: HTMLElement;
let heading: HTMLElement;
beforeEach(() => {
  document.body.innerHTML =
    '<h2 tabindex="-1">This week</h2><section><input id="note"><button id="go">Got in touch</button></section><input id="elsewhere">';
  box = document.querySelector('section') as HTMLElement;
  heading = document.querySelector('h2') as HTMLElement;
});
const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('keyboardIn', () => {
  it('is the focus the user sees, inside the element asked about', () => {
    byId('note').focus();
    byId('note').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(keyboardIn(box)).toBe(true);
    expect(keyboardIn(byId('elsewhere'))).toBe(false);
    expect(keyboardIn(null)).toBe(false);
  });

  it("is not a mouse click's focus", () => {
    byId('go').focus();
    byId('go').click();
    expect(document.activeElement).toBe(byId('go'));
    expect(keyboardIn(box)).toBe(false);
  });
});

describe('refocusIfLost', () => {
  it('gives the focus to the target once the control that had it is gone', async () => {
    byId('go').focus();
    byId('go').remove();
    await refocusIfLost(() => heading);
    expect(document.activeElement).toBe(heading);
  });

  it('with `within`, also takes the keyboard that is still in that element (a control that outlived the step)', async () => {
    byId('note').focus();
    byId('note').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await refocusIfLost(
      () => heading,
      () => box,
    );
    expect(document.activeElement).toBe(heading);
    byId('elsewhere').focus();
    byId('elsewhere').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await refocusIfLost(
      () => byId('note'),
      () => box,
    );
    expect(document.activeElement).toBe(byId('elsewhere'));
  });

  it('leaves a focus that is somewhere else by then', async () => {
    byId('go').focus();
    const waiting = refocusIfLost(() => heading);
    byId('go').remove();
    byId('elsewhere').focus();
    await waiting;
    expect(document.activeElement).toBe(byId('elsewhere'));
  });
});
