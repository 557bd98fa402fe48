import { effect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from '../platform/browser';
import { formatSince, t, tn } from '../platform/i18n';
import { lazyComponent } from '../ui/lazy';
import { ContactList } from './ContactList';
import { later } from './load-later';
import { ManualEntry, PageSlot } from './PageSlot';
import type { PopupState } from './state';

/** A contact's page is not part of the first screen: its code comes in its own chunk. */
export const LazyDetail = lazyComponent(() => later().then((m) => m.ContactDetail));

function Stats({ state }: { state: PopupState }) {
  // Until everyone is read the figures would be wrong: the same labels stand with "…" for the numbers, so the
  // header keeps its final size and nothing below it moves when they arrive. Nor are they worked out before then.
  const f = state.complete.value ? state.figures.value : null;
  const n = (pick: (figures: NonNullable<typeof f>) => number) => (f ? pick(f) : '…');
  // Test ids only on the figures themselves, so a test waiting for them does not read the "…".
  const id = (name: string) => (f ? name : undefined);
  return (
    <p class="stats" aria-busy={f ? undefined : 'true'}>
      <span data-testid={id('stats')}>{f ? tn('statsPeople', f.total) : t('statsPeople_other', '…')}</span>
      <span data-testid={id('stats-reach')} title={t('statsReachHint')}>
        {t(
          'statsReach',
          n((x) => x.reach),
        )}
      </span>
      <span data-testid={id('stats-year')}>
        {t(
          'statsContacted',
          n((x) => x.contactedThisYear),
        )}
      </span>
      {/* Who needs the user, in one column: five figures in four columns left "forgotten" alone on a row. */}
      <span class="stats__pair">
        <span data-testid={id('stats-due')}>
          {t(
            'statsDue',
            n((x) => x.dueThisWeek),
          )}
        </span>
        <span>
          {t(
            'statsForgotten',
            n((x) => x.forgotten),
          )}
        </span>
      </span>
    </p>
  );
}

/** "Synced 3 min ago", or that sync needs the user (the options page says what). */
function SyncStatus({ state }: { state: PopupState }) {
  const line = state.syncLine.value;
  if (!line) return null;
  if (line.problem)
    return (
      <p class="sync-line warn" data-testid="sync-line">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('syncShortProblem')}
        </button>
      </p>
    );
  return (
    <p class="sync-line hint" data-testid="sync-line">
      {line.lastSyncAt ? t('syncShortAgo', formatSince(line.lastSyncAt, state.now.value)) : t('syncNever')}
    </p>
  );
}

/** How long a toast without an action stays; one with Undo stays until it is used or dismissed. */
export const TOAST_MS = 6000;

function Toast({ state }: { state: PopupState }) {
  const toast = state.toast.value;
  useEffect(() => {
    if (!toast || toast.undo) return;
    const timer = setTimeout(() => {
      if (state.toast.peek() === toast) state.toast.value = null;
    }, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div class="toast" role="status">
      <span>{toast.text}</span>
      {toast.undo && (
        <button type="button" onClick={() => void toast.undo?.()}>
          {t('undo')}
        </button>
      )}
      <button type="button" class="ghost" aria-label={t('dismiss')} onClick={() => (state.toast.value = null)}>
        ×
      </button>
    </div>
  );
}

/** "/" focuses the search; Esc goes back from a detail or the add form. */
function useKeyboard(state: PopupState) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (e.key === '/' && !typing) {
        const search = document.getElementById('search');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      } else if (e.key === 'Escape' && state.view.value.name !== 'home') {
        e.preventDefault();
        state.view.value = { name: 'home' };
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}

/** The user's first key, click or focus: from then on a late page answer folds instead of pushing things down. */
function useInteraction(state: PopupState) {
  useEffect(() => {
    const mark = (e: Event) => {
      if (e.isTrusted) state.markInteracted();
    };
    const kinds = ['keydown', 'pointerdown', 'focusin'] as const;
    for (const k of kinds) addEventListener(k, mark, { capture: true, passive: true });
    return () => {
      for (const k of kinds) removeEventListener(k, mark, { capture: true });
    };
  }, []);
}

/**
 * Keyboard focus across views: the control that opened a contact's page or the add form gets the focus back on the
 * way home (its row, "Open contact", "+ Add a person"), or the search when it is no longer drawn; the views are
 * redrawn, so the control that was clicked is gone and the focus fell to the page's start.
 */
function useFocusReturn(state: PopupState) {
  useEffect(() => {
    /** Finds the control that opened the view, as drawn anew (a row by its person's id, a button by its id). */
    let from: (() => HTMLElement | null | undefined) | null = null;
    // A signal's effect runs as the view is set, in the click or key that set it: the control is still focused.
    return effect(() => {
      const name = state.view.value.name;
      const el = document.activeElement;
      if (name !== 'home') {
        const row = el instanceof HTMLElement ? el.dataset.id : undefined;
        const own = el?.id;
        from ??= row
          ? () => [...document.querySelectorAll<HTMLElement>('.row')].find((r) => r.dataset.id === row)
          : own
            ? () => document.getElementById(own)
            : null;
        return;
      }
      const find = from;
      from = null;
      if (!find) return;
      // The list draws its rows a frame after it is mounted. A focus the user has placed meanwhile ("/" pressed
      // right after Esc) stays where it is.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const now = document.activeElement;
          if (!now || now === document.body) (find() ?? document.getElementById('search'))?.focus();
        }),
      );
    });
  }, []);
}

export function App({ state }: { state: PopupState }) {
  useKeyboard(state);
  useInteraction(state);
  useFocusReturn(state);
  const view = state.view.value;
  return (
    <>
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button type="button" id="add-person" class="ghost" onClick={() => (state.view.value = { name: 'add' })}>
          + {t('addPerson')}
        </button>
        <button type="button" class="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <Stats state={state} />
      {state.corrupted.value > 0 && <p class="hint warn">{tn('corruptedNotice', state.corrupted.value)}</p>}
      {view.name === 'detail' ? (
        <LazyDetail state={state} id={view.id} />
      ) : view.name === 'add' ? (
        <ManualEntry state={state} standalone />
      ) : (
        <>
          {/* Drawn once the settings are known and the page answered, or at most PAINT_GRACE_MS later: a page
              that answers at once is drawn in its final layout, a slow one never holds up the list. */}
          {!state.drawable.value ? (
            <p class="loading" aria-live="polite">
              {t('loading')}
            </p>
          ) : (
            <>
              <SyncStatus state={state} />
              <PageSlot state={state} />
              <ContactList state={state} />
            </>
          )}
        </>
      )}
      <Toast state={state} />
    </>
  );
}
