/** The list's rows, windowed by @tanstack/virtual-core: only the rows in view (and a few beyond) are in the DOM. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { topReason } from '../contacts/reasons';
import { birthdayToMark } from '../contacts/select';
import type { Contact } from '../contacts/types';
import { jobLine, t } from '../platform/i18n';
import { reasonText } from '../platform/reason-text';
import { Avatar } from '../ui/Avatar';
import { loadVirtualizer, useVirtualizer } from '../ui/useVirtualizer';
import { dueBadge } from './due';
import { LIST_HEIGHT, OVERSCAN, ROW_HEIGHT, tabStop } from './rows-geometry';
import type { PopupState } from './state';

function Row({ c, state, index, tabbable }: { c: Contact; state: PopupState; index: number; tabbable: boolean }) {
  const now = state.now.value;
  const badge = dueBadge(c, now);
  // A due row, and the row of someone the weekly reminder names for their birthday (select.ts), says why to get in
  // touch now (the most relevant reason) where others say what the person does, or, for someone without a role or
  // company, the same reason (the last contact, or when they were added).
  const job = jobLine(c);
  const due = (!!badge && badge.kind !== 'snoozed') || birthdayToMark(c, now) !== undefined;
  const sub = due || !job ? reasonText(topReason(c, now), now) : job;
  return (
    <button
      type="button"
      class="row"
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-id={c.id}
      onClick={() => {
        state.view.value = { name: 'detail', id: c.id };
      }}
    >
      <Avatar name={c.name} photoUrl={c.photoUrl} size={36} load={state.settings.value.loadPhotos} />
      <span class="row__text">
        <span class="row__name">{c.name}</span>
        {/* The line is cut where it is long ("Never contacted — added…"): its title holds it whole, and the job a
            reason stands in for. */}
        <span class={due ? 'row__sub row__reason' : 'row__sub'} title={job && job !== sub ? `${sub}\n${job}` : sub}>
          {sub}
        </span>
      </span>
      {badge && <span class={`badge badge--${badge.kind}${badge.urgent ? ' badge--urgent' : ''}`}>{badge.text}</span>}
    </button>
  );
}

/**
 * Arrow keys, Home and End move between rows (scrolling the virtual list as needed); Enter opens the focused row.
 * The row is focused in the next frame, once the list has drawn it: a key pressed before then (a held key repeats
 * faster than some frames) moves on from the row the last key chose (`target`), not from the row still focused.
 */
function onListKey(
  e: KeyboardEvent,
  count: number,
  scrollTo: (i: number) => void,
  root: HTMLElement | null,
  target: { current: number | undefined },
) {
  const focused = (document.activeElement as HTMLElement | null)?.dataset.index;
  const from = target.current ?? (focused === undefined ? -1 : Number(focused));
  const k = e.key;
  const to =
    k === 'Home' ? 0 : k === 'End' ? count - 1 : k === 'ArrowDown' ? from + 1 : k === 'ArrowUp' ? from - 1 : -2;
  if (to < -1 || !count) return;
  e.preventDefault();
  target.current = Math.max(0, Math.min(count - 1, to));
  scrollTo(target.current);
  const focus = (frames: number, i = target.current) =>
    requestAnimationFrame(() => {
      // Not when a later key chose another row; tried for a few frames when the list has yet to draw it.
      if (target.current !== i) return;
      const row = root?.querySelector<HTMLElement>(`[data-index="${i}"]`);
      if (row || !frames) target.current = undefined;
      row ? row.focus() : frames && focus(frames - 1, i);
    });
  // From when the virtualizer's library is here (a key pressed before it came asks for it: scrollTo), which draws
  // the row.
  void loadVirtualizer().then(() => focus(3));
}

export function Rows({ state }: { state: PopupState }) {
  const rows = state.rows.value;
  const scroller = useRef<HTMLDivElement>(null);
  const target = useRef<number | undefined>(undefined);
  // The list is one Tab stop, the row last focused (the rows are a key away), so Tab and Shift+Tab pass it at once.
  const [last, setLast] = useState(0);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    size: ROW_HEIGHT,
    overscan: OVERSCAN,
    // Rows have one height and are keyed by id in the DOM: the virtualizer's own keys stay indexes, as a key per row
    // would cost a call per person on every keystroke (it rebuilds its measurements when the count changes).
    initialRect: { width: 400, height: LIST_HEIGHT },
  });
  useEffect(() => {
    v.scrollToOffset(0);
    setLast(0);
  }, [state.query.value]);
  const items = v.getVirtualItems();
  const stop = tabStop(items, last);
  // Rows of an early search (before everyone is read) whose people are not read yet: read them by id.
  const missing = items.flatMap((item) => (rows.at(item.index) ? [] : [rows.id(item.index)]));
  useLayoutEffect(() => {
    if (missing.length) void state.need(missing);
  }, [missing.join()]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys, Home and End bubble up from the focused row buttons
    <div
      class="rows"
      ref={scroller}
      onKeyDown={(e) => onListKey(e, rows.length, (i) => v.scrollToIndex(i), scroller.current, target)}
      onFocusIn={(e) => {
        const i = (e.target as HTMLElement).dataset.index;
        if (i !== undefined) setLast(Number(i));
      }}
    >
      <ul style={{ height: `${v.getTotalSize()}px` }} aria-label={t('listHeading')}>
        {items.map((item) => {
          const c = rows.at(item.index);
          const id = rows.id(item.index);
          return (
            <li
              key={id}
              style={{ transform: `translateY(${item.start}px)` }}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
            >
              {c ? (
                <Row c={c} state={state} index={item.index} tabbable={item.index === stop} />
              ) : (
                <span class="row row--pending" aria-busy="true" />
              )}
            </li>
          );
        })}
      </ul>
      {rows.length === 0 && !rows.searching && <p class="hint">{t('listNoMatch')}</p>}
    </div>
  );
}
