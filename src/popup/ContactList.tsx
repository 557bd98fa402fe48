import { circleLabel } from '../platform/circles';
import { t } from '../platform/i18n';
import { lazyComponent } from '../ui/lazy';
import type { SortOrder, StateFilter } from './list-model';
import { later } from './load-later';
import { Rows } from './Rows';
import type { PopupState } from './state';

/** An empty book's screen: a first run's, not a first screen's, so its code comes with the later chunk. */
const LazyEmptyBook = lazyComponent(() => later().then((m) => m.EmptyBook));

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
            // Down from the search goes to its first result (the filters are a Tab away).
            if (e.key === 'ArrowDown') {
              const row = document.querySelector<HTMLElement>('.rows .row[data-index]');
              if (row) {
                e.preventDefault();
                row.focus();
              }
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

export function ContactList({ state }: { state: PopupState }) {
  const rows = state.rows.value;
  // Empty only once everyone is read: the first screen (people with a due date) can be empty when others exist.
  if (state.complete.value && state.contacts.value.length === 0) return <LazyEmptyBook state={state} />;
  return (
    <section class="list" aria-labelledby="list-heading">
      <h2 id="list-heading" class="visually-hidden">
        {t('listHeading')}
      </h2>
      <Toolbar state={state} />
      <p class="list__count" aria-live="polite">
        {rows.searching ? t('listSearching') : t('listShowing', rows.length, rows.total ?? '…')}
      </p>
      <Rows state={state} />
    </section>
  );
}
