import { useState } from 'preact/hooks';
import { t, uiLocale } from '../platform/i18n';
import type { Settings } from '../storage/settings';
import { circleLabel } from '../ui/circles';
import { CadenceSelect } from '../ui/contact-controls';
import { errorMessage } from '../ui/messages';
import { type Status, StatusLine } from '../ui/StatusLine';

/** Weekday names in the user's language, Monday first (Date#getDay numbering: 0 = Sunday). */
function weekdays(): { day: number; label: string }[] {
  const fmt = new Intl.DateTimeFormat(uiLocale(), { weekday: 'long' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 0].map((day) => ({ day, label: fmt.format(new Date(2024, 0, day === 0 ? 7 : day)) }));
}

const pad = (n: number) => String(n).padStart(2, '0');
export const toTime = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
export function fromTime(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export function SettingsForm({ initial, onSave }: { initial: Settings; onSave: (s: Settings) => Promise<void> }) {
  const [s, setS] = useState(initial);
  const [status, setStatus] = useState<Status>(null);
  const update = (patch: Partial<Settings>) => {
    setS((old) => ({ ...old, ...patch }));
    setStatus(null);
  };

  const [newCircle, setNewCircle] = useState('');
  function addCircle() {
    const name = newCircle.trim();
    if (
      name &&
      !s.circles.some(
        (c) => c.toLowerCase() === name.toLowerCase() || circleLabel(c).toLowerCase() === name.toLowerCase(),
      )
    )
      update({ circles: [...s.circles, name] });
    setNewCircle('');
  }

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await onSave(s);
      setStatus({ ok: true, text: t('settingsSaved') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form class="card settings" onSubmit={submit} aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsReminderHeading')}</h2>
      <p class="hint">{t('settingsReminderHint')}</p>
      <div class="check">
        <input
          id="reminders-on"
          type="checkbox"
          checked={s.remindersOn}
          onChange={(e) => update({ remindersOn: e.currentTarget.checked })}
        />
        <label for="reminders-on">{t('settingsRemindersOn')}</label>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="weekday">{t('settingsWeekday')}</label>
          <select
            id="weekday"
            value={String(s.weekday)}
            onChange={(e) => update({ weekday: Number(e.currentTarget.value) })}
          >
            {weekdays().map((w) => (
              <option key={w.day} value={String(w.day)}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="time">{t('settingsTime')}</label>
          <input
            id="time"
            type="time"
            value={toTime(s.minutes)}
            onChange={(e) => {
              const minutes = fromTime(e.currentTarget.value);
              if (minutes !== null) update({ minutes });
            }}
          />
        </div>
        <div class="field">
          <label for="per-reminder">{t('settingsPerReminder')}</label>
          <input
            id="per-reminder"
            type="number"
            min={1}
            max={50}
            value={s.perReminder}
            onChange={(e) =>
              update({ perReminder: Math.min(50, Math.max(1, Math.round(Number(e.currentTarget.value) || 5))) })
            }
          />
        </div>
      </div>
      <div class="field">
        <label for="cadence">{t('settingsDefaultCadence')}</label>
        <CadenceSelect id="cadence" value={s.defaultCadenceDays} onChange={(v) => update({ defaultCadenceDays: v })} />
      </div>
      <fieldset class="circles-editor">
        <legend>{t('fieldCircles')}</legend>
        <p class="hint">{t('settingsCirclesHint')}</p>
        <ul>
          {s.circles.map((c) => (
            <li key={c}>
              <span>{circleLabel(c)}</span>
              <button
                type="button"
                class="ghost"
                aria-label={t('removeCircle', circleLabel(c))}
                onClick={() => update({ circles: s.circles.filter((x) => x !== c) })}
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
              onInput={(e) => setNewCircle(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addCircle();
                }
              }}
            />
          </div>
          <button type="button" class="add-circle" onClick={addCircle}>
            {t('addCircleButton')}
          </button>
        </div>
      </fieldset>
      <div class="check">
        <input
          id="load-photos"
          type="checkbox"
          checked={s.loadPhotos}
          onChange={(e) => update({ loadPhotos: e.currentTarget.checked })}
        />
        <label for="load-photos">{t('settingsLoadPhotos')}</label>
      </div>
      <button type="submit" class="primary">
        {t('save')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}
