import type { SiteId } from './sites';

export type { SiteId };

export interface ProfileLink {
  url: string;
  site: SiteId;
}

/** How the user got in touch; the type and the list that validates stored ones are one. */
export const INTERACTION_KINDS = ['call', 'meeting', 'message', 'email', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** How a contact came in. */
export const SOURCES = ['captured', 'manual', 'imported'] as const;
export type Source = (typeof SOURCES)[number];

export interface Interaction {
  at: number;
  kind: InteractionKind;
  note?: string;
}

export interface HistoryEntry {
  at: number;
  field: 'role' | 'company';
  from?: string;
  to?: string;
}

export interface Birthday {
  month: number;
  day: number;
  year?: number;
}

export interface Contact {
  /** Random UUID: a person may have several profiles, or none. */
  id: string;
  name: string;
  role?: string;
  company?: string;
  location?: string;
  photoUrl?: string;
  profiles: ProfileLink[];
  emails: string[];
  phones: string[];
  circles: string[];
  notes: string;
  metVia?: string;
  introducedBy?: string;
  birthday?: Birthday;
  /** null: no reminders for this person. */
  cadenceDays: number | null;
  lastContactedAt?: number;
  nextDueAt?: number;
  snoozedUntil?: number;
  interactions: Interaction[];
  history: HistoryEntry[];
  source: Source;
  createdAt: number;
  updatedAt: number;
}
