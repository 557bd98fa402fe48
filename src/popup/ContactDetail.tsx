import { useState } from 'preact/hooks';
import type { Contact } from '../contacts/types';
import { formatDate, formatRelative, t } from '../platform/i18n';
import { Avatar } from '../ui/Avatar';
import { CircleChips } from '../ui/CircleChips';
import { CadenceSelect, ContactedForm, KIND_LABEL } from '../ui/contact-controls';
import { safeHref } from '../ui/links';
import { errorMessage } from '../ui/messages';
import { ErrorLine, type Status, StatusLine } from '../ui/StatusLine';
import { TextField } from '../ui/TextField';
import type { PopupState } from './state';

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function Editor({ state, c }: { state: PopupState; c: Contact }) {
  const [d, setD] = useState({
    name: c.name,
    role: c.role ?? '',
    company: c.company ?? '',
    location: c.location ?? '',
    emails: c.emails.join('\n'),
    phones: c.phones.join('\n'),
    notes: c.notes,
    metVia: c.metVia ?? '',
    introducedBy: c.introducedBy ?? '',
    circles: c.circles,
    cadenceDays: c.cadenceDays,
  });
  const [status, setStatus] = useState<Status>(null);
  const set = (k: keyof typeof d) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  async function save(e: Event) {
    e.preventDefault();
    if (!d.name.trim()) return setStatus({ ok: false, text: t('errorNameRequired') });
    try {
      await state.update(c.id, (old) => {
        const next: Contact = {
          ...old,
          name: d.name.trim(),
          notes: d.notes,
          circles: d.circles,
          cadenceDays: d.cadenceDays,
        };
        next.emails = lines(d.emails);
        next.phones = lines(d.phones);
        for (const k of ['role', 'company', 'location', 'metVia', 'introducedBy'] as const) {
          const v = d[k].trim();
          if (v) next[k] = v;
          else delete next[k];
        }
        return next;
      });
      setStatus({ ok: true, text: t('savedChanges') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    }
  }
  return (
    <form class="card" onSubmit={save}>
      <TextField label={t('fieldName')} value={d.name} onInput={set('name')} required />
      <div class="field-row">
        <TextField label={t('fieldRole')} value={d.role} onInput={set('role')} />
        <TextField label={t('fieldCompany')} value={d.company} onInput={set('company')} />
      </div>
      <TextField label={t('fieldLocation')} value={d.location} onInput={set('location')} />
      <TextField label={t('fieldEmails')} value={d.emails} onInput={set('emails')} multiline />
      <TextField label={t('fieldPhones')} value={d.phones} onInput={set('phones')} multiline />
      <CircleChips
        all={state.settings.value.circles}
        value={d.circles}
        onChange={(circles) => setD((x) => ({ ...x, circles }))}
      />
      <div class="field">
        <label for="cadence">{t('fieldCadence')}</label>
        <CadenceSelect id="cadence" value={d.cadenceDays} onChange={(v) => setD((x) => ({ ...x, cadenceDays: v }))} />
      </div>
      <div class="field-row">
        <TextField label={t('fieldMetVia')} value={d.metVia} onInput={set('metVia')} />
        <TextField label={t('fieldIntroducedBy')} value={d.introducedBy} onInput={set('introducedBy')} />
      </div>
      <TextField label={t('fieldNotes')} value={d.notes} onInput={set('notes')} multiline maxLength={5000} />
      <button type="submit" class="primary">
        {t('save')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}

function Actions({ state, c }: { state: PopupState; c: Contact }) {
  const [error, setError] = useState('');
  const run = (work: () => Promise<void>) => () =>
    void work().then(
      () => setError(''),
      (e) => setError(errorMessage(e)),
    );
  return (
    <div class="card actions">
      <p class="hint">
        {c.nextDueAt ? t('nextDue', formatRelative(c.nextDueAt, state.now.value)) : t('cadenceNone')}
        {' · '}
        {c.lastContactedAt ? t('lastContact', formatDate(c.lastContactedAt)) : t('neverContacted')}
      </p>
      <div class="actions__row">
        <ContactedForm
          onLog={async (kind, note) => {
            try {
              await state.contacted(c.id, kind, note);
              setError('');
            } catch (e) {
              setError(errorMessage(e));
              throw e;
            }
          }}
        />
      </div>
      <div class="actions__row">
        <button type="button" onClick={run(() => state.snoozeFor(c.id, 7))}>
          {t('snoozeWeek')}
        </button>
        <button type="button" onClick={run(() => state.snoozeFor(c.id, 30))}>
          {t('snoozeMonth')}
        </button>
        <button type="button" class="danger" onClick={run(() => state.remove(c.id, (name) => t('deletedToast', name)))}>
          {t('deleteContact')}
        </button>
      </div>
      <ErrorLine text={error} />
    </div>
  );
}

export function ContactDetail({ state, id }: { state: PopupState; id: string }) {
  const c = state.contacts.value.find((x) => x.id === id);
  if (!c) return <p class="hint">{t('errorNotFound')}</p>;
  const links = c.profiles.map((p) => ({ ...p, href: safeHref(p.url) })).filter((p) => p.href);
  return (
    <section class="detail" aria-labelledby="detail-heading">
      <div class="detail__head">
        <button type="button" class="ghost" onClick={() => (state.view.value = { name: 'home' })}>
          ← {t('back')}
        </button>
        <Avatar name={c.name} photoUrl={c.photoUrl} size={40} load={state.settings.value.loadPhotos} />
        <h2 id="detail-heading">{c.name}</h2>
      </div>
      <Actions state={state} c={c} />
      {links.length > 0 && (
        <div class="card">
          <h3>{t('profilesHeading')}</h3>
          <ul class="links">
            {links.map((p) => (
              <li key={p.url}>
                <a href={p.href} target="_blank" rel="noopener noreferrer">
                  {p.url.replace(/^https?:\/\//, '')}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Editor key={c.id} state={state} c={c} />
      <div class="card">
        <h3>{t('timelineHeading')}</h3>
        {c.interactions.length === 0 ? (
          <p class="hint">{t('timelineEmpty')}</p>
        ) : (
          <ol class="timeline">
            {[...c.interactions].reverse().map((i) => (
              <li key={`${i.at}-${i.kind}`}>
                <strong>{formatDate(i.at)}</strong> · {t(KIND_LABEL[i.kind])}
                {i.note ? ` — ${i.note}` : ''}
              </li>
            ))}
          </ol>
        )}
        {c.history.length > 0 && (
          <>
            <h3>{t('historyHeading')}</h3>
            <ol class="timeline">
              {[...c.history].reverse().map((h) => (
                <li key={`${h.at}-${h.field}`}>
                  <strong>{formatDate(h.at)}</strong> ·{' '}
                  {t(h.field === 'role' ? 'historyRole' : 'historyCompany', h.from ?? '–', h.to ?? '–')}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
