/**
 * What the book knows around a captured person: the page's mutual connections that are people in the book,
 * offered as "knows" chips above the card's Save (stored only if the user keeps them, with the save), and who could
 * introduce the user when the person is not saved yet or never contacted, below the card's form. In the later
 * chunk: the capture card draws without them, and they wait until everyone is read.
 */
import { useLayoutEffect } from 'preact/hooks';
import type { ProfileCapture } from '../contacts/capture';
import type { ContactDraft } from '../contacts/fields';
import { matchNames } from '../contacts/introduce';
import { jobLine, t } from '../platform/i18n';
import { keepTyped, typedFor } from '../ui/typed';
import { Introducers } from './Introducers';
import type { PopupState } from './state';

/** The page's mutual connections who are in the book (not the person themselves). */
function mutualsOf(state: PopupState, capture: ProfileCapture) {
  const existing = state.existing.value;
  return matchNames(capture.mutuals ?? [], state.contacts.value).filter((c) => c.id !== existing?.id);
}

/** The mutual connections as "knows" chips, drawn in the card's form above its Save, which links those ticked. */
export function MutualChips({
  state,
  capture,
  knows,
  kept,
  chips,
  onKept,
}: {
  state: PopupState;
  capture: ProfileCapture;
  /** The name the chips ticked are kept under (ui/typed.ts), beside the card's typing. */
  knows: string | undefined;
  kept: ReadonlySet<string>;
  /** Set to the people drawn as chips: the card's save links only those. */
  chips: { current: ReadonlySet<string> };
  onKept: (kept: ReadonlySet<string>) => void;
}) {
  const mutual = mutualsOf(state, capture);
  chips.current = new Set(mutual.map((c) => c.id));
  // Ticked before the popup closed (a click outside closes it): given back ticked, as the form's typing is.
  useLayoutEffect(() => {
    const ids = knows ? typedFor(knows)?.ids : undefined;
    const given = Array.isArray(ids) ? ids.filter((id) => chips.current.has(id)) : [];
    if (given.length) onKept(new Set(given));
  }, []);
  function keep(id: string, on: boolean) {
    const next = new Set(kept);
    if (on) next.add(id);
    else next.delete(id);
    onKept(next);
    if (knows) keepTyped(knows, next.size ? { ids: [...next] } : {});
  }
  if (!mutual.length) return null;
  return (
    <fieldset class="chips mutuals">
      <legend>{t('mutualsLegend')}</legend>
      <p class="hint">{t('mutualsHint')}</p>
      {mutual.map((c) => {
        const on = kept.has(c.id);
        return (
          <button
            key={c.id}
            type="button"
            class="chip"
            aria-pressed={on}
            title={jobLine(c) || undefined}
            onClick={() => keep(c.id, !on)}
          >
            {t('mutualsChip', c.name)}
          </button>
        );
      })}
    </fieldset>
  );
}

/** Not in the book yet, or saved but never contacted: who could open the door. */
export function CaptureExtras({
  state,
  capture,
  draft,
}: {
  state: PopupState;
  capture: ProfileCapture;
  draft: ContactDraft;
}) {
  const existing = state.existing.value;
  const mutual = mutualsOf(state, capture);
  if (!existing)
    return (
      <Introducers
        state={state}
        target={{ name: capture.name, ...(capture.company ? { company: capture.company } : {}), mutual }}
        person={draft}
      />
    );
  if (existing.lastContactedAt !== undefined) return null;
  return (
    <Introducers
      state={state}
      target={{ ...(state.contacts.value.find((c) => c.id === existing.id) ?? existing), mutual }}
      person={existing}
    />
  );
}
