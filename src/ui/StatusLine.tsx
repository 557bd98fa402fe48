/** The outcome of a form's last action: a quiet confirmation, or an error read out by screen readers. */
export type Status = { ok: boolean; text: string } | null;

export function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <p class={status.ok ? 'hint ok' : 'error'} role="status">
      {status.text}
    </p>
  );
}
