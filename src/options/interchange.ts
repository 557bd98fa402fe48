/**
 * The import and export code (papaparse, the vCard and CSV readers and writers, the column mapping: about a third
 * of the options page) in its own chunk (import-code.ts), loaded when a file is read or written rather than with
 * the page.
 */
export const interchange = () => import('./import-code');
