import { useRef, useState } from 'preact/hooks';
import { circleLabel } from '../platform/circles';
import { t } from '../platform/i18n';
import { keyboardIn, refocusIfLost } from '../ui/focus-lost';
import { ErrorLine } from '../ui/StatusLine';

/**
 * The user's circles: add, rename, remove. A rename is applied to every person in that circle when the settings
 * are saved (`renames`: the stored name → the new one).
 */
export function CirclesEditor({
  circles,
  onChange,
}: {
  circles: string[];
  onChange: (circles: string[], rename?: { from: string; to: string }) => void;
}) {
  const [newCircle, setNewCircle] = useState('');
  const [editing, setEditing] = useState<{ circle: string; text: string } | null>(null);
  /** Why a name was not taken (a circle of that name exists): the typed name stays, so nothing is lost. */
  const [problem, setProblem] = useState('');
  // Where the keyboard goes once the control it was on is gone: a rename field closed by Enter or Escape gives it
  // back to that circle's ✎; a circle removed gives it to the × of the circle taking its place (else the one
  // before it, else the new circle's field).
  const self = useRef<HTMLFieldSetElement>(null);
  const backTo = (circle: string | undefined, to: 'rename' | 'remove') =>
    refocusIfLost(() =>
      circle === undefined
        ? self.current?.querySelector<HTMLElement>('#new-circle')
        : [...(self.current?.querySelectorAll('li') ?? [])]
            .find((l) => l.dataset.circle === circle)
            ?.querySelector<HTMLElement>(`[data-to="${to}"]`),
    );
  const taken = (name: string, except?: string) =>
    circles.some(
      (c) =>
        c !== except && (c.toLowerCase() === name.toLowerCase() || circleLabel(c).toLowerCase() === name.toLowerCase()),
    );

  function add() {
    const name = newCircle.trim();
    if (name && taken(name)) return setProblem(t('circleTaken', name));
    if (name) onChange([...circles, name]);
    setNewCircle('');
  }

  function finishRename() {
    if (!editing) return;
    const to = editing.text.trim();
    if (to && to !== circleLabel(editing.circle) && taken(to, editing.circle)) setProblem(t('circleTaken', to));
    else if (to && to !== circleLabel(editing.circle))
      onChange(
        circles.map((c) => (c === editing.circle ? to : c)),
        { from: editing.circle, to },
      );
    setEditing(null);
  }

  return (
    <fieldset class="circles-editor" ref={self}>
      <legend>{t('fieldCircles')}</legend>
      <p class="hint">{t('settingsCirclesHint')}</p>
      <ul>
        {circles.map((c) => (
          <li key={c} data-circle={c}>
            {editing?.circle === c ? (
              <label class="grow">
                <span class="visually-hidden">{t('renameCircleTo', circleLabel(c))}</span>
                <input
                  value={editing.text}
                  maxLength={40}
                  // biome-ignore lint/a11y/noAutofocus: the field the user just asked for
                  autoFocus
                  onInput={(e) => {
                    setEditing({ circle: c, text: e.currentTarget.value });
                    setProblem('');
                  }}
                  onBlur={finishRename}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      const to = editing.text.trim();
                      void backTo(to && to !== circleLabel(c) && !taken(to, c) ? to : c, 'rename');
                      finishRename();
                    } else if (e.key === 'Escape') {
                      e.preventDefault();
                      void backTo(c, 'rename');
                      setEditing(null);
                    }
                  }}
                />
              </label>
            ) : (
              <>
                <span>{circleLabel(c)}</span>
                <button
                  type="button"
                  class="ghost"
                  data-to="rename"
                  aria-label={t('renameCircle', circleLabel(c))}
                  onClick={() => setEditing({ circle: c, text: circleLabel(c) })}
                >
                  ✎
                </button>
              </>
            )}
            <button
              type="button"
              class="ghost"
              data-to="remove"
              aria-label={t('removeCircle', circleLabel(c))}
              onClick={(e) => {
                if (keyboardIn(e.currentTarget)) {
                  const at = circles.indexOf(c);
                  void backTo(circles[at + 1] ?? circles[at - 1], 'remove');
                }
                onChange(circles.filter((x) => x !== c));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="field-row">
        <div class="field">
          <label for="new-circle">{t('addCircle')}</label>
          <input
            id="new-circle"
            value={newCircle}
            maxLength={40}
            aria-invalid={!!problem && !editing}
            onInput={(e) => {
              setNewCircle(e.currentTarget.value);
              setProblem('');
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" class="add-circle" onClick={add}>
          {t('addCircleButton')}
        </button>
      </div>
      <ErrorLine text={problem} />
    </fieldset>
  );
}
