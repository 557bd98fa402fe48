/**
 * Who is saved under the name typed or captured already (folded as the matching rule folds names), said before a
 * second record is made: below the manual form, with their page one click away; on the capture card of someone not
 * in the book, with a button that adds the page's profile to them instead (the same person on another network:
 * their company written another way there, so nothing matched). A namesake may be someone else, so Save still adds
 * a new person. On a contact's page, someone else saved under the name is offered to merge into it, and so is
 * anyone chosen by name (the same person under another name). In the later chunk: the form and the card draw
 * without it.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { ContactDraft } from '../contacts/fields';
import { pageKeys } from '../contacts/match';
import { sortKey } from '../contacts/normalize';
import { pageLink } from '../contacts/profile-url';
import type { Contact } from '../contacts/types';
import { jobLine, t, tn } from '../platform/i18n';
import { attempt } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import { nameChoices, offersFor, PersonField, personNamed } from './Relationships';
import type { PopupState } from './state';

/**
 * The people saved under `name`, asked once the typing pauses (`wait` ms), and again when `again` changes; none
 * while a newer name is asked. `of`: the saved person they are asked for (those marked as someone else left out).
 */
function useNamesakes(state: PopupState, name: string, wait: number, again: unknown = 0, of?: string): Contact[] {
  const key = sortKey(name);
  const [found, setFound] = useState<{ key: string; people: Contact[] }>({ key: '', people: [] });
  useEffect(() => {
    if (!key) return;
    let live = true;
    // An answer for a name since changed is not shown, nor is a failed read (the form works without it).
    const ask = () => state.namesakes(name, of).then((people) => live && setFound({ key, people }), console.error);
    const timer = setTimeout(() => void ask(), wait);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, again, of]);
  return found.key === key ? found.people : [];
}

/** A namesake as the line names them: with what they do, which tells two of one name apart. */
const named = (c: Contact) => (jobLine(c) ? t('namesake', c.name, jobLine(c)) : c.name);

export function Namesakes({ state, name }: { state: PopupState; name: string }) {
  const people = useNamesakes(state, name, 250);
  if (!people.length) return null;
  return (
    <p class="hint namesakes" role="status">
      {t('namesakes')} <PeopleLinks state={state} people={people} />
    </p>
  );
}

/** People named one after another, each with what they do, each a click from their page. */
function PeopleLinks({ state, people }: { state: PopupState; people: Contact[] }) {
  return (
    <>
      {people.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ', '}
          <button type="button" class="link" onClick={() => (state.view.value = { name: 'detail', id: c.id })}>
            {named(c)}
          </button>
        </span>
      ))}
    </>
  );
}

/**
 * The people saved with the page's address when several have it (a company's website), so none of them is the
 * page's: named above its form, each a click from their page.
 */
export function PageHolders({ state }: { state: PopupState }) {
  const url = state.page.value?.url;
  const link = url && pageLink(url);
  const people = link ? holdersNow(state, link.url) : [];
  const more = (state.sharing.value?.count ?? 0) - (state.sharing.value?.people.length ?? 0);
  if (!people.length) return null;
  return (
    <p class="hint namesakes" data-testid="page-holders">
      {t('pageHolders')} <PeopleLinks state={state} people={people} />
      {more > 0 && ` ${tn('digestMore', more)}`}
    </p>
  );
}

/**
 * The people saved with `url` as the page found them (state.sharing), as the list has them now: one deleted
 * meanwhile, or whose link to the page was taken out, is named no more.
 */
function holdersNow(state: PopupState, url: string): Contact[] {
  return (state.sharing.value?.people ?? []).flatMap((c) => {
    const now = state.person(c.id);
    return now ? (now.profiles.some((p) => p.url === url) ? [now] : []) : state.complete.value ? [] : [c];
  });
}

/**
 * On the capture card of someone not in the book, on a page of no known site: who is saved with the page's address
 * under another name (a homepage whose name is written otherwise than saved, or that changed), each with "This is
 * …", which makes the card theirs (what the page says otherwise is then offered, as for anyone saved: "Update from
 * page"). Someone else who has the address (a colleague on the company's website) is left alone: Save adds the
 * page's person. `onAdded` hears of the step.
 */
export function CaptureHolders({
  state,
  draft,
  onAdded,
}: {
  state: PopupState;
  draft: ContactDraft;
  onAdded: () => void;
}) {
  const url = draft.profiles?.[0]?.url;
  return (
    <NamesakeSteps
      people={url ? holdersNow(state, url) : []}
      class="hint namesakes"
      ask={t('captureHolders')}
      label={(who) => t('captureIsHolder', who)}
      step={cardBecomes(state, draft, onAdded)}
    />
  );
}

/**
 * The capture card's step to someone saved: the page's profile added to them, and the card theirs from then on.
 * Only the profile: what else the page says otherwise (a company written another way) the card offers next, as for
 * anyone saved ("Update from page"), not taken unasked. A web address keeps the name its page gives them where it is
 * not theirs (ProfileLink.named), so the page finds them at the next open too.
 */
