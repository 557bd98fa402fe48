import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { attempt } from './messages';

/** The outcome of a form's last action: a quiet confirmation, or an error read out at once by screen readers. */
export type Status = { ok: boolean; text: string } | null;

export function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  if (!status.ok) return <ErrorLine text={status.text} />;
  return (
    <p class="hint ok" role="status">
      {status.text}
    </p>
  );
}

/** An error, announced as an alert; nothing when there is none. `id`: a field it is about points to it. */
export function ErrorLine({ text, id }: { text: string | undefined; id?: string }) {
  if (!text) return null;
  return (
    <p class="error" role="alert" id={id}>
      {text}
    </p>
  );
}

/**
 * A control's part in a refusal (`invalid`: the message, shown below it by ErrorLine with `id`; or true when the
 * form says why elsewhere): marked, and described by the message.
 */
export const refused = (invalid: string | boolean | undefined, id: string) =>
  invalid
    ? { 'aria-invalid': 'true' as const, ...(typeof invalid === 'string' ? { 'aria-describedby': id } : {}) }
    : {};

/**
 * The last step taken (a contact logged, a group merged…), said with its Undo. A failed undo is said below it, and
 * the step stays, to try again; `undone` runs after one that worked (its button is gone: the focus goes somewhere).
 * `line`: the step's line, for the focus to go to it once taken.
 */
export function StepLine({
  step,
  undone,
  line,
  class: box = '',
}: {
  step: { text: string; undo: () => Promise<void> } | null;
  undone: () => unknown;
  line?: Ref<HTMLParagraphElement>;
  class?: string;
}) {
  const [error, setError] = useState('');
  // What a failed undo said goes with its step.
  useEffect(() => setError(''), [step]);
  const undo = async () => {
    if (step && (await attempt(step.undo, setError))) await undone();
  };
  return (
    <>
      {step && (
        <p class={`hint ok ${box}`.trim()} role="status" tabIndex={-1} ref={line}>
          {step.text}{' '}
          <button type="button" onClick={() => void undo()}>
            {t('undo')}
          </button>
        </p>
      )}
      <ErrorLine text={error} />
    </>
  );
}
