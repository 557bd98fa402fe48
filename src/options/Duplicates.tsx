/**
 * The Data tab's "Saved twice?": everyone who may be one person saved twice (contacts/duplicates.ts), asked for by
 * the user, each group with whom to keep and one step that merges the others into them, or one that marks them as
 * different people (storage/distinct.ts: a mark on each of them), each with Undo. Counted again
 * whenever people change (a merge here, a save in the popup, a sync). In the import and export chunk, loaded with
 * the tab (import-code.ts).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type DuplicateGroup, type DuplicateReason, duplicateGroups } from '../contacts/duplicates';
import type { Contact } from '../contacts/types';
import { formatDate, jobLine, type MessageKey, t, tn } from '../platform/i18n';
import { onChange, rereads } from '../storage/changes';
import { listAll } from '../storage/contacts';
import type { DB } from '../storage/db';
import { markDistinct, pairKey, pairsOf } from '../storage/distinct';
import { attempt } from '../ui/messages';
import { ErrorLine, StepLine } from '../ui/StatusLine';
import type { OptionsState } from './state';

/** Groups shown at once: a book with more merges these first, then looks again. */
const SHOWN = 20;

const REASON: Record<DuplicateReason, MessageKey> = {
  name: 'duplicatesSameName',
  email: 'duplicatesSameEmail',
  profile: 'duplicatesSameProfile',
};

/** One person of a group, as the choice names them: name, what they do, and when they were added. */
const described = (c: Contact) =>
  [c.name, jobLine(c), t('duplicatesAdded', formatDate(c.createdAt))].filter(Boolean).join(' · ');

function Group({
  group,
  merge,
  apart,
}: {
  group: DuplicateGroup;
  merge: (keep: Contact, others: Contact[]) => Promise<void>;
  /** "Different people": the group's people marked apart, found together no more. */
  apart: (people: Contact[]) => Promise<void>;
}) {
  const id = useId();
  const [keep, setKeep] = useState((group.people[0] as Contact).id);
  const [error, setError] = useState('');
  const chosen = group.people.find((c) => c.id === keep) ?? (group.people[0] as Contact);
  return (
    <li>
      <fieldset class="duplicate">
        <legend>
          {t('duplicatesGroup', (group.people[0] as Contact).name, group.reasons.map((r) => t(REASON[r])).join(', '))}
        </legend>
        <p class="hint">{t('duplicatesKeep')}</p>
        {group.people.map((c) => (
          <label key={c.id} class="check">
            <input type="radio" name={id} value={c.id} checked={c.id === chosen.id} onChange={() => setKeep(c.id)} />
            {described(c)}
          </label>
        ))}
        <button
          type="button"
          onClick={() =>
            void attempt(
              () =>
                merge(
                  chosen,
                  group.people.filter((c) => c !== chosen),
                ),
              setError,
            )
          }
        >
          {tn('duplicatesMerge', group.people.length - 1, chosen.name)}
        </button>{' '}
        <button type="button" onClick={() => void attempt(() => apart(group.people), setError)}>
          {t('duplicatesApart')}
        </button>
        <ErrorLine text={error} />
      </fieldset>
    </li>
  );
}

export function Duplicates({ db, state }: { db: DB; state: OptionsState }) {
  const [groups, setGroups] = useState<DuplicateGroup[] | null>(null);
  const [done, setDone] = useState<{ text: string; undo: () => Promise<void> } | null>(null);
  const [error, setError] = useState('');
  const said = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // One count at a time, the last one's answer shown; asked for again by every change to people while shown.
  const [count] = useState(() =>
    rereads(async () => {
      const people = await listAll(db);
      const pairs = pairsOf(people);
      setGroups(duplicateGroups(people, (a, b) => pairs.has(pairKey(a, b))));
    }),
  );
  // Once the user has looked (groups are shown), every change to people counts them again.
  const shown = groups !== null;
  useEffect(
    () =>
      onChange(
        (change) => {
          if (change.kind === 'contacts' && shown) void count();
        },
        { from: 'all' },
      ),
    [shown],
  );
  /** A group's step taken: said with its Undo, the groups counted again. */
  async function took(text: string, undo: () => Promise<void>) {
    setError('');
    setDone({ text, undo });
    await count();
    // The group went with its button: the keyboard goes to what the step did, where its Undo is.
    said.current?.focus();
  }
  async function merge(keep: Contact, others: Contact[]) {
    const undo = await state.mergeAll(
      keep.id,
      others.map((c) => c.id),
    );
    await took(tn('duplicatesMerged', others.length, keep.name), undo);
  }
  async function apart(people: Contact[]) {
    const ids = people.map((c) => c.id);
    await markDistinct(db, ids);
    await took(t('duplicatesKeptApart', people.map((c) => c.name).join(', ')), () => markDistinct(db, ids, false));
  }
  return (
    <section class="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading" tabIndex={-1} ref={heading}>
        {t('duplicatesHeading')}
      </h2>
      <p class="hint">{t('duplicatesIntro')}</p>
      <button type="button" onClick={() => void attempt(count, setError)}>
        {t(groups ? 'duplicatesLookAgain' : 'duplicatesLook')}
      </button>
      <StepLine
        step={done}
        line={said}
        undone={async () => {
          setDone(null);
          await count();
          heading.current?.focus();
        }}
      />
      <ErrorLine text={error} />
      {groups && (
        <>
          <p class="hint" role="status" data-testid="duplicates-count">
            {groups.length ? tn('duplicatesFound', groups.length) : t('duplicatesNone')}
            {groups.length > SHOWN ? ` ${t('duplicatesFirst', SHOWN)}` : ''}
          </p>
          <ul class="duplicates">
            {groups.slice(0, SHOWN).map((g) => (
              <Group key={g.people.map((c) => c.id).join(' ')} group={g} merge={merge} apart={apart} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
