/**
 * What the popup takes from a page beyond its markup's person: on a page without one, the name its title suggests
 * (contacts/suggest.ts) and whom a site's legal notice names (contacts/imprint.ts), the manual form's start; on a
 * notice whose markup names the same person (a personal site's JSON-LD on every page), the notice's site as their
 * link and what the notice adds. The capture script read what they weigh in the page; this weighs it in the popup,
 * in its later code.
 */
import { appHost } from '../contacts/app-pages';
import type { PageCapture, ProfileCapture } from '../contacts/capture';
import type { ContactDraft } from '../contacts/fields';
import { readImprint } from '../contacts/imprint';
import { matchKey } from '../contacts/normalize';
import { safeHttpUrl } from '../contacts/profile-url';
import { readSelection } from '../contacts/signature';
import { suggestName } from '../contacts/suggest';

/**
 * The person the page's markup names, on their own site's legal notice: the site's home page is their link (not the
 * notice's address), and the notice fills in the town, company and role the markup does not say.
 */
function withNotice(capture: ProfileCapture, notice: ContactDraft): ProfileCapture {
  const link = notice.profiles?.[0];
  const filled = { ...capture };
  if (link && capture.site === 'web') filled.profileUrl = link.url;
  for (const k of ['location', 'company', 'role'] as const) if (!filled[k] && notice[k]) filled[k] = notice[k];
  return filled;
}

export function suggestFor(page: PageCapture): PageCapture {
  const fromImprint = page.imprint && readImprint(page.imprint, page.url);
  const { capture } = page;
  if (capture)
    // One person by the book's own rule for names (titles aside, folded): normalize.ts matchKey.
    return fromImprint?.name && matchKey(fromImprint.name) === matchKey(capture.name)
      ? { ...page, capture: withNotice(capture, fromImprint), fromImprint }
      : page;
  // In the user's own mailbox or calendar the title is a mail's subject or their own name: no one to suggest.
  const ownApp = appHost(safeHttpUrl(page.url)?.hostname ?? '');
  const fromSelection = page.selection ? readSelection(page.selection) : null;
  return {
    ...page,
    ...(page.clues ? { suggestedName: ownApp ? '' : suggestName(page.clues, page.url) } : {}),
    ...(fromImprint ? { fromImprint } : {}),
    ...(fromSelection ? { fromSelection } : {}),
    ...(ownApp ? { ownApp: true as const } : {}),
  };
}
