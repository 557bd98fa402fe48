import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProfileCapture } from '../contacts/capture';
import { changedFields } from '../contacts/match';
import type { Contact } from '../contacts/types';
import { formatDate, t } from '../platform/i18n';
import type { UpsertResult } from '../storage/draft-writes';
import { Avatar } from '../ui/Avatar';
import { lazyComponent } from '../ui/lazy';
import { attempt } from '../ui/messages';
import { ErrorLine } from '../ui/StatusLine';
import { forgetTyped } from '../ui/typed';
import { ContactForm, pageForm } from './ContactForm';
import { draftFromCapture } from './draft';
import { later } from './load-later';
import type { PopupState } from './state';

/** Mutual connections (above Save) and who can introduce (below the form): later chunk, once everyone is read. */
const LazyChips = lazyComponent(() => later().then((m) => m.MutualChips));
const LazyExtras = lazyComponent(() => later().then((m) => m.CaptureExtras));
/** Someone new on the page who may be someone saved under that name (above Save): later chunk, the same way. */
const LazyNamesakes = lazyComponent(() => later().then((m) => m.CaptureNamesakes));
/** Someone new on a page whose address someone saved has (their homepage, their name written otherwise). */
const LazyHolders = lazyComponent(() => later().then((m) => m.CaptureHolders));

/** What a save of the page's person did, in words: saved, updated, or already up to date. */
export const savedText = (r: UpsertResult) =>
  t(r.status === 'created' ? 'savedToast' : r.status === 'updated' ? 'updatedToast' : 'unchangedToast', r.contact.name);

/**
 * Someone in the book: their page is one click away, to log the message just sent from this profile. Its id is
 * where the keyboard's focus returns from their page (App.tsx).
 */
function OpenContact({ state, id, takeFocus }: { state: PopupState; id: string; takeFocus?: boolean }) {
  const self = useRef<HTMLButtonElement>(null);
  // Where the focus fell to the page's start (the form that had it was saved and is gone), it goes here.
  useEffect(() => {
    if (takeFocus && (!document.activeElement || document.activeElement === document.body)) self.current?.focus();
  }, []);
  return (
    <button
      ref={self}
      type="button"
      id="open-contact"
      class="link capture__open"
      onClick={() => (state.view.value = { name: 'detail', id })}
    >
      {t('openContact')}
    </button>
  );
}

