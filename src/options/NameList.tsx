import { useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../platform/i18n';
import { ErrorLine, refused } from '../ui/StatusLine';
import { CircleSelect } from './CircleSelect';

/** Each starting circle's prompt: whom it holds, to jog the memory (a circle the user made or renamed has none). */
export const PROMPTS: Readonly<Record<string, MessageKey>> = {
  family: 'circlePrompt_family',
  friends: 'circlePrompt_friends',
  formerColleagues: 'circlePrompt_formerColleagues',
  club: 'circlePrompt_club',
  fellowStudents: 'circlePrompt_fellowStudents',
  clients: 'circlePrompt_clients',
  partners: 'circlePrompt_partners',
};
const prompt = (circle: string): string => {
  const key = Object.hasOwn(PROMPTS, circle) ? PROMPTS[circle] : undefined;
  return key ? t(key) : '';
};

/**
 * "Write them down": the advice Reconnect is built on — everyone you have contact with at least once a year, circle
 * by circle — as a list of names, one per line (with email addresses as a mail program writes them, if pasted from
 * one: interchange/name-list.ts), put in a circle. The list goes through the import's preview (who is new, who is
 * saved already) and its one transaction; new people become due spread over the coming weeks. A line that cannot
 * become people is said at the field, with its number, and nothing is previewed.
 */
export function NameList({
  circles,
  text,
  busy,
  onText,
  onList,
}: {
  circles: string[];
  /** What is typed (kept by the import section: a list previewed and cancelled is still there). */
  text: string;
  busy: boolean;
  onText: (text: string) => void;
  /** Previews the list's people; what its lines that cannot become people lack instead ('': the preview is shown). */
  onList: (text: string, circle: string) => Promise<string>;
}) {
  const [circle, setCircle] = useState('');
  const [problem, setProblem] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const hint = prompt(circle);
  async function preview() {
    const said = text.trim() ? await onList(text, circle) : t('nameListEmpty');
    if (!said) return;
    setProblem(said);
    field.current?.focus();
  }
  return (
    // Opened from the popup's empty list ("Write them down or import"): unfolded.
    <details class="name-list" open={location.hash === '#data-list'}>
      <summary>{t('nameListSummary')}</summary>
      <p class="hint">{t('nameListHint')}</p>
      <CircleSelect
        id="name-list-circle"
        label={t('filterCircle')}
        none={t('nameListNoCircle')}
        circles={circles}
        value={circle}
        onChange={setCircle}
      />
      <div class="field">
        <label for="name-list">{t('nameListNames')}</label>
        {hint && (
          <p class="hint" id="name-list-prompt">
            {hint}
          </p>
        )}
        <textarea
          id="name-list"
          ref={field}
          rows={8}
          value={text}
          {...(hint && !problem ? { 'aria-describedby': 'name-list-prompt' } : {})}
          {...refused(problem, 'name-list-problem')}
          onInput={(e) => {
            onText(e.currentTarget.value);
            setProblem('');
          }}
        />
        <ErrorLine text={problem} id="name-list-problem" />
      </div>
      <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && void preview()}>
        {t('nameListPreview')}
      </button>
    </details>
  );
}
