/**
 * A person's links on their contact page: introduced by, introduced you to, knows — each a link to the other
 * person's page when they are in the book, text when they are not (a link from an import whose person has not
 * arrived yet) — and the form that adds one: a name with autocomplete from the book (free text is kept as text).
 */
import { useId, useRef, useState } from 'preact/hooks';
import { sortKey } from '../contacts/normalize';
import { type LinkView, linksInBook } from '../contacts/relations';
import type { Contact, TieKind } from '../contacts/types';
import { type MessageKey, t } from '../platform/i18n';
import { keyboardIn, refocusIfLost } from '../ui/focus-lost';
import { attempt } from '../ui/messages';
import { ErrorLine, refused } from '../ui/StatusLine';
import type { PopupState } from './state';

const KIND_HEADING: Record<TieKind, MessageKey> = {
  introducedBy: 'linkIntroducedBy',
  introduced: 'linkIntroduced',
  knows: 'linkKnows',
};
const KINDS = Object.keys(KIND_HEADING) as TieKind[];

const choices = new WeakMap<readonly Contact[], Map<string, Contact>>();
/** Per set of choices, what its build folded once: each label's key, and the people under each name's key. */
const folded = new WeakMap<Map<string, Contact>, { labels: Map<string, string>; byName: Map<string, Contact[]> }>();

/**
 * The names the autocomplete offers: each person once, told apart by their company where names repeat. Built once
 * per list (the popup's list is a new array after every change), with every fold the offers and lookups need, so
 * a keystroke folds only what was typed.
 */
export function nameChoices(book: readonly Contact[]): Map<string, Contact> {
  const known = choices.get(book);
  if (known) return known;
  const byName = new Map<string, Contact[]>();
  for (const c of book) {
    const k = sortKey(c.name);
    const list = byName.get(k);
    if (list) list.push(c);
    else byName.set(k, [c]);
  }
  const out = new Map<string, Contact>();
  const labels = new Map<string, string>();
  for (const [key, list] of byName)
    for (const c of list) {
      const label = list.length === 1 ? c.name : `${c.name} (${c.company || c.role || c.id.slice(0, 8)})`;
      out.set(label, c);
      labels.set(label, list.length === 1 ? key : sortKey(label));
    }
  choices.set(book, out);
  folded.set(out, { labels, byName });
  return out;
}

/** The offers for what is typed so far: at most 20 names containing it (none before anything is typed). */
export function offersFor(all: Map<string, Contact>, typed: string, except: string): string[] {
  const want = sortKey(typed);
  const labels = folded.get(all)?.labels;
  if (!want || !labels) return [];
  const out: string[] = [];
  for (const [label, c] of all) {
    if (c.id !== except && labels.get(label)?.includes(want)) out.push(label);
    if (out.length >= 20) break;
  }
  return out;
}

