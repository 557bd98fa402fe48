import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import {
  applyValues,
  type ContactDraft,
  type EditField,
  type FieldValues,
  FORM_FIELDS,
  MORE_FIELDS,
} from '../contacts/fields';
import type { Birthday } from '../contacts/types';
import { formatDate, t } from '../platform/i18n';
import { FieldControls } from '../ui/FieldControls';
import { type FormValue, type FormValues, fromForm, lines } from '../ui/field-form';
import { lazyComponent } from '../ui/lazy';
import { errorMessage } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import { TypedBack } from '../ui/TypedBack';
import { useFieldForm, useRefusal } from '../ui/useFieldForm';
import { later } from './load-later';

interface Props {
  initial: ContactDraft;
  circles: string[];
  /**
   * How often to get in touch with someone new (the settings' cadence): what the form shows for a draft without a
   * cadence of its own (a page's, a blank form's); someone saved shows theirs.
   */
  defaultCadence: number | null;
  submitLabel: string;
  /**
   * The draft (what the form started from, its values applied) and the values of the fields the user changed from
   * what the form shows as given (a cleared field is undefined), for a form that edits someone saved.
   */
  onSubmit: (draft: ContactDraft, values: FieldValues) => Promise<void>;
  autoFocus?: boolean;
  /**
   * Values that came later (the page answered while the user typed; what is stored after a save): they fill only
   * fields the user has not touched.
   */
  fill?: ContactDraft;
  /** The user typed into the form. */
  onInput?: () => void;
  /** A way back without saving, beside Save (the form that is a view of its own). */
  onCancel?: () => void;
  /**
   * The form starts from the page's address as the person's link (a page without a person): it says so, and the
   * link can be left out.
   */
  showLink?: boolean;
  /**
   * Where the links come from, where not the page: its site (its home page, a legal notice's), or the text the user
   * selected (all its links, said and left out together). The form says so.
   */
  linkFrom?: 'site' | 'text';
  /** Drawn above Save, given the name in the form as typed (the manual form's namesakes). */
  aside?: (name: string) => ComponentChildren;
  /**
   * The form's name for what is typed into it (ui/typed.ts): a popup closed before Save gives it back the next time
   * a form of this name is shown.
   */
  keep?: string;
}

/** How the form says where its links come from, and how it offers to leave them out. */
const LINK_WORDS = {
  page: ['formLink', 'formLinkLeaveOut'],
  site: ['formSiteLink', 'formSiteLinkLeaveOut'],
  text: ['formTextLinks', 'formTextLinksLeaveOut'],
} as const;

/** The name of the form about the page at this address, for what is typed into it (`keep`). */
export const pageForm = (url: string | undefined) => (url ? `page ${url}` : undefined);

/** The fold's birthday, from the later code: the fold is drawn only once unfolded (below). */
const FOLD_CONTROLS = { birthday: lazyComponent(() => later().then((m) => m.BirthdayField)) };

/** A field of the fold (email, phone, birthday). */
const inFold = (k: EditField) => (MORE_FIELDS as readonly EditField[]).includes(k);

/**
 * What the closed fold holds, on one line for its summary (emails and phone numbers as typed, the birthday as a
 * date): what a late page answer put there (a legal notice's email and phone) or the book holds is in sight before
 * Save, the fold closed.
 */
function foldHolds(form: FormValues): string {
  // The birthday as a save would read it (a day that cannot be is not shown, as it would not be saved).
  const read = fromForm(['birthday'], form);
  const day = read.ok ? (read.values.birthday as Birthday | undefined) : undefined;
  return [
    ...lines(String(form.emails ?? '')),
    ...lines(String(form.phones ?? '')),
    ...(day
      ? [
          formatDate(Date.UTC(day.year ?? 2000, day.month - 1, day.day), {
            day: 'numeric',
            month: 'long',
            year: day.year ? 'numeric' : undefined,
            timeZone: 'UTC',
          }),
        ]
      : []),
  ].join(', ');
}

/** A draft as the form shows it: without a cadence of its own, with the one new people get. */
const withCadence = <D extends ContactDraft | undefined>(d: D, days: number | null): D =>
  d && d.cadenceDays === undefined ? { ...d, cadenceDays: days } : d;

/** Both kinds of the short form's fields, in the order the form shows them. */
const FIELDS: readonly EditField[] = [...FORM_FIELDS, ...MORE_FIELDS];

