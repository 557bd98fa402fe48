/**
 * A page's own writes of contacts, told to the service worker by a message. The change broadcast reaches the worker
 * only while it runs, and the browser stops it after 30 s without an event; a message starts it again. Without
 * this, a contact logged in a popup opened after a quiet minute left the badge's count and the address book as
 * they were until the worker's next alarm.
 */
import { send } from '../platform/messages';
import { onChange } from '../storage/changes';

export function tellWorkerOfWrites(): () => void {
  return onChange(
    (change) => {
      // The page may be closing (a popup): the message is sent all the same; its answer is not needed.
      if (change.kind === 'contacts') void send('contacts-changed', {}).catch(() => undefined);
    },
    { from: 'self' },
  );
}
