/**
 * The values of editable fields as a form holds them (text in inputs), and back: pure, so the rules are tested
 * without rendering. Which fields there are, and of what kind, comes from the field table (contacts/fields.ts).
 */
import { type EditField, FIELDS, type FieldValues } from '../contacts/fields';
import { isEmailAddress, isPhoneNumber } from '../contacts/normalize';
import { safeHttpUrl } from '../contacts/profile-url';
import type { Birthday, Contact, ProfileLink } from '../contacts/types';
import { toBirthday } from '../contacts/validate';
import type { MessageKey } from '../platform/i18n';

export interface BirthdayInput {
  day: string;
  month: string;
  year: string;
}

/** What a form holds for each kind of field. */
export type FormValue = string | string[] | ProfileLink[] | number | boolean | null | BirthdayInput;
export type FormValues = Partial<Record<EditField, FormValue>>;

/** The oldest birth year accepted: earlier ones are typing mistakes. */
export const MIN_BIRTH_YEAR = 1900;

/** A list field's lines as the form holds them (emails, phones: one per line), trimmed, empty ones left out. */
export const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Two form values alike (text, lists, a birthday's parts, a cadence). */
const same = (a: FormValue | undefined, b: FormValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form after what it shows changed under it (a late page answer, the record saved elsewhere): the fields still as
 * they were shown (`before`) take the new values; what the user changed stays.
 */
export function followValues(
  fields: readonly EditField[],
  form: FormValues,
  before: FormValues,
  after: FormValues,
): FormValues {
  const next = { ...form };
  for (const k of fields) if (same(form[k], before[k])) next[k] = after[k];
  return next;
}

/**
 * Of the values read back from a form, those of the fields the user changed from what it shows as stored (`base`):
 * what a save of someone saved writes, so it never undoes what was written meanwhile. A cleared field is in it
 * (undefined).
 */
export function changedValues(
  fields: readonly EditField[],
  form: FormValues,
  base: FormValues,
  values: FieldValues,
): FieldValues {
  return Object.fromEntries(changedKeys(fields, form, base).map((k) => [k, values[k]]));
}

/** The fields whose form value the user changed from what the form shows as given (`base`). */
export const changedKeys = (fields: readonly EditField[], form: FormValues, base: FormValues) =>
  fields.filter((k) => !same(form[k], base[k]));

/** The form's starting values for these fields of a contact or draft. */
export function toForm(fields: readonly EditField[], c: Partial<Contact>): FormValues {
  const form: FormValues = {};
  for (const k of fields) {
    const v = c[k];
    switch (FIELDS[k].kind) {
      case 'emails':
      case 'phones':
        form[k] = ((v as string[] | undefined) ?? []).join('\n');
        break;
      case 'circles':
      case 'profiles':
        form[k] = (v as string[] | ProfileLink[] | undefined) ?? [];
        break;
      case 'birthday': {
        const b = v as Birthday | undefined;
        form[k] = { day: b ? String(b.day) : '', month: b ? String(b.month) : '', year: b?.year ? String(b.year) : '' };
        break;
      }
      case 'cadence':
        form[k] = (v as number | null | undefined) ?? null;
        break;
      case 'flag':
        form[k] = v === true;
        break;
      default:
        form[k] = (v as string | undefined) ?? '';
    }
  }
  return form;
}

/** A refusal names its field and says why, with what it refused where one line of several was (`subs`). */
export type FormResult =
  | { ok: true; values: FieldValues }
  | { ok: false; field: EditField; error: MessageKey; subs?: [string] };

/**
 * Reads a form back into field values, refusing what cannot be stored with the field and a message. A value of
 * undefined means the field is cleared. What is `stored` already (a phone line an earlier version imported, "privat")
 * is not refused: the user's other edits are saved, and the line goes when they remove it.
 */
export function fromForm(
  fields: readonly EditField[],
  form: FormValues,
  now = Date.now(),
  stored: { phones?: readonly string[] } = {},
): FormResult {
  const values: FieldValues = {};
  for (const k of fields) {
    const v = form[k];
    switch (FIELDS[k].kind) {
      case 'name': {
        const name = String(v ?? '').trim();
        if (!name) return { ok: false, field: k, error: 'errorNameRequired' };
        values[k] = name;
        break;
      }
      case 'url': {
        const url = String(v ?? '').trim();
        if (url && !safeHttpUrl(url)) return { ok: false, field: k, error: 'errorWebAddress' };
        values[k] = url || undefined;
        break;
      }
      case 'emails': {
        const emails = lines(String(v ?? ''));
        const bad = emails.find((e) => !isEmailAddress(e));
        if (bad !== undefined) return { ok: false, field: k, error: 'errorEmail', subs: [bad] };
        values[k] = emails;
        break;
      }
      case 'phones': {
        // A line without a digit ("privat") is no number to call: the import leaves it out, the form refuses it.
        const phones = lines(String(v ?? ''));
        const bad = phones.find((p) => !isPhoneNumber(p) && !stored.phones?.includes(p));
        if (bad !== undefined) return { ok: false, field: k, error: 'errorPhone', subs: [bad] };
        values[k] = phones;
        break;
      }
      case 'circles':
      case 'profiles':
        values[k] = v ?? [];
        break;
      case 'birthday': {
        const b = v as BirthdayInput | undefined;
        if (!b || (!b.day.trim() && !b.month.trim() && !b.year.trim())) {
          values[k] = undefined;
          break;
        }
        const year = b.year.trim() ? Number(b.year) : undefined;
        const birthday = toBirthday({ day: Number(b.day), month: Number(b.month), year });
        const thisYear = new Date(now).getFullYear();
        if (!birthday || (year !== undefined && (!birthday.year || year < MIN_BIRTH_YEAR || year > thisYear)))
          return { ok: false, field: k, error: 'errorBirthday' };
        values[k] = birthday;
        break;
      }
      case 'cadence':
        values[k] = v ?? null;
        break;
      case 'flag':
        values[k] = v === true || undefined;
        break;
      case 'note':
        values[k] = String(v ?? '');
        break;
      default:
        values[k] = String(v ?? '').trim() || undefined;
    }
  }
  return { ok: true, values };
}
