/**
 * The options page's import and export code, one chunk (interchange.ts loads it): the readers and writers, the
 * column mapping only a CSV file asks for, the plan and preview a file read shows and its writing, the backup's and
 * a spreadsheet list's writing, the backup's restoring, and the Data tab's "Saved twice?" (drawn once it is loaded).
 * One dynamic import, so esbuild does not split the page's first screen anew for a second one (it did: 6 files
 * became 8, and the page 0.7 KB heavier in all).
 */
export * from '../interchange';
export { applyImport, planImport } from '../storage/import';
export { planRestore, restoreBackup } from '../storage/restore';
export { backupFile } from './backup-file';
export { ColumnMapping } from './ColumnMapping';
export { Duplicates } from './Duplicates';
export { hasSettings, ImportPreview, importErrorText, nameListProblemText } from './ImportPreview';
export { sheetFile } from './sheet-file';
