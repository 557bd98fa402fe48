import { useRef, useState } from 'preact/hooks';
import { formatSince, type MessageKey, t, tn } from '../platform/i18n';
import { peopleLine } from '../platform/people-line';
import type { SyncErrorCode, SyncStatus } from '../storage/sync-state';
import { DEFAULT_INTERVAL_MINUTES } from '../sync/constants';
import { useFocusInvalid } from '../ui/focus-invalid';
import { useStepFocus } from '../ui/focus-lost';
import { ErrorLine } from '../ui/StatusLine';
import { TextField } from '../ui/TextField';
import { useNow } from '../ui/useNow';
import type { SyncState } from './sync-state';

/** Each failure in words: what is wrong, and what to do. */
export const SYNC_ERROR: Record<SyncErrorCode, MessageKey> = {
  auth: 'syncErrorAuth',
  notCardDav: 'syncErrorNotCardDav',
  notFound: 'syncErrorNotCardDav',
  unreachable: 'syncErrorUnreachable',
  readOnly: 'syncErrorReadOnly',
  insecure: 'syncErrorInsecure',
  badAddress: 'syncErrorBadAddress',
  elsewhere: 'syncErrorElsewhere',
  permission: 'syncErrorPermission',
  server: 'syncErrorServer',
  conflict: 'syncErrorConflict',
  refused: 'syncErrorRefused_other',
  failed: 'syncErrorFailed',
};

const host = (url: string) => new URL(url).host;

/** What went wrong, in words (a refused connection's stands below its field in the connect form instead). */
const problemText = (p: NonNullable<SyncState['problem']['value']>) => p.text ?? t(SYNC_ERROR[p.code]);

function Problem({ sync, inForm }: { sync: SyncState; inForm: boolean }) {
  const p = sync.problem.value;
  if (!p || (inForm && PROBLEM_FIELD[p.code])) return null;
  if (p.code === 'elsewhere' && p.origin)
    return (
      <div class="hint warn" role="alert">
        <p>{t('syncErrorElsewhere', host(p.origin))}</p>
        <button type="button" onClick={() => void sync.allowElsewhere()}>
          {t('syncAllowElsewhere', host(p.origin))}
        </button>
      </div>
    );
  return <ErrorLine text={problemText(p)} />;
}

/** The field a refused connection is about: the server's address, or the password. */
const PROBLEM_FIELD: Partial<Record<SyncErrorCode, 'server' | 'password'>> = {
  badAddress: 'server',
  insecure: 'server',
  notCardDav: 'server',
  notFound: 'server',
  unreachable: 'server',
  auth: 'password',
};

