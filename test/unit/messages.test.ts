import { afterEach, describe, expect, it } from 'vitest';
import { browser } from '../../src/platform/browser';
import { send } from '../../src/platform/messages';

const runtime = browser.runtime as unknown as { sendMessage?: (m: unknown) => Promise<unknown> };
const sent: unknown[] = [];
function answer(reply: unknown) {
  runtime.sendMessage = async (m) => {
    sent.push(m);
    return reply;
  };
}

afterEach(() => {
  delete runtime.sendMessage;
  sent.length = 0;
});

describe('send (the pages go without the polyfill)', () => {
  it("sends the type with the request and gives the worker's answer", async () => {
    answer({ nextAt: 42 });
    await expect(send('settings-changed', {})).resolves.toEqual({ nextAt: 42 });
    expect(sent).toEqual([{ type: 'settings-changed' }]);
  });

  it("turns the worker polyfill's reply for a rejected listener (Chrome) back into a rejection with its message", async () => {
    answer({ __mozWebExtensionPolyfillReject__: true, message: 'The database is locked' });
    await expect(send('settings-changed', {})).rejects.toThrow('The database is locked');
    answer({ __mozWebExtensionPolyfillReject__: true });
    await expect(send('settings-changed', {})).rejects.toThrow('The worker failed');
  });

  it('passes a rejection of the browser itself on (Firefox rejects natively; no worker answering)', async () => {
    runtime.sendMessage = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    await expect(send('settings-changed', {})).rejects.toThrow('Receiving end does not exist');
  });
});
