import type { ProfileCapture } from '../contacts/types';

/** What the injected capture script returns to the popup. */
export interface PageCapture {
  url: string;
  title: string;
  capture: ProfileCapture | null;
  error?: string;
}