/**
 * The short form of capture and quick add (the field table's form fields: name, role, company, …), and folded below
 * them what a page does not give (email, phone, birthday), for someone added by hand or a captured person whose
 * number the user has; Enter in any single-line field saves.
 */
export function ContactForm({
  initial,
  circles,
  defaultCadence,
  submitLabel,
  onSubmit,
  autoFocus,
  fill,
  onInput,
  onCancel,
  showLink,
  linkFrom,
  aside,
  keep,
}: Props) {
  const { form, setForm, changed, restored, givenBack, done, discard } = useFieldForm(
    FIELDS,
    withCadence(initial, defaultCadence),
    withCadence(fill, defaultCadence),
    keep,
  );
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const links = showLink ? (initial.profiles ?? []).slice(0, linkFrom === 'text' ? undefined : 1) : [];
  const [linkLeftOut, setLinkLeftOut] = useState(false);
  // The folded fields are drawn only once unfolded: the capture card is drawn on the popup's critical path, and the
  // fold held half its controls (a month list formatted twelve times among them). It starts unfolded when it holds
  // what the user typed before, given back, so nothing given back is out of sight.
  // Open too when the form starts with something in the fold from a page (a legal notice's email and phone), so
  // nothing saved is out of sight; not for someone saved, whose own values (`fill`) it shows.
  const [more, setMore] = useState(
    () =>
      givenBack.some(inFold) ||
      (!fill &&
        MORE_FIELDS.some((k) => {
          const v = initial[k];
          return Array.isArray(v) ? v.length > 0 : !!v;
        })),
  );
  const self = useRef<HTMLFormElement>(null);
  const refusal = useRefusal(self);
  const change = (k: EditField, v: FormValue) => {
    onInput?.();
    refusal.changed(k);
    setForm((f) => ({ ...f, [k]: v }));
  };

  const held = more ? '' : foldHolds(form);

  /** What both lists of controls (the fields, the fold's) are drawn from. */
  const controls = { form, onChange: change, circles, invalid: refusal.invalid };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const read = fromForm(FIELDS, form, undefined, initial);
    setError('');
    if (!read.ok) {
      // A refused value in the fold: unfolded, so the focus can go to it.
      if (inFold(read.field)) setMore(true);
      return refusal.refuse(read.field, t(read.error, ...(read.subs ?? [])));
    }
    setBusy(true);
    try {
      // What the form does not show (the page's profile link and photo) stays as the draft had it.
      const from = fill ? { ...initial, ...fill } : initial;
      const kept = linkLeftOut
        ? { ...from, profiles: from.profiles?.filter((p) => !links.some((l) => l.url === p.url)) }
        : from;
      await onSubmit(applyValues(kept, read.values), changed(read.values));
      done();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="contact-form" onSubmit={submit} noValidate ref={self}>
      {restored && <TypedBack onDiscard={discard} />}
      {links.length > 0 && !linkLeftOut && (
        <p class="hint form-link">
          <span>
            {t(LINK_WORDS[linkFrom ?? 'page'][0], links.map((l) => l.url.replace(/^https?:\/\//, '')).join(', '))}
          </span>{' '}
          <button
            type="button"
            class="ghost"
            aria-label={t(LINK_WORDS[linkFrom ?? 'page'][1])}
            onClick={() => {
              setLinkLeftOut(true);
              // The button goes with the line: the keyboard's focus goes to the form's first field.
              self.current?.querySelector('input')?.focus();
            }}
          >
            ×
          </button>
        </p>
      )}
      <FieldControls fields={FORM_FIELDS} {...controls} autoFocus={autoFocus} />
      <details class="contact-form__more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
        <summary>
          {t('formMore')}
          {held && <span class="contact-form__held">: {held}</span>}
        </summary>
        {more && <FieldControls fields={MORE_FIELDS} {...controls} extra={FOLD_CONTROLS} />}
      </details>
      {aside?.(String(form.name ?? ''))}
      <ErrorLine text={error} />
      <div class="contact-form__actions">
        {/* Not disabled while saving: a disabled button loses the keyboard's focus (to the page's start). */}
        <button type="submit" class="primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
        {onCancel && (
          <button
            type="button"
            class="ghost"
            onClick={() => {
              done();
              onCancel();
            }}
          >
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
