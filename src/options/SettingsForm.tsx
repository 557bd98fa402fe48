import { useState } from 'preact/hooks';
import { nextSlot } from '../contacts/schedule';
import { formatSlot, t, tn, uiLocale } from '../platform/i18n';
import { PER_REMINDER, perReminderOk, type Settings } from '../storage/settings';
import { CadenceSelect } from '../ui/contact-controls';
import { errorMessage } from '../ui/messages';
import { type Status, StatusLine } from '../ui/StatusLine';
import { useNow } from '../ui/useNow';
import { CirclesEditor } from './CirclesEditor';
import type { OptionsState } from './state';

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

type Update = (patch: Partial<Settings>) => void;

/**
 * When the slot as set comes next (the alarm's moment once saved), with its date; read again each minute and when
 * the tab is shown again, so a page left open past the slot says the week after.
 */
function NextReminder({ s }: { s: Settings }) {
  const now = useNow();
  return (
    <p class="hint" data-testid="next-reminder" aria-live="polite">
      {t('settingsNextReminder', formatSlot(nextSlot(now, s)))}
    </p>
  );
}

/** The weekly slot, how many people a reminder names, and the cadence new people get. */
function ReminderFields({ s, update }: { s: Settings; update: Update }) {
  return (
    <>
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
            min={PER_REMINDER.min}
            max={PER_REMINDER.max}
            value={Number.isNaN(s.perReminder) ? '' : s.perReminder}
            aria-invalid={!perReminderOk(s.perReminder)}
            // As typed (0, 500, empty): saving says what is wrong instead of changing the number unasked.
            onInput={(e) => update({ perReminder: e.currentTarget.value ? Number(e.currentTarget.value) : Number.NaN })}
          />
        </div>
      </div>
      {s.remindersOn && <NextReminder s={s} />}
      <div class="field">
        <label for="cadence">{t('settingsDefaultCadence')}</label>
        <CadenceSelect id="cadence" value={s.defaultCadenceDays} onChange={(v) => update({ defaultCadenceDays: v })} />
      </div>
    </>
  );
}

/**
 * The settings as a form: edited here, saved together. The form starts from the stored settings and follows a
 * change made elsewhere while it has no edits of its own.
 */
export function SettingsForm({ state }: { state: OptionsState }) {
  // The user's edits, on the stored settings as they were at the first one; none: the stored settings as they are
  // now. Not copied from the stored ones by an effect, which runs after the next frame with what it saw when drawn:
  // the stored settings read again just before a keystroke put them back over it (the e2e's time typed after
  // "Delete everything", lost in 4 of 6 runs).
  const [edits, setEdits] = useState<Settings | null>(null);
  const s = edits ?? state.settings.value;
  const [renames, setRenames] = useState<Map<string, string>>(new Map());
  const [status, setStatus] = useState<Status>(null);

  const update: Update = (patch) => {
    setEdits((old) => ({ ...(old ?? state.settings.peek()), ...patch }));
    setStatus(null);
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (!perReminderOk(s.perReminder))
      return setStatus({ ok: false, text: t('settingsPerReminderRange', PER_REMINDER.min, PER_REMINDER.max) });
    try {
      const renamed = await state.saveSettings(s, renames);
      setRenames(new Map());
      // What is stored now (read again by the save) is shown, and followed.
      setEdits(null);
      setStatus({ ok: true, text: renamed ? tn('settingsRenamed', renamed) : t('settingsSaved') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form class="card settings" onSubmit={submit} aria-labelledby="settings-heading" noValidate>
      <h2 id="settings-heading">{t('settingsReminderHeading')}</h2>
      <p class="hint">{t('settingsReminderHint')}</p>
      <ReminderFields s={s} update={update} />
      <CirclesEditor
        circles={s.circles}
        onChange={(circles, rename) => {
          update({ circles });
          if (rename)
            setRenames((old) => {
              // A circle renamed twice goes from its stored name to the last one.
              const next = new Map(old);
              const from = [...old].find(([, to]) => to === rename.from)?.[0] ?? rename.from;
              next.set(from, rename.to);
              return next;
            });
        }}
      />
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
