/**
 * The columns the CSV writers lay out (csv.ts writeGoogleCsv, writeSheetCsv), from the field table's own columns
 * (csv-fields.ts): Google's, in the field table's order, and a spreadsheet's list's.
 */
import { FIELD_NAMES, type FieldName } from '../contacts/fields';
import type { Contact } from '../contacts/types';
import { CSV_FIELDS, type CsvField, type SheetHeading, type SheetWords } from './csv-fields';

type AnyGoogle = NonNullable<CsvField<FieldName>['google']>;

/** The Google columns in the field table's order, each with how many it needs for a set of people. */
export const GOOGLE_COLUMNS = FIELD_NAMES.flatMap((k) => {
  const g = CSV_FIELDS[k]?.google as AnyGoogle | undefined;
  if (!g) return [];
  return [
    {
      field: k,
      width: (people: Partial<Contact>[]) => g.count?.(people.map((p) => p[k] as never)) ?? 1,
      header: (count: number) => g.header(count),
      cells: (c: Partial<Contact>, count: number) => g.cells(c[k] as never, count),
    },
  ];
});

/** One column of a spreadsheet's list (or a field's several, each headed). */
interface SheetColumn {
  field: FieldName;
  /** The headings of a field's several columns; else the field's. */
  headings?: readonly SheetHeading[] | undefined;
  /** Whether it takes a column per value (emails, phones, links), numbered. */
  list: boolean;
  width(people: Partial<Contact>[]): number;
  cells(c: Partial<Contact>, count: number, words: SheetWords): string[];
}

/**
 * A spreadsheet's list's columns (writeSheetCsv), in the field table's order: Google's (a list's values a column
 * each), a field's own cell where it has one, and the fields only a spreadsheet's list carries, one column each.
 */
export const SHEET_COLUMNS = FIELD_NAMES.flatMap((k): SheetColumn[] => {
  const csv = CSV_FIELDS[k] as CsvField<FieldName> | null;
  const sheet = csv?.sheet;
  const google = GOOGLE_COLUMNS.find((col) => col.field === k);
  if (sheet) {
    return [
      {
        field: k,
        headings: csv?.sheetHeadings,
        list: false,
        width: () => 1,
        cells: (c, _count, words) => sheet(c[k] as never, words),
      },
    ];
  }
  return google ? [{ ...google, list: !!CSV_FIELDS[k]?.google?.count }] : [];
});
