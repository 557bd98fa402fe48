/** What a capture of a page returns: plain JSON, it crosses the page → popup boundary. */
import type { CaptureField, ContactDraft } from './fields';
import type { SiteId } from './sites';
import type { TitleClues } from './suggest';

/** The capture's fields (fields.ts): what a profile page can say about its person. */
export type Field = CaptureField;

/** Where a captured field came from: a site adapter, or one step of the generic chain. */
export type SourceId = 'site' | 'json-ld' | 'microdata' | 'h-card' | 'open-graph' | 'title';

export type ProfileCapture = { name: string } & Partial<Record<Exclude<Field, 'name'>, string>> & {
    profileUrl: string;
    site: SiteId;
    sources: Partial<Record<Field, SourceId>>;
    degraded: boolean;
    /** Names of the people the page says the user and this person both know (LinkedIn's mutual connections). */
    mutuals?: string[];
  };

/** What the injected capture script hands back to the popup: the page, and the person on it if any. */
export interface PageCapture {
  url: string;
  title: string;
  capture: ProfileCapture | null;
  /** Without a capture: what the page says that may name its person (capture/clues.ts). */
  clues?: TitleClues;
  /** The popup's suggestion from the clues for the quick-add form, or '' (contacts/suggest.ts). */
  suggestedName?: string;
  /** Without a capture, on a site's legal notice (Impressum): its text (capture/imprint.ts). */
  imprint?: ImprintClues;
  /** Without a capture, on a page of a site that has a legal notice: the notice's address, for the popup to offer. */
  imprintLink?: string;
  /** Who the legal notice names, read by the popup (contacts/imprint.ts): the quick-add form's start. */
  fromImprint?: ContactDraft;
  /** Without a capture: the text the user selected in the tab (a mail's signature), read by the popup. */
  selection?: string;
  /** Whom the selected text names (contacts/signature.ts): the quick-add form's start, before anything else. */
  fromSelection?: ContactDraft;
  /** The page is the user's own mailbox, calendar or chat (contacts/app-pages.ts): the popup says to select. */
  ownApp?: true;
  /** Some JSON-LD did not parse even leniently: worth a second capture with jsonrepair injected first. */
  retryWithRepair?: true;
  /** The page is not for the script that was injected (capture-scripts.ts): the one that reads it. */
  otherScript?: string;
  error?: string;
}

/**
 * A legal notice's text as the page shows it (one line per line break or block), from its heading on, and the
 * addresses its mail links name. German law asks every business site for one (§ 5 DDG): who runs it, their address,
 * a phone number and an email address.
 */
export interface ImprintClues {
  text: string;
  mails: string[];
}
