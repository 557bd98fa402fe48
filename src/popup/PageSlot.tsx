/**
 * The page's part of the popup: reading the page, "not answering", the person found (the capture card, or a saved
 * person whose link the page is), the manual form on a page without a person; and the same form from "+ Add a
 * person".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProfileCapture } from '../contacts/capture';
import type { FieldValues } from '../contacts/fields';
import { pageLink } from '../contacts/profile-url';
import { type MessageKey, t } from '../platform/i18n';
import { lazyComponent } from '../ui/lazy';
import { typedFor } from '../ui/typed';
import { CaptureCard, KnownPage, savedText } from './CaptureCard';
import { ContactForm, pageForm } from './ContactForm';
import { draftFromCapture, draftFromPage } from './draft';
import { later } from './load-later';
import type { PopupState } from './state';

const LazyNamesakes = lazyComponent(() => later().then((m) => m.Namesakes));
const LazyHolders = lazyComponent(() => later().then((m) => m.PageHolders));
const LazyImprintOffer = lazyComponent(() => later().then((m) => m.ImprintOffer));

/**
 * What the manual form says of the page that answered without a person: one it may not read (or a notice opened that
 * wants another click), whom the selected text or the site's notice names, how to add a mail's sender in a mailbox.
 */
function answerHint(state: PopupState): MessageKey {
  const page = state.page.value;
  if (state.tab.value?.kind === 'restricted') return state.opened.value ? 'imprintClickAgain' : 'captureRestricted';
  if (page?.fromSelection) return 'captureSelection';
  if (page?.fromImprint) return 'captureImprint';
  return page?.ownApp ? 'captureSelectHint' : 'captureNoPerson';
}

/**
 * Of what the user changed in a form that adds to someone saved, what a merge would keep as stored: their cadence,
 * chosen in the form (which showed theirs), is set.
 */
const chosen = (values: FieldValues): FieldValues =>
  'cadenceDays' in values ? { cadenceDays: values.cadenceDays } : {};

/** The manual form: on pages without a person (prefilled from the page), and from the "Add a person" button. */
export function ManualEntry({ state, standalone }: { state: PopupState; standalone: boolean }) {
  const tab = state.tab.value;
  const page = state.page.value;
  const folded = state.arrival.value === 'folded';
  const initial = !standalone && page ? draftFromPage(page) : { name: '' };
  const keep = standalone ? 'add' : pageForm(state.tabUrl.value);
  // The selected text names someone saved: the form adds what it says to them.
  const known = !standalone && page?.fromSelection ? state.existing.value : undefined;
  // On a page without a person the form starts open, prefilled from the page; on pages Reconnect may not read
  // (browser pages, the store) it stays one click away, so the list is in view, unless it holds what the user typed
  // before (given back in sight). Folded when the page answered while the user was busy elsewhere in the popup.
  // A closed form's fields are drawn once it is opened, and stay: not on the popup's first screen, where they held
  // up the list's rows (README). Closed again by the user, `open` stays as it was drawn: Preact leaves it be.
  const [drawn, draw] = useState(() => !folded && (tab?.kind === 'page' || !!(keep && typedFor(keep))));
  const hint = t(standalone ? 'quickAddHint' : answerHint(state));
  const form = (
    <ContactForm
      key={standalone ? 'add' : 'page'}
      keep={keep}
      initial={initial}
      {...(standalone ? {} : { linkFrom: page?.fromSelection ? 'text' : page?.fromImprint ? 'site' : undefined })}
      showLink={!standalone}
      circles={state.settings.value.circles}
      defaultCadence={known ? known.cadenceDays : state.settings.value.defaultCadenceDays}
      submitLabel={t(known ? 'update' : 'save')}
      autoFocus={standalone}
      // Once the user is at work in the popup: its code is not loaded while the first screen is drawn.
      aside={(name) => (name.trim() && state.interacted.value ? <LazyNamesakes state={state} name={name} /> : null)}
      {...(standalone ? { onCancel: () => (state.view.value = { name: 'home' }) } : {})}
      onSubmit={async (draft, values) => {
        if (known) state.toast.value = { text: savedText(await state.mergeKnown(known.id, draft, chosen(values))) };
        else state.toast.value = { text: t('savedToast', (await state.quickAdd(draft)).name) };
        state.view.value = { name: 'home' };
      }}
    />
  );
  if (standalone)
    return (
      <section class="card manual" aria-labelledby="manual-heading">
        <h2 id="manual-heading">{t('quickAdd')}</h2>
        <p class="hint">{hint}</p>
        {form}
      </section>
    );
  return (
    <details class="card manual" open={drawn} onToggle={(e) => e.currentTarget.open && draw(true)}>
      <summary>
        <span class="hint">{hint}</span> <strong>{t('quickAdd')}</strong>
      </summary>
      {state.sharing.value && <LazyHolders state={state} />}
      {known && (
        <p class="hint ok" data-testid="selection-known">
          {t('selectionKnown', known.name)}
        </p>
      )}
      {/* The site's notice names who runs it: offered on its other pages, read in the tab when asked. */}
      {page?.imprintLink && !page.fromImprint && <LazyImprintOffer state={state} />}
      {drawn && form}
    </details>
  );
}

