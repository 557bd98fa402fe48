import { useRef, useState } from 'preact/hooks';
import type { Contact } from '../contacts/types';
import type { ColumnRole, CsvLayout, ImportError, ParseResult } from '../interchange';
import { type MessageKey, t, tn } from '../platform/i18n';
import type { DB } from '../storage/db';
import {
  applyImport,
  type ImportPlan,
  planImport,
  planRestore,
  type RestorePlan,
  restoreBackup,
} from '../storage/import';
import { getSettings } from '../storage/settings';
import { useStepFocus } from '../ui/focus-lost';
import { lazyComponent } from '../ui/lazy';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import { interchange } from './interchange';

/** Asked for only of a CSV file (its columns uncertain, or "Change columns"): with the import code. */
const LazyColumnMapping = lazyComponent(() => interchange().then((m) => m.ColumnMapping));

export function importErrorText(e: ImportError): string {
  switch (e.code) {
    case 'empty':
      return t('importEmpty');
    case 'tooLarge':
      return t('importTooLarge', e.detail ?? '');
    case 'binary':
      return t('importBinary');
    case 'badBackup':
      return t('importBadBackup');
    case 'newerBackup':
      return t('importNewerBackup');
    case 'noName':
      return t('importNoName', e.record ?? 0);
    case 'badRecord':
      return t('importBadRecord', e.record ?? 0);
    case 'unreadBirthday':
      return t('importUnreadBirthday', e.record ?? 0, e.detail ?? '');
    case 'unreadEmail':
      return t('importUnreadEmail', e.record ?? 0, e.detail ?? '');
    case 'unclosedQuote':
      return t('importUnclosedQuote', e.line ?? 0);
    case 'unclosedCard':
      return t('importUnclosedCard', e.record ?? 0, e.line ?? 0);
    case 'outsideCard':
      return t('importOutsideCard', e.line ?? 0);
    default:
      return t('importUnknownFormat');
  }
}

/** Parts of a file that could not be read at all (not an entry's value): the preview says them outright. */
const UNREAD: readonly ImportError['code'][] = ['unclosedQuote', 'outsideCard'];

/** The legacy code pages a file may be read in by evidence, as the preview names them. */
const ENCODING_NAME: Record<string, MessageKey> = {
  'windows-1252': 'encodingWestern',
  'windows-1250': 'encodingCentral1250',
  'iso-8859-2': 'encodingCentral88592',
};

type Stage =
  | { step: 'idle' }
  | { step: 'columns'; fileName: string; parsed: ParseResult & { csv: CsvLayout } }
  | {
      step: 'preview';
      fileName: string;
      parsed: ParseResult;
      /** What confirming writes: the file's people planned against the book, or a backup's people put back. */
      apply: { kind: 'import'; plan: ImportPlan } | { kind: 'restore'; contacts: Contact[]; restore: RestorePlan };
    }
  | { step: 'done'; text: string }
  | { step: 'error'; text: string };

type Preview = Extract<Stage, { step: 'preview' }>;

