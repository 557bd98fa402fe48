/** Saves text as a file through the browser's own download (a blob: URL; nothing leaves the machine). */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "reconnect-2026-11-27.vcf" in the user's local date. */
export function datedName(ext: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `reconnect-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}.${ext}`;
}