/** The person on the page, ready to edit and save; if already saved, what changed on the page since. */
export function CaptureCard({
  state,
  capture,
  autoFocus = true,
}: {
  state: PopupState;
  capture: ProfileCapture;
  autoFocus?: boolean;
}) {
  const existing = state.existing.value;
  const form = pageForm(state.tabUrl.value);
  // Mutual connections the user keeps as "knows" links, written when the person is saved: of those drawn as chips
  // (`chips`, set by CaptureExtras), as one ticked may be someone deleted since. Ticked, they are kept beside the
  // card's typing (ui/typed.ts) under a name of their own, `knows`, and given back when the popup opens again.
  const knows = form && `${form} knows`;
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const chips = useRef<ReadonlySet<string>>(new Set());
  const saved = state.lastSave.value;
  const fromPage = draftFromCapture(capture, state.page.value?.fromImprint);
  // Offered until taken: the form's own save keeps what the user left in it, not the page's values.
  const changes = existing ? changedFields(existing, fromPage).filter((f) => f !== 'photoUrl') : [];
  const [pageError, setPageError] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  async function takePage(to: Contact) {
    // To the person the card is about, by id, as every save to someone known goes (state.mergeKnown). The button is
    // gone with what it offered: the focus goes to what the save did, not to the page's start.
    if (await attempt(() => state.mergeKnown(to.id, fromPage), setPageError)) statusLine.current?.focus();
  }
  return (
    <section class="card capture" aria-labelledby="capture-heading">
      <div class="capture__head">
        <Avatar name={capture.name} photoUrl={capture.photoUrl} size={48} load={state.settings.value.loadPhotos} />
        <h2 id="capture-heading">{t(existing ? 'captureHeadingKnown' : 'captureHeading')}</h2>
        {existing && <OpenContact state={state} id={existing.id} />}
      </div>
      {capture.degraded && <p class="hint warn">{t('captureDegraded')}</p>}
      {existing && !saved && (
        <p class="hint">
          {t('alreadySaved', formatDate(existing.createdAt))}
          {existing.lastContactedAt ? ` ${t('lastContact', formatDate(existing.lastContactedAt))}` : ''}
        </p>
      )}
      {existing && changes.length > 0 && (
        <div class="hint warn changed">
          <span>{t('changedSince', changes.map((f) => fromPage[f]).join(' · '))}</span>
          <button type="button" onClick={() => void takePage(existing)}>
            {t('updateFromPage')}
          </button>
        </div>
      )}
      <ErrorLine text={pageError} />
      {saved && (
        <p class="hint ok" role="status" tabIndex={-1} ref={statusLine}>
          {savedText(saved)}
        </p>
      )}
      {/* Someone saved: the form shows what is stored and edits it; what the page says otherwise is offered above.
          After a save (or "Update from page") the fields the user has not touched show what is stored now. */}
      <ContactForm
        initial={existing ?? fromPage}
        {...(existing ? { fill: existing } : {})}
        circles={state.settings.value.circles}
        defaultCadence={state.settings.value.defaultCadenceDays}
        submitLabel={existing ? t('update') : t('save')}
        keep={form}
        onSubmit={async (draft, values) => {
          const saved = existing
            ? await state.saveKnown(existing.id, values, fromPage)
            : await state.saveCapture(draft);
          for (const id of kept)
            if (chips.current.has(id)) await state.link(saved.contact.id, id, 'knows', t('mutualsNote'));
          if (kept.size) {
            setKept(new Set());
            if (knows) forgetTyped(knows);
          }
        }}
        autoFocus={autoFocus}
        aside={(name) => (
          <>
            {!existing && state.sharing.value && (
              <LazyHolders state={state} draft={fromPage} onAdded={() => statusLine.current?.focus()} />
            )}
            {state.complete.value && (
              <>
                {/* Under the name as the form has it: a name the page writes otherwise, corrected by the user, finds
                  whom they saved under it. */}
                {!existing && (
                  <LazyNamesakes
                    state={state}
                    name={name}
                    draft={fromPage}
                    // The buttons go with the offer: the focus goes to what the save did, as after "Update from page".
                    onAdded={() => statusLine.current?.focus()}
                  />
                )}
                <LazyChips state={state} capture={capture} knows={knows} kept={kept} chips={chips} onKept={setKept} />
              </>
            )}
          </>
        )}
      />
      {state.complete.value && <LazyExtras state={state} capture={capture} draft={fromPage} />}
    </section>
  );
}

/**
 * A page without a person whose address is one of a saved person's links (their homepage, a portfolio): who they
 * are, and their page one click away to log a contact; not the manual form, which would add them a second time.
 * Folded to one line when the answer came while the user was busy elsewhere in the popup. On a site's legal notice
 * it is the site that is their link.
 */
export function KnownPage({ state, contact, folded }: { state: PopupState; contact: Contact; folded: boolean }) {
  const open = <OpenContact state={state} id={contact.id} takeFocus />;
  const site = !!state.page.value?.fromImprint;
  if (folded)
    return (
      <section class="card slot" aria-labelledby="page-status">
        <p class="slot__line">
          <span id="page-status" class="hint ok" role="status">
            {t(site ? 'knownSiteFolded' : 'knownPageFolded', contact.name)}
          </span>{' '}
          {open}
        </p>
      </section>
    );
  return (
    <section class="card capture" aria-labelledby="capture-heading">
      <div class="capture__head">
        <Avatar name={contact.name} photoUrl={contact.photoUrl} size={48} load={state.settings.value.loadPhotos} />
        <h2 id="capture-heading">{contact.name}</h2>
        {open}
      </div>
      <p class="hint">
        {t(site ? 'knownSite' : 'knownPage')} {t('alreadySaved', formatDate(contact.createdAt))}
        {contact.lastContactedAt ? ` ${t('lastContact', formatDate(contact.lastContactedAt))}` : ''}
      </p>
    </section>
  );
}