/** Where a file is dropped or chosen (the file input serves the keyboard). */
function FileDrop({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside serves the keyboard
    <div
      class="drop"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <label for="import-file">{t('importChoose')}</label>
      <input
        id="import-file"
        type="file"
        accept=".vcf,.vcard,.csv,.txt,.json,text/vcard,text/csv,application/json"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}

/** What confirming would do: new, merged, not importable (with reasons), before anything is written. */
function ImportPreview({
  stage,
  busy,
  onConfirm,
  onCancel,
  onColumns,
}: {
  stage: Preview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** For a CSV file: say again what its columns hold. */
  onColumns?: () => void;
}) {
  const { parsed, apply } = stage;
  // A file of which nothing can be written (every entry without a name, say) offers no Import: the details say why.
  const nothing =
    (apply.kind === 'restore' ? apply.contacts.length : apply.plan.add.length + apply.plan.merge.length) === 0;
  const unread = parsed.errors.filter((e) => UNREAD.includes(e.code));
  const problems = parsed.errors.filter((e) => !UNREAD.includes(e.code));
  return (
    <section class="preview" aria-label={t('importPreview')}>
      <h3 tabIndex={-1}>{stage.fileName}</h3>
      {apply.kind === 'restore' ? (
        <>
          <p>{tn('restorePreview', apply.contacts.length)}</p>
          {apply.restore.back + apply.restore.older > 0 && (
            <ul>
              {apply.restore.back > 0 && <li data-testid="restore-back">{tn('restoreBack', apply.restore.back)}</li>}
              {apply.restore.older > 0 && (
                <li class="warn" data-testid="restore-older">
                  {tn('restoreOlder', apply.restore.older)}
                </li>
              )}
            </ul>
          )}
        </>
      ) : (
        <ul>
          <li data-testid="import-new">{tn('importNew', apply.plan.add.length)}</li>
          <li data-testid="import-merge">{tn('importMerge', apply.plan.merge.length)}</li>
          <li data-testid="import-invalid">
            {tn(
              'importInvalid',
              apply.plan.invalid.length + parsed.errors.filter((e) => e.code === 'badRecord').length,
            )}
          </li>
        </ul>
      )}
      {parsed.encodingGuessed && (
        <p class="hint warn" data-testid="import-encoding">
          {t(
            'importEncodingGuessed',
            t(ENCODING_NAME[parsed.encoding ?? ''] ?? 'encodingWestern'),
            parsed.contacts
              .slice(0, 3)
              .map((c) => c.name)
              .join(', '),
          )}
        </p>
      )}
      {/* What could not be read at all is said outright, not in the folded details. */}
      {unread.map((e) => (
        <p class="hint warn" data-testid="import-unread" key={`${e.code}-${e.line}`}>
          {importErrorText(e)}
        </p>
      ))}
      {nothing && (
        <p class="hint warn" data-testid="import-nothing">
          {t('importNothingToImport')}
        </p>
      )}
      {problems.length > 0 && (
        <details open={nothing}>
          <summary>{t('importProblems')}</summary>
          <ul>
            {problems.slice(0, 50).map((e) => (
              <li key={`${e.code}-${e.record}`}>{importErrorText(e)}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="row-actions">
        {!nothing && (
          <button type="button" class="primary" disabled={busy} onClick={onConfirm}>
            {t('importConfirm')}
          </button>
        )}
        {onColumns && (
          <button type="button" onClick={onColumns}>
            {t('importChangeColumns')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}

/** How far the confirmed import is written (one transaction: closing the page now rolls all of it back). */
function ImportProgress({ done, total }: { done: number; total: number }) {
  return (
    <p class="hint" role="status">
      {total ? t('importProgress', done, total) : t('importWorking')}
      {total > 0 && <progress max={total} value={done} aria-hidden="true" />}
    </p>
  );
}

/** Where the keyboard goes at each step when the control it was on went with the step before. */
const STEP_FOCUS: Record<Stage['step'], string> = {
  idle: '#import-file',
  columns: '#columns-heading',
  preview: '.preview h3',
  done: '.import-done',
  error: '#import-heading',
};

/** Import: a file is read and previewed; confirming writes all of it in one transaction, or nothing. */
export function ImportSection({ db }: { db: DB }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const [applying, setApplying] = useState<{ done: number; total: number } | null>(null);
  // Each step takes the controls of the one before away (the preview's buttons go with it; the file field is off
  // while a file is read): the keyboard, where it fell to the page's start or is still in this section, goes to what
  // the step shows.
  const self = useRef<HTMLElement>(null);
  useStepFocus(
    stage,
    () => self.current?.querySelector<HTMLElement>(STEP_FOCUS[stage.step]),
    () => self.current,
  );

  async function preview(fileName: string, parsed: ParseResult) {
    const { backup } = parsed;
    const apply: Preview['apply'] = backup
      ? { kind: 'restore', contacts: backup.contacts, restore: await planRestore(db, backup.contacts) }
      : { kind: 'import', plan: await planImport(db, parsed.contacts) };
    setStage({ step: 'preview', fileName, parsed, apply });
  }

  async function read(file: File) {
    setBusy(true);
    try {
      const { parseContactsFile } = await interchange();
      const parsed = parseContactsFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!parsed.format || (!parsed.contacts.length && !parsed.csv?.rows.length)) {
        setStage({ step: 'error', text: parsed.errors[0] ? importErrorText(parsed.errors[0]) : t('importNothing') });
        return;
      }
      // A CSV file's columns may be asked about: their code is loaded with it, and is there when they are.
      const columns = parsed.csv && LazyColumnMapping.preload();
      // Columns that could not be told apart for certain: the user says what they hold before anything is planned.
      if (parsed.csv && !parsed.csv.certain) {
        await columns;
        setStage({ step: 'columns', fileName: file.name, parsed: { ...parsed, csv: parsed.csv } });
      } else await preview(file.name, parsed);
    } catch (e) {
      setStage({ step: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  /** The file read again with the columns the user chose. */
  async function useColumns(fileName: string, parsed: ParseResult & { csv: CsvLayout }, roles: ColumnRole[]) {
    const csv = { ...parsed.csv, roles, certain: true };
    try {
      const { readRows } = await interchange();
      const read = readRows(csv.rows, roles, csv);
      // What the rows say (no name, a birthday or an email that cannot be read) comes from this reading alone: the
      // first one's would be said twice, or about a column now ignored.
      await preview(fileName, {
        ...parsed,
        ...read,
        errors: [...parsed.errors.filter((e) => e.record === undefined), ...read.errors],
        csv,
      });
    } catch (e) {
      setStage({ step: 'error', text: errorMessage(e) });
    }
  }

  async function confirm(preview: Preview) {
    setBusy(true);
    setApplying({ done: 0, total: 0 });
    try {
      const { apply } = preview;
      if (apply.kind === 'restore') {
        const n = await restoreBackup(db, apply.contacts);
        setStage({ step: 'done', text: tn('restoreDone', n) });
      } else {
        const settings = await getSettings(db);
        const r = await applyImport(db, apply.plan, {
          now: Date.now(),
          defaultCadence: settings.defaultCadenceDays,
          perWeek: settings.perReminder,
          onProgress: (done, total) => setApplying({ done, total }),
        });
        setStage({ step: 'done', text: t('importDone', r.added, r.merged) });
      }
    } catch (e) {
      // The transaction was rolled back: nothing of the file was written.
      setStage({ step: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
      setApplying(null);
    }
  }

  return (
    <section class="card" aria-labelledby="import-heading" ref={self}>
      <h2 id="import-heading" tabIndex={-1}>
        {t('importHeading')}
      </h2>
      <p class="hint">{t('importHint')}</p>
      <FileDrop busy={busy} onFile={(f) => void read(f)} />
      {stage.step === 'columns' && (
        <LazyColumnMapping
          layout={stage.parsed.csv}
          onUse={(roles) => void useColumns(stage.fileName, stage.parsed, roles)}
          onCancel={() => setStage({ step: 'idle' })}
        />
      )}
      {stage.step === 'preview' && (
        <ImportPreview
          stage={stage}
          busy={busy}
          onConfirm={() => void confirm(stage)}
          onCancel={() => setStage({ step: 'idle' })}
          {...(stage.parsed.csv
            ? {
                onColumns: () =>
                  stage.parsed.csv &&
                  setStage({
                    step: 'columns',
                    fileName: stage.fileName,
                    parsed: { ...stage.parsed, csv: stage.parsed.csv },
                  }),
              }
            : {})}
        />
      )}
      {applying && <ImportProgress {...applying} />}
      {stage.step === 'done' && (
        <p class="hint ok import-done" role="status" tabIndex={-1}>
          {stage.text}
        </p>
      )}
      {stage.step === 'error' && <ErrorLine text={stage.text} />}
    </section>
  );
}
