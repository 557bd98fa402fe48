import { t } from '../platform/i18n';
import { StoreError } from '../storage/errors';

/** A clear, localised sentence for anything opening the store or writing to it can throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof StoreError) {
    if (e.code === 'quota') return t('errorQuota');
    if (e.code === 'conflict') return t('errorConflict');
    if (e.code === 'notFound') return t('errorNotFound');
    if (e.code === 'corrupt') return t('errorCorrupt');
    if (e.code === 'unavailable') return t('errorOpen', e.message);
    return t('errorFailed', e.message);
  }
  return t('errorFailed', e instanceof Error ? e.message : String(e));
}

/**
 * Runs what the user asked for and says how it went: `say('')` once it is done, the error's sentence when it failed
 * (never an unhandled rejection while the view looks as if nothing happened). True when it was done.
 */
export async function attempt(work: () => Promise<unknown>, say: (error: string) => void): Promise<boolean> {
  try {
    await work();
    say('');
    return true;
  } catch (e) {
    say(errorMessage(e));
    return false;
  }
}

/**
 * A message above everything on the page, outside the rendered app: for when the app could not start, or can no
 * longer use the database. Set as text, never as HTML.
 */
export function showFatal(text: string): void {
  const p = document.createElement('p');
  p.className = 'error banner';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  document.body.prepend(p);
}
