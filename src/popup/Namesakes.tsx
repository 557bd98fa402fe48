/**
 * Below the manual form: who is saved under the name typed already (folded as the matching rule folds names), with
 * their page one click away, said before a second record is made. A namesake may be someone else, so Save still
 * adds a new person. In the later chunk: the form draws without it.
 */
import { useEffect, useState } from 'preact/hooks';
import { sortKey } from '../contacts/normalize';
import type { Contact } from '../contacts/types';
import { jobLine, t } from '../platform/i18n';
import type { PopupState } from './state';

export function Namesakes({ state, name }: { state: PopupState; name: string }) {
  const key = sortKey(name);
  const [found, setFound] = useState<{ key: string; people: Contact[] }>({ key: '', people: [] });
  useEffect(() => {
    if (!key) return;
    let live = true;
    // Asked once the typing pauses; an answer for a name since changed is not shown, nor is a failed read (the
    // form works without it).
    const ask = () => state.namesakes(name).then((people) => live && setFound({ key, people }), console.error);
    const wait = setTimeout(() => void ask(), 250);
    return () => {
      live = false;
      clearTimeout(wait);
    };
  }, [key]);
  if (found.key !== key || !found.people.length) return null;
  return (
    <p class="hint namesakes" role="status">
      {t('namesakes')}{' '}
      {found.people.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ', '}
          <button type="button" class="link" onClick={() => (state.view.value = { name: 'detail', id: c.id })}>
            {jobLine(c) ? t('namesake', c.name, jobLine(c)) : c.name}
          </button>
        </span>
      ))}
    </p>
  );
}