/** Step 1: the server, user name and app password. */
function ConnectForm({ sync }: { sync: SyncState }) {
  const [form, setForm] = useState({ server: '', username: '', password: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const problem = sync.problem.value;
  const on = problem && PROBLEM_FIELD[problem.code];
  // Below the field it is about, which it describes, as a refused save's message is (TextField).
  const message = on && problem ? problemText(problem) : undefined;
  const self = useRef<HTMLFormElement>(null);
  // A refusal puts the keyboard on the field it is about, marked, as a refused save does (the message says why).
  useFocusInvalid(self, on && problem);
  return (
    <form
      ref={self}
      onSubmit={(e) => {
        e.preventDefault();
        // The permission request must come first in the click: connect() asks before it awaits anything.
        void sync.connect(form);
      }}
    >
      <TextField
        label={t('syncServer')}
        name="server"
        value={form.server}
        onInput={set('server')}
        required
        invalid={on === 'server' && message}
      />
      <p class="hint">{t('syncServerHint')}</p>
      <div class="field-row">
        <TextField label={t('syncUser')} name="username" value={form.username} onInput={set('username')} />
        <TextField
          label={t('syncPassword')}
          name="password"
          type="password"
          value={form.password}
          onInput={set('password')}
          invalid={on === 'password' && message}
        />
      </div>
      <p class="hint">{t('syncPasswordHint')}</p>
      <button type="submit" class="primary" aria-disabled={sync.busy.value || undefined}>
        {sync.busy.value ? t('syncWorking') : t('syncConnect')}
      </button>
    </form>
  );
}

/** Step 2: one of the address books found, or a new one named "Reconnect". */
function BookChoice({ sync }: { sync: SyncState }) {
  const s = sync.setup.value;
  const [picked, setPicked] = useState('');
  if (s.step !== 'books') return null;
  // The only book the user can write to is chosen already: Continue still shows what linking would do first.
  const writable = s.books.filter((b) => !b.readOnly);
  const chosen = picked || (writable.length === 1 ? (writable[0]?.url ?? '') : '');
  const book = s.books.find((b) => b.url === chosen);
  return (
    <fieldset class="books">
      <legend>{t('syncChooseBook')}</legend>
      {s.books.map((b) => (
        <div class="check" key={b.url}>
          <input
            type="radio"
            name="book"
            id={`book-${b.url}`}
            value={b.url}
            checked={chosen === b.url}
            disabled={b.readOnly}
            onChange={() => setPicked(b.url)}
          />
          <label for={`book-${b.url}`}>{b.readOnly ? t('syncReadOnlyBook', b.name) : b.name}</label>
        </div>
      ))}
      <div class="row-actions">
        <button
          type="button"
          class="primary"
          disabled={!book}
          aria-disabled={sync.busy.value || undefined}
          onClick={() => book && void sync.chooseBook(book)}
        >
          {t('syncContinue')}
        </button>
        <button type="button" aria-disabled={sync.busy.value || undefined} onClick={() => void sync.createBook()}>
          {t('syncCreateBook')}
        </button>
        <button type="button" class="ghost" onClick={sync.back}>
          {t('syncBack')}
        </button>
      </div>
    </fieldset>
  );
}

/** Step 3: what linking will do on each side; nothing is written before "Start syncing". */
function Preview({ sync }: { sync: SyncState }) {
  const s = sync.setup.value;
  if (s.step !== 'preview') return null;
  const { preview: p, book } = s;
  return (
    <section class="preview" aria-labelledby="sync-preview-heading">
      <h3 id="sync-preview-heading" tabIndex={-1}>
        {t('syncPreviewHeading')}
      </h3>
      <ul>
        <li data-testid="sync-preview-here">{t('syncPreviewHere', p.here.created, p.here.updated)}</li>
        <li data-testid="sync-preview-server">
          {t('syncPreviewServer', p.server.created, p.server.updated, book.name)}
        </li>
        {p.merged > 0 && <li data-testid="sync-preview-merged">{tn('syncPreviewMerged', p.merged)}</li>}
      </ul>
      <div class="row-actions">
        <button
          type="button"
          class="primary"
          aria-disabled={sync.busy.value || undefined}
          onClick={() => void sync.start()}
        >
          {t('syncStart')}
        </button>
        <button type="button" class="ghost" onClick={sync.back}>
          {t('syncBack')}
        </button>
      </div>
    </section>
  );
}

/** The question a suddenly empty side asks. */
function Attention({ sync }: { sync: SyncState }) {
  const a = sync.attention.value;
  if (!a) return null;
  return (
    <div class="hint warn" role="alert">
      <p>{t(a === 'serverEmpty' ? 'syncServerEmpty' : 'syncLocalEmpty')}</p>
      <div class="row-actions">
        <button type="button" onClick={() => void sync.resolve('restore')}>
          {t(a === 'serverEmpty' ? 'syncRestoreServer' : 'syncRestoreHere')}
        </button>
        <button type="button" class="danger" onClick={() => void sync.resolve('delete')}>
          {t(a === 'serverEmpty' ? 'syncDeleteHere' : 'syncDeleteThere')}
        </button>
      </div>
    </div>
  );
}

/**
 * How the last run failed, in words. Cards refused name their people, and so do deletes refused, each in the
 * singular for one. (A status kept from before people were counted still says its names line, in the plural.)
 */
function statusErrorText(error: NonNullable<SyncStatus['error']>): string {
  if (error.code !== 'refused') return t(SYNC_ERROR[error.code], error.detail ?? '');
  const parts: string[] = [];
  const line = error.names ? peopleLine(error.names, error.count ?? 0) : (error.detail ?? '');
  if (line) parts.push(tn('syncErrorRefused', error.count ?? 0, line));
  const gone = error.undeleted;
  if (gone) parts.push(tn('syncErrorUndeleted', gone.count, peopleLine(gone.names, gone.count)));
  return parts.join(' ');
}

/** The account once set up: how the last run went, and what the user can do. */
function Active({ sync, now }: { sync: SyncState; now: number }) {
  const a = sync.account.value;
  const status = sync.status.value;
  if (!a?.book) return null;
  const error = status.error;
  return (
    <>
      <p>{t('syncBookLine', a.book.name, new URL(a.server).host, a.username)}</p>
      <p class="hint" role="status" data-testid="sync-status">
        {!a.enabled
          ? t('syncIsOff')
          : status.lastSyncAt
            ? t('syncAgo', formatSince(status.lastSyncAt, now))
            : t('syncNever')}
      </p>
      {a.enabled && error && <ErrorLine text={statusErrorText(error)} />}
      {a.enabled && !!status.held?.length && (
        <p class="hint warn" data-testid="sync-held">
          {tn(
            'syncHeld',
            status.held.length,
            peopleLine(
              status.held.slice(0, 5).map((h) => (h.here ? t('syncHeldHere', h.name, h.here) : h.name)),
              status.held.length,
            ),
          )}
        </p>
      )}
      <Attention sync={sync} />
      <div class="row-actions">
        {a.enabled && (
          <button
            type="button"
            class="primary"
            aria-disabled={sync.busy.value || undefined}
            onClick={() => void sync.syncNow()}
          >
            {sync.busy.value ? t('syncWorking') : t('syncNow')}
          </button>
        )}
        <button type="button" onClick={() => void sync.setEnabled(!a.enabled)}>
          {a.enabled ? t('syncTurnOff') : t('syncTurnOn')}
        </button>
      </div>
      <div class="field">
        <label for="sync-interval">{t('syncInterval')}</label>
        <select
          id="sync-interval"
          value={String(a.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES)}
          onChange={(e) => void sync.setInterval(Number(e.currentTarget.value))}
        >
          {[5, 15, 30, 60].map((m) => (
            <option key={m} value={String(m)}>
              {t('syncMinutes', m)}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">{t('syncRemoveHint')}</p>
      <button type="button" class="danger" onClick={() => void sync.remove()}>
        {t('syncRemove')}
      </button>
    </>
  );
}

/** Where the keyboard goes at each step of the setup when the control it was on went with the step before. */
const STEP_FOCUS: Record<SyncState['setup']['value']['step'] | 'connect', string> = {
  connect: 'input[name="server"]',
  books: '.books input:checked, .books input:not([disabled])',
  preview: '#sync-preview-heading',
  form: '#sync-heading',
};

export function SyncSection({ sync }: { sync: SyncState }) {
  const step = sync.setup.value.step;
  // "Synced 3 minutes ago" stays true while the page is left open.
  const now = useNow();
  // Not set up yet and at its first step: the connect form, whose refusals stand below their fields.
  const connecting = step === 'form' && !sync.active.value;
  // Each step takes the one before away with the button that led on: where the keyboard fell to the page's start,
  // it goes to the new step (the book chosen, the preview's heading, the form's first field; the section's heading
  // once sync runs).
  const self = useRef<HTMLElement>(null);
  const shown = connecting ? 'connect' : step;
  useStepFocus(shown, () => self.current?.querySelector<HTMLElement>(STEP_FOCUS[shown]));
  return (
    <section class="card" aria-labelledby="sync-heading" ref={self}>
      <h2 id="sync-heading" tabIndex={-1}>
        {t('syncHeading')}
      </h2>
      <p class="hint">{t('syncIntro')}</p>
      {step === 'form' && !connecting ? (
        <Active sync={sync} now={now} />
      ) : step === 'books' ? (
        <BookChoice sync={sync} />
      ) : step === 'preview' ? (
        <Preview sync={sync} />
      ) : (
        <ConnectForm sync={sync} />
      )}
      <Problem sync={sync} inForm={connecting} />
    </section>
  );
}
