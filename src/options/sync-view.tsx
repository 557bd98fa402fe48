/**
 * The Sync tab: its section and its state, in a chunk of their own (options/index.tsx loads it when the tab is
 * first shown), so the page's first screen does not carry them. The state is made once per page and kept: a setup
 * left halfway for another tab is where it was on coming back.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { errorMessage, showFatal } from '../ui/messages';
import { SyncSection } from './SyncSection';
import { createSyncState, type SyncDeps } from './sync-state';

let sync: ReturnType<typeof createSyncState> | undefined;
let loading: Promise<void> | undefined;
let loaded = false;

export function SyncView({ deps }: { deps: SyncDeps }) {
  sync ??= createSyncState(deps);
  // Drawn once the account and its status are read: never the setup form for a second, for an account set up.
  loading ??= sync.load().then(() => {
    loaded = true;
  });
  const [ready, setReady] = useState(loaded);
  useEffect(() => {
    loading?.then(
      () => setReady(true),
      (e: unknown) => showFatal(errorMessage(e)),
    );
  }, []);
  return ready ? <SyncSection sync={sync} /> : <p class="hint">{t('loading')}</p>;
}