const cardBecomes = (state: PopupState, draft: ContactDraft, onAdded: () => void) => async (c: Contact) => {
  const page = draft.name.trim();
  const profiles = (draft.profiles ?? []).map((p) =>
    p.site === 'web' && page && pageKeys([p], page)[0] !== pageKeys([p], c.name)[0] ? { ...p, named: page } : p,
  );
  await state.mergeKnown(c.id, { name: c.name, profiles });
  onAdded();
};

/**
 * Namesakes offered a step each (a button per person, named with what they do), under a line that asks; a step that
 * fails is said below them, and they stay offered.
 */
function NamesakeSteps({
  people,
  class: box,
  ask,
  label,
  step,
}: {
  people: Contact[];
  class: string;
  ask: string;
  label: (named: string) => string;
  step: (c: Contact) => Promise<unknown>;
}) {
  const [error, setError] = useState('');
  if (!people.length) return null;
  return (
    <div class={box}>
      <p class={box.startsWith('card') ? 'hint' : undefined}>{ask}</p>
      <div class="row-actions">
        {people.map((c) => (
          <button key={c.id} type="button" onClick={() => void attempt(() => step(c), setError)}>
            {label(named(c))}
          </button>
        ))}
      </div>
      <ErrorLine text={error} />
    </div>
  );
}

/**
 * On the capture card of someone not in the book: who is saved under their name (`name`: as the card's form has it,
 * the page's or typed over it), each with "Add this profile to …" (the page's profile added to them; the card then
 * knows them). `onAdded` hears of it.
 */
export function CaptureNamesakes({
  state,
  name,
  draft,
  onAdded,
}: {
  state: PopupState;
  name: string;
  draft: ContactDraft;
  onAdded: () => void;
}) {
  return (
    <NamesakeSteps
      // The page's name is asked at once; a name typed over it once the typing pauses.
      people={useNamesakes(state, name, name === draft.name ? 0 : 250)}
      class="hint namesakes"
      ask={t('captureNamesakes')}
      label={(who) => t('captureAddTo', who)}
      step={cardBecomes(state, draft, onAdded)}
    />
  );
}

/**
 * Two records of one person made one: `other`'s, merged into `c` (this page's values where both have one), with
 * Undo, which takes back only what the merge brought.
 */
async function mergeInto(state: PopupState, c: Contact, other: Contact): Promise<void> {
  const actions = await state.actions();
  const done = await actions.merge(c.id, other.id);
  await state.refresh(done.touched);
  state.offerUndo(t('mergedToast', other.name), async () => state.refresh(await actions.unmerge(done)));
}

/**
 * On a contact's page: someone else saved under the same name, with "Merge … into this contact" (the same person
 * saved twice: both records become this one, with Undo). Asked again whenever this person changes.
 */
export function MergeNamesakes({ state, c }: { state: PopupState; c: Contact }) {
  return (
    <NamesakeSteps
      people={useNamesakes(state, c.name, 0, c.updatedAt, c.id).filter((o) => o.id !== c.id)}
      class="card namesakes"
      ask={t('detailNamesakes')}
      label={(who) => t('mergeInto', who)}
      step={async (other) => {
        await mergeInto(state, c, other);
        // The button goes with the person merged (once they are asked for again): the focus goes to the page's
        // heading, near which it was, rather than to the page's start.
        document.getElementById('detail-heading')?.focus();
      }}
    />
  );
}

/**
 * On a contact's page, folded: the same person saved twice under names that differ ("Anna" and "Anna Alt", a
 * maiden name), which MergeNamesakes cannot find. The other record is chosen by name from the book (the
 * autocomplete tells namesakes apart by their company); a name that is no one else's, or several people's, is
 * refused with what to do, and nothing is merged.
 */
export function MergeOther({ state, c }: { state: PopupState; c: Contact }) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const all = nameChoices(state.contacts.value);
  async function merge(e: Event) {
    e.preventDefault();
    const typed = name.trim();
    const other = typed ? personNamed(all, typed, c.id) : undefined;
    if (!other) {
      setError(
        !typed
          ? t('mergeOtherRequired')
          : offersFor(all, typed, c.id).length
            ? t('mergeOtherChoose', typed)
            : t('mergeOtherUnknown', typed),
      );
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    if (await attempt(() => mergeInto(state, c, other), setError)) setName('');
  }
  return (
    <details class="card merge-other">
      <summary>{t('mergeOtherHeading')}</summary>
      <form onSubmit={(e) => void merge(e)} noValidate>
        <p class="hint">{t('mergeOtherHint')}</p>
        <PersonField
          id={`${id}-name`}
          label={t('mergeOtherPerson')}
          all={all}
          value={name}
          set={(v) => {
            setName(v);
            setError('');
          }}
          except={c.id}
          invalid={error}
        />
        <button type="submit">{t('mergeOtherButton')}</button>
        <ErrorLine text={error} id={`${id}-name-error`} />
      </form>
    </details>
  );
}
