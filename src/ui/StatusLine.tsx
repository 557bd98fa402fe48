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

/** An error, announced as an alert; nothing when there is none. */
export function ErrorLine({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}
