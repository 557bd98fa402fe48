import type { SiteId } from './sites';

export type { SiteId };

export type Field = 'name' | 'role' | 'company' | 'location' | 'photoUrl';

/** Where a captured field came from: a site adapter, or one step of the generic chain. */
export type SourceId = 'site' | 'json-ld' | 'microdata' | 'h-card' | 'open-graph' | 'title';

/** What a capture returns: plain JSON, it crosses the page → popup boundary. */
export interface ProfileCapture {
  name: string;
  role?: string;
  company?: string;
  location?: string;
  photoUrl?: string;
  profileUrl: string;
  site: SiteId;
  sources: Partial<Record<Field, SourceId>>;
  degraded: boolean;
}

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

/** A person as typed, captured or imported, before it becomes a stored Contact. */
export interface ContactDraft {
  name: string;
  role?: string;
  company?: string;
  location?: string;
  photoUrl?: string;
  profiles?: ProfileLink[];
  emails?: string[];
  phones?: string[];
  circles?: string[];
  notes?: string;
  metVia?: string;
  introducedBy?: string;
  birthday?: Birthday;
  cadenceDays?: number | null;
  lastContactedAt?: number;
}
