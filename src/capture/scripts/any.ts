/**
 * capture.js: pages of no site with hosts of its own — the whole generic chain, and the adapters that recognise
 * their software by its markup on any host (Mastodon); and a site's legal notice (Impressum) as text.
 */

import { ANY_PAGE_SCRIPT } from '../../contacts/capture-scripts';
import { GENERIC_CHAIN } from '../generic/chain';
import { imprintClues, imprintLink } from '../imprint';
import { runCapture } from '../run';
import { mastodon } from '../sites/mastodon';

export const script = {
  file: ANY_PAGE_SCRIPT,
  sites: [mastodon],
  chain: GENERIC_CHAIN,
  imprint: imprintClues,
  imprintLink,
};

export default runCapture(script);
