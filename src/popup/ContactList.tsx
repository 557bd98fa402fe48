import { useEffect, useRef } from 'preact/hooks';
import type { Contact } from '../contacts/types';
import { jobLine, t } from '../platform/i18n';
import { Avatar } from '../ui/Avatar';
import { circleLabel } from '../ui/circles';
import { useVirtualizer } from '../ui/useVirtualizer';
import { dueBadge } from './due';
import type { SortOrder, StateFilter } from './list-model';
import type { PopupState } from './state';

const ROW = 56;

function Row({ c, state, index }: { c: Contact; state: PopupState; index: number }) {
  const badge = dueBadge(c, state.now.value);
  return (
    <button
      type="button"
      class="row"
      data-index={index}
      onClick={() => {
        state.view.value = { name: 'detail', id: c.id };
      }}
    >
      <Avatar name={c.name} photoUrl={c.photoUrl} size={36} load={state.settings.value.loadPhotos} />
      <span class="row__text">
        <span class="row__name">{c.name}</span>
        <span class="row__sub">{jobLine(c)}</span>
      </span>
      {badge && <span class={`badge badge--${badge.kind}`}>{badge.text}</span>}
    </button>
  );
}

function Toolbar({ state }: { state: PopupState }) {
  const q = state.query.value;
  return (
    <div class="toolbar">
      <label class="search">
        <span class="visually-hidden">{t('searchLabel')}</span>
        <input
          id="search"
          type="search"
          value={q.text}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          onInput={(e) => state.setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && e.currentTarget.value) {
              e.stopPropagation();
              state.setText('');
            }
          }}
        />
      </label>
      <div class="filters">
        <select
          aria-label={t('filterCircle')}
          value={q.circle}
          onChange={(e) => state.setCircle(e.currentTarget.value)}
        >
          <option value="">{t('filterAllCircles')}</option>
          {state.settings.value.circles.map((c) => (
            <option key={c} value={c}>
              {circleLabel(c)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterState')}
          value={q.state}
          onChange={(e) => state.setState(e.currentTarget.value as StateFilter)}
        >
          <option value="all">{t('filterEveryone')}</option>
          <option value="due">{t('filterDue')}</option>
          <option value="overdue">{t('filterOverdue')}</option>
          <option value="never">{t('filterNever')}</option>
          <option value="forgotten">{t('filterForgotten')}</option>
        </select>
        <select
          aria-label={t('sortLabel')}
          value={q.sort}
          onChange={(e) => state.setSort(e.currentTarget.value as SortOrder)}
        >
          <option value="due">{t('sortDue')}</option>
          <option value="name">{t('sortName')}</option>
          <option value="added">{t('sortAdded')}</option>
        </select>
      </div>
    </div>
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

export function ContactList({ state }: { state: PopupState }) {
  const rows = state.visible.value;
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 6,
    getItemKey: (i) => rows[i]?.id ?? i,
    initialRect: { width: 400, height: 320 },
  });
  useEffect(() => {
    v.scrollToOffset(0);
  }, [state.query.value]);

  // Empty only once everyone is read: the first screen (people with a due date) can be empty when others exist.
  if (state.complete.value && state.contacts.value.length === 0) {
    return (
      <section class="list empty" aria-labelledby="list-heading">
        <h2 id="list-heading" class="visually-hidden">
          {t('listHeading')}
        </h2>
        <h3>{t('emptyTitle')}</h3>
        <p>{t('emptyBody')}</p>
        <div class="empty__actions">
          <button type="button" class="primary" onClick={() => (state.view.value = { name: 'add' })}>
            {t('quickAdd')}
          </button>
          <a href="options.html#data" target="_blank" rel="noopener">
            {t('emptyImport')}
          </a>
        </div>
      </section>
    );
  }
  return (
    <section class="list" aria-labelledby="list-heading">
      <h2 id="list-heading" class="visually-hidden">
        {t('listHeading')}
      </h2>
      <Toolbar state={state} />
      <p class="list__count" aria-live="polite">
        {t('listShowing', rows.length, state.contacts.value.length)}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys bubble up from the focused row buttons */}
      <div
        class="rows"
        ref={scroller}
        onKeyDown={(e) => onListKey(e, rows.length, (i) => v.scrollToIndex(i), scroller.current)}
      >
        <ul style={{ height: `${v.getTotalSize()}px` }} aria-label={t('listHeading')}>
          {v.getVirtualItems().map((item) => {
            const c = rows[item.index];
            if (!c) return null;
            return (
              <li
                key={c.id}
                style={{ transform: `translateY(${item.start}px)` }}
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
              >
                <Row c={c} state={state} index={item.index} />
              </li>
            );
          })}
        </ul>
        {rows.length === 0 && <p class="hint">{t('listNoMatch')}</p>}
      </div>
    </section>
  );
}
