/**
 * "Who can introduce you?": on a captured profile not yet in the book, and on the page of someone never
 * contacted. Each person with why (they know them, work or worked there, share a circle), and the action that
 * asks them — logged on both people.
 */
import { useState } from 'preact/hooks';
import type { ContactDraft } from '../contacts/fields';
import { type IntroTarget, whoCanIntroduce } from '../contacts/introduce';
import type { Contact } from '../contacts/types';
import { t } from '../platform/i18n';
import { introReasonText } from '../platform/message-text';
import { attempt } from '../ui/messages';
import { type Status, StatusLine } from '../ui/StatusLine';
import type { PopupState } from './state';

export function Introducers({
  state,
  target,
  person,
}: {
  state: PopupState;
  target: IntroTarget;
  /** The person to be introduced to: in the book, or the captured draft (saved when asked). */
  person: Contact | ContactDraft;
}) {
  const [status, setStatus] = useState<Status>(null);
  const found = whoCanIntroduce(target, state.contacts.value);
  if (!found.length) return null;
  const ask = (introducer: Contact) =>
    attempt(
      () => state.askIntroduction(introducer, person),
      (error) => setStatus(error ? { ok: false, text: error } : { ok: true, text: t('introAsked', introducer.name) }),
    );
  return (
    <section class="card introducers" aria-labelledby="introducers-heading">
      <h3 id="introducers-heading">{t('introHeading')}</h3>
      <ul>
        {found.map(({ contact, reasons }) => (
          <li key={contact.id} class="introducer">
            <span class="introducer__text">
              <button
                type="button"
                class="link"
                onClick={() => (state.view.value = { name: 'detail', id: contact.id })}
              >
                {contact.name}
              </button>
              <span class="hint"> {reasons.map(introReasonText).join(' · ')}</span>
            </span>
            <button type="button" aria-label={t('introAskLabel', contact.name)} onClick={() => void ask(contact)}>
              {t('introAsk')}
            </button>
          </li>
        ))}
      </ul>
      <StatusLine status={status} />
    </section>
  );
}
