import { useState } from 'preact/hooks';
import { writeCircles } from '../contacts/circle-names';
import type { Contact } from '../contacts/types';
import { circleLabels } from '../platform/circles';
import { t, tn } from '../platform/i18n';
import { listAll } from '../storage/contacts';
import type { DB } from '../storage/db';
import { datedName, download } from '../ui/download';
import { lazyComponent } from '../ui/lazy';
import { attempt } from '../ui/messages';
import { type Status, StatusLine } from '../ui/StatusLine';
import { CircleSelect } from './CircleSelect';
import { DataTools } from './DataTools';
import { ImportSection } from './ImportSection';
import { interchange } from './interchange';
import type { OptionsState } from './state';

type ExportFormat = 'vcf4' | 'vcf3' | 'csv' | 'sheet' | 'json';

function ExportSection({ db, circles }: { db: DB; circles: string[] }) {
  const [format, setFormat] = useState<ExportFormat>('vcf4');
  const [circle, setCircle] = useState('');
  const [status, setStatus] = useState<Status>(null);

  const run = () => attempt(write, (text) => text && setStatus({ ok: false, text }));

  async function write() {
    const all: Contact[] = await listAll(db);
    const chosen = circle ? all.filter((c) => c.circles.includes(circle)) : all;
    const { backupFile, sheetFile, writeGoogleCsv, writeVCards } = await interchange();
    // A file for other apps names the starting circles as the user sees them (a backup keeps the book's keys).
    const named = () => {
      const label = circleLabels();
      return chosen.map((c) => ({ ...c, circles: writeCircles(c.circles, circles, label) }));
    };
    if (format === 'json') download(await backupFile(db, chosen, Date.now()), datedName('json'), 'application/json');
    else if (format === 'csv') download(writeGoogleCsv(named()), datedName('csv'), 'text/csv');
    else if (format === 'sheet') download(sheetFile(named()), datedName('csv'), 'text/csv');
    else download(writeVCards(named(), format === 'vcf3' ? '3.0' : '4.0'), datedName('vcf'), 'text/vcard');
    setStatus({ ok: true, text: tn('exportDone', chosen.length) });
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
            <option value="sheet">{t('exportSheet')}</option>
            <option value="json">{t('exportBackup')}</option>
          </select>
        </div>
        <CircleSelect
          id="export-circle"
          label={t('exportWhich')}
          none={t('exportAll')}
          circles={circles}
          value={circle}
          onChange={setCircle}
        />
      </div>
      <button type="button" class="primary" onClick={() => void run()}>
        {t('exportButton')}
      </button>
      <StatusLine status={status} />
    </section>
  );
}

/**
 * "Saved twice?" (options/Duplicates.tsx): in the import and export chunk, loaded with the tab. A chunk of its own
 * split the page's first screen anew (8 files became 10, 0.5 KB heavier), as a second dynamic import did before.
 */
const Duplicates = lazyComponent(() => interchange().then((m) => m.Duplicates));

export function ImportExport({ db, state }: { db: DB; state: OptionsState }) {
  return (
    <>
      <ImportSection db={db} circles={state.circles.value} onSettings={state.settingsWritten} />
      <ExportSection db={db} circles={state.circles.value} />
      <Duplicates db={db} state={state} />
      <DataTools db={db} />
    </>
  );
}
