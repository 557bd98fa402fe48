/**
 * What the book knows around a captured person: the page's mutual connections that are people in the book,
 * offered as "knows" chips (stored only if the user keeps them), and who could introduce the user when the person
 * is not saved yet or never contacted. Its own chunk: the capture card draws without it, and it waits until everyone is read.
 */
import type { ProfileCapture } from '../contacts/capture';
import type { ContactDraft } from '../contacts/fields';
import { matchNames } from '../contacts/introduce';
import { jobLine, t } from '../platform/i18n';
import { Introducers } from './Introducers';
import type { PopupState } from './state';

export function CaptureExtras({
  state,
  capture,
  draft,
  kept,
  onKeep,
}: {
  state: PopupState;
  capture: ProfileCapture;
  draft: ContactDraft;
  kept: ReadonlySet<string>;
  onKeep: (id: string, on: boolean) => void;
}) {
  const book = state.contacts.value;
  const existing = state.existing.value;
  const mutual = matchNames(capture.mutuals ?? [], book).filter((c) => c.id !== existing?.id);
  return (
    <>
      {mutual.length > 0 && (
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
                onClick={() => onKeep(c.id, !on)}
              >
                {t('mutualsChip', c.name)}
              </button>
            );
          })}
        </fieldset>
      )}
      {/* Not in the book yet, or saved but never contacted: who could open the door. */}
      {!existing ? (
        <Introducers
          state={state}
          target={{
            name: capture.name,
            ...(capture.company ? { company: capture.company } : {}),
            mutual,
          }}
          person={draft}
        />
      ) : (
        existing.lastContactedAt === undefined && (
          <Introducers
            state={state}
            target={{
              ...(state.contacts.value.find((c) => c.id === existing.id) ?? existing),
              mutual,
            }}
            person={existing}
          />
        )
      )}
    </>
  );
}
