import { useAppStore } from '../../store/use-app-store';

/** Shown on every rig while the window has lost its link to the app's core: nothing on screen is confirmed. */
export const CORE_AWAY_REASON = "not confirmed: Motif Control's core is not answering";

/** The reason every rig is stale and every rig action disabled, or null while the core answers. */
export function useCoreAway(): string | null {
  return useAppStore((s) => (s.connection === 'closed' ? CORE_AWAY_REASON : null));
}
