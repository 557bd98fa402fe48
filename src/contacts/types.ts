import type { SiteId } from './sites';

export type { SiteId };

export interface ProfileLink {
  url: string;
  site: SiteId;
}

export type InteractionKind = 'call' | 'meeting' | 'message' | 'email' | 'other';

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
  source: 'captured' | 'manual' | 'imported';
  createdAt: number;
  updatedAt: number;
}
