import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../platform/i18n';
import { onChange, rereads } from '../storage/changes';
import { deleteEverything } from '../storage/contact-writes';
import { countContacts, listAll } from '../storage/contacts';
import type { DB } from '../storage/db';
import { getSettings } from '../storage/settings';
import { datedName, download } from '../ui/download';
import { refocusIfLost } from '../ui/focus-lost';
import { attempt, errorMessage } from '../ui/messages';
import { type Status, StatusLine } from '../ui/StatusLine';
import { forgetAllTyped } from '../ui/typed-key';
import { interchange } from './interchange';

/** Storage used, and "delete everything" — with a confirmation and a last-chance backup. */
export function DataTools({ db }: { db: DB }) {
  const [usage, setUsage] = useState<string>('');
  const [count, setCount] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const firstStep = useRef<HTMLButtonElement>(null);

  // Counted from the store (no record read), again whenever people change: an import or a restore on this page, a
  // save in the popup, a sync.
  const [refresh] = useState(() =>
    rereads(async () => {
      setCount(await countContacts(db));
      const est = await navigator.storage?.estimate?.();
      if (est?.usage !== undefined)
        setUsage(new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(est.usage / 1048576));
    }),
  );
  // The keyboard goes into the confirmation when it opens (its first step, the backup: the button that opened it is
  // disabled meanwhile), and back to that button when it closes (its own controls go with it).
  useEffect(() => {
    if (confirming) firstStep.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    setTyped('');
    void refocusIfLost(() => opener.current);
  };
  useEffect(() => {
    void refresh();
    return onChange(
      (change) => {
        if (change.kind === 'contacts') void refresh();
      },
      { from: 'all' },
    );
  }, []);

  // A failure is said before anyone deletes everything believing a backup was made.
  const backup = () =>
    attempt(
      async () => {
        const { makeBackup } = await interchange();
        download(
          makeBackup(await listAll(db), await getSettings(db), Date.now()),
          datedName('json'),
          'application/json',
        );
      },
      (text) => text && setStatus({ ok: false, text }),
    );

  async function wipe() {
    try {
      await deleteEverything(db);
      // And what was typed into a popup form and not saved (ui/typed.ts): nothing of anyone is left.
      forgetAllTyped();
      cancel();
      setStatus({ ok: true, text: t('deleteAllDone') });
      await refresh();
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    }
  }

  const word = t('deleteAllWord');
  return (
    <section class="card" aria-labelledby="data-tools-heading">
      <h2 id="data-tools-heading">{t('dataToolsHeading')}</h2>
      <p data-testid="storage-used">
        {tn('storageContacts', count)}
        {usage ? ` · ${t('storageUsed', usage)}` : ''}
      </p>
      <div class="row-actions">
        <button type="button" onClick={() => void backup()}>
          {t('backupNow')}
        </button>
        <button type="button" class="danger" ref={opener} onClick={() => setConfirming(true)} disabled={confirming}>
          {t('deleteAll')}
        </button>
      </div>
      {confirming && (
        <div
          class="confirm"
          role="alertdialog"
          aria-labelledby="confirm-text"
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <p id="confirm-text">{tn('deleteAllConfirm', count, word)}</p>
          <button type="button" ref={firstStep} onClick={() => void backup()}>
            {t('backupFirst')}
          </button>
          <div class="field">
            <label for="confirm-word">{t('deleteAllType', word)}</label>
            <input
              id="confirm-word"
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
            />
          </div>
          <div class="row-actions">
            <button
              type="button"
              class="danger"
              disabled={typed.trim().toLowerCase() !== word.toLowerCase()}
              onClick={() => void wipe()}
            >
              {t('deleteAllFinal')}
            </button>
            <button type="button" onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <StatusLine status={status} />
    </section>
  );
}
