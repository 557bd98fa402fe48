import { useEffect, useState } from 'preact/hooks';
import { DAY } from '../contacts/cadence';
import type { Contact } from '../contacts/types';
import { t } from '../platform/i18n';
import { getContact, markContacted, snooze } from '../storage/contacts';
import type { DB } from '../storage/db';
import { getReminderState, markDigestDone } from '../storage/reminder-state';
import { Avatar } from '../ui/Avatar';
import { ContactedForm } from '../ui/contact-controls';
import { safeHref } from '../ui/links';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';

function Person({ db, contact, done, onDone }: { db: DB; contact: Contact; done: boolean; onDone: () => void }) {
  const [error, setError] = useState('');
  const profile = contact.profiles.map((p) => safeHref(p.url)).find(Boolean);
  const act = (work: () => Promise<unknown>) => async () => {
    try {
      await work();
      await markDigestDone(db, contact.id, Date.now());
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const job =
    contact.role && contact.company
      ? t('roleAtCompany', contact.role, contact.company)
      : (contact.role ?? contact.company ?? '');
  return (
    <li class={`card person${done ? ' person--done' : ''}`} aria-label={contact.name}>
      <div class="person__head">
        <Avatar name={contact.name} photoUrl={contact.photoUrl} size={40} />
        <div>
          <h3>{contact.name}</h3>
          {job && <p class="hint">{job}</p>}
        </div>
        {profile && (
          <a href={profile} target="_blank" rel="noopener noreferrer" class="person__profile">
            {t('openProfile')}
          </a>
        )}
      </div>
      {done ? (
        <p class="hint ok">{t('reconnectDone')}</p>
      ) : (
        <div class="person__actions">
          <ContactedForm onLog={(kind, note) => act(() => markContacted(db, contact.id, kind, note, Date.now()))()} />
          <button type="button" onClick={act(() => snooze(db, contact.id, Date.now() + 7 * DAY, Date.now()))}>
            {t('snoozeWeek')}
          </button>
          <button type="button" class="ghost" onClick={act(async () => {})}>
            {t('notThisTime')}
          </button>
        </div>
      )}
      <ErrorLine text={error} />
    </li>
  );
}

/** The people of this week's reminder, each to contact, snooze or skip; the notification opens this view. */
export function ReconnectView({ db }: { db: DB }) {
  const [people, setPeople] = useState<Contact[] | null>(null);
  const [done, setDone] = useState<string[]>([]);

  async function load() {
    const state = await getReminderState(db, Date.now());
    const ids = state.digest?.ids ?? [];
    const found = await Promise.all(ids.map((id) => getContact(db, id)));
    setPeople(found.filter((c): c is Contact => !!c));
    setDone(state.digest?.done ?? []);
  }
  useEffect(() => {
    void load();
  }, []);

  if (!people) return <p class="hint">{t('loading')}</p>;
  return (
    <section aria-labelledby="reconnect-heading">
      <h2 id="reconnect-heading">{t('reconnectHeading')}</h2>
      {people.length === 0 ? (
        <p class="hint">{t('reconnectNobody')}</p>
      ) : (
        <>
          <p class="progress" role="status">
            {t('reconnectProgress', people.filter((p) => done.includes(p.id)).length, people.length)}
          </p>
          <ul class="people">
            {people.map((c) => (
              <Person key={c.id} db={db} contact={c} done={done.includes(c.id)} onDone={() => void load()} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
