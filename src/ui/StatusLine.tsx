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
