import { useEffect, useRef, useState } from 'preact/hooks';
import type { ColumnRole, CsvLayout, ParseResult } from '../interchange';
import { circleLabel } from '../platform/circles';
import { t, tn } from '../platform/i18n';
import { onChange, rereads } from '../storage/changes';
import type { DB } from '../storage/db';
import { getSettings } from '../storage/settings';
import { useStepFocus } from '../ui/focus-lost';
import { lazyComponent } from '../ui/lazy';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import type { Preview } from './ImportPreview';
import { interchange } from './interchange';
import { NameList } from './NameList';

/** Asked for only of a CSV file (its columns uncertain, or "Change columns"): with the import code. */
const LazyColumnMapping = lazyComponent(() => interchange().then((m) => m.ColumnMapping));
/** Shown once a file is read, which loads the import code: with it, not with the page's first screen. */
const LazyImportPreview = lazyComponent(() => interchange().then((m) => m.ImportPreview));

type Stage =
  | { step: 'idle' }
  | { step: 'columns'; fileName: string; parsed: ParseResult & { csv: CsvLayout } }
  | Preview
  | { step: 'done'; text: string }
  | { step: 'error'; text: string };

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
        accept=".vcf,.vcard,.csv,.txt,.json,.xml,text/vcard,text/csv,application/json,text/xml,application/xml,.xlsx,.xls,.ods,.numbers"
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
export function ImportSection({
  db,
  circles,
  onSettings,
}: {
  db: DB;
  /** The book's circles, for a list of names written here. */
  circles: string[];
  onSettings: () => Promise<unknown>;
}) {
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  /** A list of names being written (NameList): kept through its preview, cleared once it is imported. */
  const [listText, setListText] = useState('');
  const listed = useRef<ParseResult>(undefined);
  /** A backup's settings put back with its people: the user may untick it (they set things up here since). */
  const [withSettings, setWithSettings] = useState(true);
  const [busy, setBusy] = useState(false);
  const [applying, setApplying] = useState<{ done: number; total: number } | null>(null);
  // Each step takes the controls of the one before away (the preview's buttons go with it; the file field is off
  // while a file is read): the keyboard, where it fell to the page's start or is still in this section, goes to what
  // the step shows.
  const self = useRef<HTMLElement>(null);
  useStepFocus(
    // A preview planned again is the same step (its file's reading is the same): the keyboard stays where it is.
    stage.step === 'preview' ? stage.parsed : stage,
    () => self.current?.querySelector<HTMLElement>(STEP_FOCUS[stage.step]),
    () => self.current,
  );

  /** What confirming would do to the book as it is now. */
  async function plan({ backup, contacts }: ParseResult): Promise<Preview['apply']> {
    const { planImport, planRestore } = await interchange();
    return backup
      ? { kind: 'restore', ...backup, restore: await planRestore(db, backup.contacts) }
      : { kind: 'import', plan: await planImport(db, contacts) };
  }

  async function preview(fileName: string, parsed: ParseResult) {
    const [apply] = await Promise.all([plan(parsed), LazyImportPreview.preload()]);
    setStage({ step: 'preview', fileName, parsed, apply });
  }

  // A preview counts against the book as it was when the file was read. A save in the popup, a sync or "Delete
  // everything" meanwhile changes what confirming does (a person saved meanwhile would be added a second time, a
  // person deleted would be counted as merged): the preview is planned again on every change while it is shown, and
  // Import writes the latest plan, waiting for one being made.
  const shown = useRef(stage);
  shown.current = stage;
  const replanning = useRef<Promise<void>>(undefined);
  /** Set while the confirmed file is written: its own announcement is no change to plan for. */
  const writing = useRef(false);
  useEffect(() => {
    if (stage.step !== 'preview') return;
    const before = stage;
    const again = rereads(async () => {
      let next: Stage;
      try {
        next = { ...before, apply: await plan(before.parsed), replanned: true };
      } catch (e) {
        // A preview that can no longer be counted is not offered for confirming.
        next = { step: 'error', text: errorMessage(e) };
      }
      if (shown.current !== before) return;
      shown.current = next;
      setStage(next);
    });
    return onChange(
      (change) => {
        if (change.kind === 'contacts' && !writing.current && shown.current === before) replanning.current = again();
      },
      { from: 'all' },
    );
  }, [stage]);

  /**
   * A list of people written here, previewed as a file's people would be (each in the circle chosen); the lines
   * that cannot become people instead, and no preview.
   */
  async function list(text: string, circle: string): Promise<string> {
    setBusy(true);
    try {
      const { nameListProblemText, readNameList } = await interchange();
      const { people, problems } = readNameList(text);
      if (problems.length) return nameListProblemText(problems);
      const parsed: ParseResult = {
        format: null,
        contacts: people.map((p) => (circle ? { ...p, circles: [circle] } : p)),
        errors: [],
      };
      listed.current = parsed;
      await preview(circle ? t('nameListFile', circleLabel(circle)) : t('nameListFileNoCircle'), parsed);
    } catch (e) {
      setStage({ step: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
    return '';
  }

  async function read(file: File) {
    setBusy(true);
    setWithSettings(true);
    try {
      const { importErrorText, parseContactsFile } = await interchange();
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

  async function confirm() {
    if (writing.current) return;
    writing.current = true;
    setBusy(true);
    setApplying({ done: 0, total: 0 });
    try {
      await replanning.current;
      const preview = shown.current;
      if (preview.step !== 'preview') return;
      const { apply } = preview;
      if (apply.kind === 'restore') {
        const { hasSettings, restoreBackup } = await interchange();
        const { settings, ...rest } = apply;
        const back = withSettings && hasSettings(settings);
        const n = await restoreBackup(db, { ...(back ? apply : rest), now: Date.now() });
        // The weekly alarm follows the slot put back.
        if (back) await onSettings();
        setStage({ step: 'done', text: `${tn('restoreDone', n)}${back ? ` ${t('restoreDoneSettings')}` : ''}` });
      } else {
        const [{ applyImport }, settings] = await Promise.all([interchange(), getSettings(db)]);
        const r = await applyImport(db, apply.plan, {
          now: Date.now(),
          defaultCadence: settings.defaultCadenceDays,
          perWeek: settings.perReminder,
          onProgress: (done, total) => setApplying({ done, total }),
        });
        // The circles the file brought are the book's now: the page's lists of circles follow.
        if (r.circles.length) await onSettings();
        const circles = r.circles.length ? ` ${t('importCirclesDone', r.circles.join(', '))}` : '';
        setStage({ step: 'done', text: `${t('importDone', r.added, r.merged)}${circles}` });
        // A list written here is in the book now: its field is free for the next circle.
        if (preview.parsed === listed.current) setListText('');
      }
    } catch (e) {
      // The transaction was rolled back: nothing of the file was written.
      setStage({ step: 'error', text: errorMessage(e) });
    } finally {
      writing.current = false;
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
      <NameList circles={circles} text={listText} busy={busy} onText={setListText} onList={list} />
      {stage.step === 'columns' && (
        <LazyColumnMapping
          layout={stage.parsed.csv}
          onUse={(roles) => void useColumns(stage.fileName, stage.parsed, roles)}
          onCancel={() => setStage({ step: 'idle' })}
        />
      )}
      {stage.step === 'preview' && (
        <LazyImportPreview
          stage={stage}
          busy={busy}
          withSettings={withSettings}
          onWithSettings={setWithSettings}
          onConfirm={() => void confirm()}
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
