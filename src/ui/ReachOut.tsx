/**
 * Getting in touch with one person, wherever it is offered (the popup's contact page, the options' "This week"):
 * why now (their reasons, most relevant first), one-click ways to reach them (email, call, their profile) that
 * also set how the contact is logged, a short message draft to copy, and the form that logs the contact.
 */
import { useState } from 'preact/hooks';
import { isForgotten } from '../contacts/cadence';
import { type Reason, reasonsFor } from '../contacts/reasons';
import type { Contact, InteractionKind } from '../contacts/types';
import { t } from '../platform/i18n';
import { draftMessage } from '../platform/message-text';
import { reasonText } from '../platform/reason-text';
import { ContactedForm, type LogContact } from './ContactedForm';
import { mailtoHref, safeHref, telHref } from './links';

/**
 * Their reasons, most relevant first, and, under the first, that they were forgotten (no contact for over a year),
 * as the popup's row and the reminder's line say it.
 */
function Reasons({ reasons, forgotten, now }: { reasons: Reason[]; forgotten: boolean; now: number }) {
  const line = (r: Reason) => (
    <li key={r.kind} class={`reason reason--${r.kind}`}>
      {reasonText(r, now)}
    </li>
  );
  const [first, ...rest] = reasons;
  return (
    <ul class="reasons" aria-label={t('reasonsHeading')}>
      {first && line(first)}
      {forgotten && (
        <li key="forgotten" class="reason reason--forgotten">
          {t('reasonForgotten')}
        </li>
      )}
      {rest.map(line)}
    </ul>
  );
}

function Draft({ text }: { text: string }) {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <details class="draft">
      <summary>{t('draftHeading')}</summary>
      <textarea
        aria-label={t('draftHeading')}
        readOnly
        rows={5}
        value={text}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" onClick={() => void copy()}>
        {t('draftCopy')}
      </button>
      {copied && (
        <span class={copied === 'ok' ? 'hint ok' : 'hint warn'} role="status">
          {t(copied === 'ok' ? 'draftCopied' : 'draftCopyFailed')}
        </span>
      )}
    </details>
  );
}

export function ReachOut({ c, now, onLog }: { c: Contact; now: number; onLog: LogContact }) {
  const [kind, setKind] = useState<InteractionKind>('message');
  const reasons = reasonsFor(c, now);
  const reason = reasons[0];
  const draft = reason ? draftMessage(c, reason) : '';
  const email = c.emails.map((e) => mailtoHref(e, draft)).find(Boolean);
  const phone = c.phones.map(telHref).find(Boolean);
  const profile = c.profiles.map((p) => safeHref(p.url)).find(Boolean);
  return (
    <div class="reach-out">
      <Reasons reasons={reasons} forgotten={isForgotten(c, now)} now={now} />
      {(email || phone || profile) && (
        <p class="reach-out__links">
          {email && (
            <a class="button" href={safeHref(email)} onClick={() => setKind('email')}>
              {t('actionEmail')}
            </a>
          )}
          {phone && (
            <a class="button" href={safeHref(phone)} onClick={() => setKind('call')}>
              {t('actionCall')}
            </a>
          )}
          {profile && (
            <a
              class="button"
              href={safeHref(profile)}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => setKind('message')}
            >
              {t('openProfile')}
            </a>
          )}
        </p>
      )}
      {draft && <Draft text={draft} />}
      <div class="actions__row">
        <ContactedForm onLog={onLog} kind={kind} onKind={setKind} keep={`log ${c.id}`} />
      </div>
    </div>
  );
}
