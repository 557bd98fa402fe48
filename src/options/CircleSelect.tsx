import { circleLabel } from '../platform/circles';

/** A field choosing one of the book's circles, or none (`none`: what the empty choice says). */
export function CircleSelect({
  id,
  label,
  none,
  circles,
  value,
  onChange,
}: {
  id: string;
  label: string;
  none: string;
  circles: string[];
  value: string;
  onChange: (circle: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{none}</option>
        {circles.map((c) => (
          <option key={c} value={c}>
            {circleLabel(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