/**
 * The page's slot until it answers: a status line ("Reading this page …", then "not answering" with Retry) over
 * the manual form with the page's address. The same component stays when the answer comes while the user types
 * into that form: the answer then fills the fields still empty, and nothing moves.
 */
function SilentPage({ state }: { state: PopupState }) {
  const phase = state.phase.value;
  const answered = phase === 'done';
  const capture = answered ? state.page.value?.capture : undefined;
  // The page's person, or the person whose link the page is, is someone saved: a save goes to them (as a
  // capture's does), never to a second record.
  const known = answered ? state.existing.value : undefined;
  // A legal notice's answer fills the form as a capture's does (its link the site's home page); what the user
  // selected, before it.
  const fromImprint = answered ? state.page.value?.fromImprint : undefined;
  const fromSelection = answered ? state.page.value?.fromSelection : undefined;
  const url = state.tabUrl.value;
  const profile = url ? pageLink(url) : null;
  // The page's address is one of their links already: the form does not say it saves it, nor offer to leave it out.
  const theirs = !!profile && !!known?.profiles.some((p) => p.url === profile.url);
  // Opens by itself when the page falls silent, unless the user is busy elsewhere in the popup; after that only
  // the user opens or closes it.
  const form = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (phase === 'slow' && !state.interacted.peek() && form.current) form.current.open = true;
  }, [phase]);
  return (
    <section class="card manual silent slot" aria-labelledby="page-status">
      <p class="slot__line">
        {capture ? (
          <span id="page-status" class="hint ok" role="status">
            {t(known ? 'lateFilledKnown' : 'lateFilled', capture.name)}
          </span>
        ) : known ? (
          <span id="page-status" class="hint ok" role="status">
            {t('lateKnownPage', known.name)}
          </span>
        ) : answered ? (
          // The page answered with no one on it (or cannot be read): the form is the way, as on such a page.
          <span id="page-status" class="hint" role="status">
            {t(answerHint(state))}
          </span>
        ) : phase === 'slow' ? (
          <>
            <span id="page-status" class="hint warn" role="status">
              {t('pageNotAnswering')}
            </span>{' '}
            <button type="button" class="retry" onClick={() => void state.retry()}>
              {t('retry')}
            </button>
          </>
        ) : (
          <span id="page-status" class="hint" role="status">
            {t('readingPage')}
          </span>
        )}
      </p>
      {answered && state.sharing.value && <LazyHolders state={state} />}
      <details ref={form}>
        <summary>
          <strong>{t('quickAdd')}</strong>
        </summary>
        <ContactForm
          key="page"
          keep={pageForm(url)}
          initial={{ name: '', ...(profile ? { profiles: [profile] } : {}) }}
          fill={capture ? draftFromCapture(capture, fromImprint) : (known ?? fromSelection ?? fromImprint)}
          showLink={!theirs}
          circles={state.settings.value.circles}
          defaultCadence={state.settings.value.defaultCadenceDays}
          submitLabel={known ? t('update') : t('save')}
          onInput={state.markTypingInManual}
          onSubmit={async (draft, values) => {
            const r = known
              ? await state.mergeKnown(known.id, draft, chosen(values))
              : ({ status: 'created', contact: await state.quickAdd(draft) } as const);
            state.toast.value = { text: savedText(r) };
          }}
        />
      </details>
    </section>
  );
}

/** The page's answer, come while the user was busy: one line, as high as the slot was; the card on request. */
function FoldedCapture({ state, capture }: { state: PopupState; capture: ProfileCapture }) {
  return (
    <section class="card slot" aria-labelledby="page-status">
      <p class="slot__line">
        <span id="page-status" class="hint ok" role="status">
          {t('captureFolded', capture.name)}
        </span>
      </p>
      <details>
        <summary>
          <strong>{t(state.existing.value ? 'captureHeadingKnown' : 'captureHeading')}</strong>
        </summary>
        <CaptureCard state={state} capture={capture} autoFocus={false} />
      </details>
    </section>
  );
}

/** The page's part of the popup: reading, not answering, the person found, or the manual form. */
export function PageSlot({ state }: { state: PopupState }) {
  const phase = state.phase.value;
  if (phase !== 'done' || state.arrival.value === 'fill') return <SilentPage state={state} />;
  const capture = state.page.value?.capture;
  const known = state.existing.value;
  // Someone saved whom the selected text names: the form, which updates them (ManualEntry).
  if (!capture && known && !state.page.value?.fromSelection)
    return <KnownPage state={state} contact={known} folded={state.arrival.value === 'folded'} />;
  if (!capture) return <ManualEntry state={state} standalone={false} />;
  if (state.arrival.value === 'folded') return <FoldedCapture state={state} capture={capture} />;
  return <CaptureCard state={state} capture={capture} />;
}