/** The person a typed name names: the offer as chosen, or the one person of that name. */
export function personNamed(all: Map<string, Contact>, typed: string, except: string): Contact | undefined {
  const exact = all.get(typed.trim());
  if (exact && exact.id !== except) return exact;
  const same = (folded.get(all)?.byName.get(sortKey(typed)) ?? []).filter((c) => c.id !== except);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * A person of the book by name: a text field whose autocomplete offers the names containing what is typed (`except`
 * left out), each told apart by their company where names repeat; `personNamed` finds whom it names.
 */
export function PersonField({
  id,
  label,
  all,
  value,
  set,
  except,
  invalid,
}: {
  id: string;
  label: string;
  all: Map<string, Contact>;
  value: string;
  set: (v: string) => void;
  except: string;
  /** Why the step refused what it names: said in the form's error line, described by it. */
  invalid?: string | false;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        list={`${id}-names`}
        value={value}
        autoComplete="off"
        {...refused(invalid, `${id}-error`)}
        onInput={(e) => set(e.currentTarget.value)}
      />
      <datalist id={`${id}-names`}>
        {offersFor(all, value, except).map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
    </>
  );
}

function LinkItem({ state, c, link }: { state: PopupState; c: Contact; link: LinkView }) {
  const [error, setError] = useState('');
  const self = useRef<HTMLLIElement>(null);
  const other = link.contact;
  const remove = async () => {
    const had = keyboardIn(self.current);
    const done = await attempt(
      () =>
        other
          ? state.unlink(c.id, other.id)
          : state.update(c.id, (x) => ({
              ...x,
              related: x.related.filter(
                (r) => !(r.kind === link.kind && (link.id ? r.id === link.id : !r.id && r.name === link.name)),
              ),
            })),
      setError,
    );
    // The link is gone with its button: the keyboard goes to the links' heading, not to the page's start.
    if (done && had) await refocusIfLost(() => document.getElementById('links-heading'));
  };
  return (
    <li ref={self}>
      {other ? (
        <button type="button" class="link" onClick={() => (state.view.value = { name: 'detail', id: other.id })}>
          {link.name}
        </button>
      ) : (
        <span title={t('linkNotInBook')}>{link.name || t('linkUnknown')}</span>
      )}
      {link.note && <span class="hint"> — {link.note}</span>}{' '}
      <button
        type="button"
        class="ghost"
        aria-label={t('linkRemove', link.name || t('linkUnknown'))}
        onClick={() => void remove()}
      >
        ×
      </button>
      <ErrorLine text={error} />
    </li>
  );
}

function AddLink({ state, c }: { state: PopupState; c: Contact }) {
  const id = useId();
  const [kind, setKind] = useState<TieKind>('knows');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const all = nameChoices(state.contacts.value);
  async function add(e: Event) {
    e.preventDefault();
    const typed = name.trim();
    if (!typed) return setError(t('linkNameRequired'));
    const other = personNamed(all, typed, c.id);
    const done = await attempt(
      () =>
        other
          ? state.link(c.id, other.id, kind, note)
          : // Someone not in the book: kept as text ("introduced by" is also the free-text field).
            state.update(c.id, (x) => ({
              ...x,
              ...(kind === 'introducedBy' ? { introducedBy: typed } : {}),
              related: [...x.related, { kind, name: typed, ...(note.trim() ? { note: note.trim() } : {}) }],
            })),
      setError,
    );
    if (done) {
      setName('');
      setNote('');
    }
  }
  return (
    <form class="add-link" onSubmit={add} noValidate>
      <label for={`${id}-kind`}>{t('linkKind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as TieKind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_HEADING[k])}
          </option>
        ))}
      </select>
      <PersonField id={`${id}-name`} label={t('linkPerson')} all={all} value={name} set={setName} except={c.id} />
      <label for={`${id}-note`}>{t('linkNote')}</label>
      <input
        id={`${id}-note`}
        value={note}
        maxLength={200}
        placeholder={t('linkNotePlaceholder')}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="submit">{t('linkAdd')}</button>
      <ErrorLine text={error} />
    </form>
  );
}

export function Relationships({ state, c }: { state: PopupState; c: Contact }) {
  const links = linksInBook(c, state.contacts.value);
  return (
    <div class="card relationships">
      <h3 id="links-heading" tabIndex={-1}>
        {t('linksHeading')}
      </h3>
      {links.length === 0 && <p class="hint">{t('linksEmpty')}</p>}
      {KINDS.map((kind) => {
        const of = links.filter((l) => l.kind === kind);
        if (!of.length) return null;
        return (
          <div key={kind}>
            <h4>{t(KIND_HEADING[kind])}</h4>
            <ul class="links" data-testid={`links-${kind}`}>
              {of.map((l) => (
                <LinkItem key={l.id ?? l.name} state={state} c={c} link={l} />
              ))}
            </ul>
          </div>
        );
      })}
      <details>
        <summary>{t('linkAddHeading')}</summary>
        <AddLink state={state} c={c} />
      </details>
    </div>
  );
}
