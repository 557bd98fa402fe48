/** The list's rows, windowed by @tanstack/virtual-core: only the rows in view (and a few beyond) are in the DOM. */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { topReason } from '../contacts/reasons';
import type { Contact } from '../contacts/types';
import { jobLine, t } from '../platform/i18n';
import { reasonText } from '../platform/reason-text';
import { Avatar } from '../ui/Avatar';
import { useVirtualizer } from '../ui/useVirtualizer';
import { dueBadge } from './due';
import { LIST_HEIGHT, OVERSCAN, ROW_HEIGHT } from './rows-geometry';
import type { PopupState } from './state';

function Row({ c, state, index }: { c: Contact; state: PopupState; index: number }) {
  const now = state.now.value;
  const badge = dueBadge(c, now);
  // A due row says why to get in touch now (its most relevant reason) where others say what the person does.
  const job = jobLine(c);
  const sub = badge && badge.kind !== 'snoozed' ? reasonText(topReason(c, now), now) : job;
  return (
    <button
      type="button"
      class="row"
      data-index={index}
      data-id={c.id}
      onClick={() => {
        state.view.value = { name: 'detail', id: c.id };
      }}
    >
      <Avatar name={c.name} photoUrl={c.photoUrl} size={36} load={state.settings.value.loadPhotos} />
      <span class="row__text">
        <span class="row__name">{c.name}</span>
        <span class={badge && badge.kind !== 'snoozed' ? 'row__sub row__reason' : 'row__sub'} title={job || undefined}>
          {sub}
        </span>
      </span>
      {badge && <span class={`badge badge--${badge.kind}`}>{badge.text}</span>}
    </button>
  );
}

/** Arrow keys move between rows (scrolling the virtual list as needed); Enter opens the focused row. */
function onListKey(e: KeyboardEvent, count: number, scrollTo: (i: number) => void, root: HTMLElement | null) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const current = (document.activeElement as HTMLElement | null)?.dataset.index;
  const from = current === undefined ? -1 : Number(current);
  const to = Math.max(0, Math.min(count - 1, from + (e.key === 'ArrowDown' ? 1 : -1)));
  e.preventDefault();
  scrollTo(to);
  requestAnimationFrame(() => root?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus());
}

export function Rows({ state }: { state: PopupState }) {
  const rows = state.rows.value;
  const scroller = useRef<HTMLDivElement>(null);
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
  }, [state.query.value]);
  const items = v.getVirtualItems();
  // Rows of an early search (before everyone is read) whose people are not read yet: read them by id.
  const missing = items.flatMap((item) => (rows.at(item.index) ? [] : [rows.id(item.index)]));
  useLayoutEffect(() => {
    if (missing.length) void state.need(missing);
  }, [missing.join()]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys bubble up from the focused row buttons
    <div
      class="rows"
      ref={scroller}
      onKeyDown={(e) => onListKey(e, rows.length, (i) => v.scrollToIndex(i), scroller.current)}
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
              {c ? <Row c={c} state={state} index={item.index} /> : <span class="row row--pending" aria-busy="true" />}
            </li>
          );
        })}
      </ul>
      {rows.length === 0 && !rows.searching && <p class="hint">{t('listNoMatch')}</p>}
    </div>
  );
}
