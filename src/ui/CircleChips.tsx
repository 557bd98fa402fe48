import { circleLabel } from '../platform/circles';
import { t } from '../platform/i18n';

/** Toggle chips for the circles a person belongs to (aria-pressed buttons, reachable by Tab, toggled by Space). */
export function CircleChips({
  all,
  value,
  onChange,
}: {
  all: string[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const options = [...all, ...value.filter((c) => !all.includes(c))];
  return (
    <fieldset class="chips">
      <legend>{t('fieldCircles')}</legend>
      {options.map((c) => {
        const on = value.includes(c);
        return (
          <button
            key={c}
            type="button"
            class="chip"
            aria-pressed={on}
            onClick={() => onChange(on ? value.filter((x) => x !== c) : [...value, c])}
          >
            {circleLabel(c)}
          </button>
        );
      })}
    </fieldset>
  );
}
