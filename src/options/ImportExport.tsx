import { useState } from 'preact/hooks';
import type { Contact } from '../contacts/types';
import {
  type ImportError,
  makeBackup,
  type ParseResult,
  parseContactsFile,
  writeGoogleCsv,
  writeVCards,
} from '../interchange';
import { t, tn } from '../platform/i18n';
import { listAll } from '../storage/contacts';
import type { DB } from '../storage/db';
import { applyImport, type ImportPlan, planImport, restoreBackup } from '../storage/import';
import { getSettings } from '../storage/settings';
import { circleLabel } from '../ui/circles';
import { datedName, download } from '../ui/download';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import { DataTools } from './DataTools';

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
    case 'noName':
      return t('importNoName', e.record ?? 0);
    case 'badRecord':
      return t('importBadRecord', e.record ?? 0);
    default:
      return t('importUnknownFormat');
  }
}

type Stage =
  | { step: 'idle' }
  | { step: 'preview'; fileName: string; parsed: ParseResult; plan: ImportPlan }
  | { step: 'done'; text: string }
  | { step: 'error'; text: string };

function ImportSection({ db }: { db: DB }) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  /**
   * The confirmed import is being written (one transaction; closing the page now rolls all of it back): null when
   * not, else how far the writing is.
   */
  const [applying, setApplying] = useState<{ done: number; total: number } | null>(null);

  async function read(file: File) {
    setBusy(true);
    try {
      const parsed = parseContactsFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!parsed.format || !parsed.contacts.length) {
        setStage({ step: 'error', text: parsed.errors[0] ? importErrorText(parsed.errors[0]) : t('importNothing') });
        return;
      }
      const plan = parsed.backup ? { add: [], merge: [], invalid: [] } : await planImport(db, parsed.contacts);
      setStage({ step: 'preview', fileName: file.name, parsed, plan });
    } catch (e) {
      setStage({ step: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (stage.step !== 'preview') return;
    setBusy(true);
    setApplying({ done: 0, total: 0 });
    try {
      if (stage.parsed.backup) {
        const n = await restoreBackup(db, stage.parsed.backup.contacts);
        setStage({ step: 'done', text: tn('restoreDone', n) });
      } else {
        const settings = await getSettings(db);
        const r = await applyImport(db, stage.plan, {
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
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="hint">{t('importHint')}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside serves the keyboard */}
      <div
        class="drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const file = e.dataTransfer?.files[0];
          if (file) void read(file);
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
            if (file) void read(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {stage.step === 'preview' && (
        <section class="preview" aria-label={t('importPreview')}>
          <h3>{stage.fileName}</h3>
          {stage.parsed.backup ? (
            <p>{tn('restorePreview', stage.parsed.backup.contacts.length)}</p>
          ) : (
            <ul>
              <li data-testid="import-new">{tn('importNew', stage.plan.add.length)}</li>
              <li data-testid="import-merge">{tn('importMerge', stage.plan.merge.length)}</li>
              <li data-testid="import-invalid">
                {tn(
                  'importInvalid',
                  stage.plan.invalid.length + stage.parsed.errors.filter((e) => e.code === 'badRecord').length,
                )}
              </li>
            </ul>
          )}
          {stage.parsed.errors.length > 0 && (
            <details>
              <summary>{t('importProblems')}</summary>
              <ul>
                {stage.parsed.errors.slice(0, 50).map((e) => (
                  <li key={`${e.code}-${e.record}`}>{importErrorText(e)}</li>
                ))}
              </ul>
            </details>
          )}
          <div class="row-actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
              {t('importConfirm')}
            </button>
            <button type="button" onClick={() => setStage({ step: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </section>
      )}
      {applying && (
        <p class="hint" role="status">
          {applying.total ? t('importProgress', applying.done, applying.total) : t('importWorking')}
          {applying.total > 0 && <progress max={applying.total} value={applying.done} aria-hidden="true" />}
        </p>
      )}
      {stage.step === 'done' && (
        <p class="hint ok" role="status">
          {stage.text}
        </p>
      )}
      {stage.step === 'error' && <ErrorLine text={stage.text} />}
    </section>
  );
}

type ExportFormat = 'vcf4' | 'vcf3' | 'csv' | 'json';

function ExportSection({ db, circles }: { db: DB; circles: string[] }) {
  const [format, setFormat] = useState<ExportFormat>('vcf4');
  const [circle, setCircle] = useState('');
  const [status, setStatus] = useState('');

  async function run() {
    const all: Contact[] = await listAll(db);
    const chosen = circle ? all.filter((c) => c.circles.includes(circle)) : all;
    if (format === 'json')
      download(makeBackup(chosen, await getSettings(db), Date.now()), datedName('json'), 'application/json');
    else if (format === 'csv') download(writeGoogleCsv(chosen), datedName('csv'), 'text/csv');
    else download(writeVCards(chosen, format === 'vcf3' ? '3.0' : '4.0'), datedName('vcf'), 'text/vcard');
    setStatus(tn('exportDone', chosen.length));
  }

  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <div class="field-row">
        <div class="field">
          <label for="export-format">{t('exportFormat')}</label>
          <select id="export-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            <option value="vcf4">vCard 4.0</option>
            <option value="vcf3">vCard 3.0</option>
            <option value="csv">CSV (Google Contacts)</option>
            <option value="json">{t('exportBackup')}</option>
          </select>
        </div>
        <div class="field">
          <label for="export-circle">{t('exportWhich')}</label>
          <select id="export-circle" value={circle} onChange={(e) => setCircle(e.currentTarget.value)}>
            <option value="">{t('exportAll')}</option>
            {circles.map((c) => (
              <option key={c} value={c}>
                {circleLabel(c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" class="primary" onClick={() => void run()}>
        {t('exportButton')}
      </button>
      {status && (
        <p class="hint ok" role="status">
          {status}
        </p>
      )}
    </section>
  );
}

export function ImportExport({ db, circles }: { db: DB; circles: string[] }) {
  return (
    <>
      <ImportSection db={db} />
      <ExportSection db={db} circles={circles} />
      <DataTools db={db} />
    </>
  );
}
