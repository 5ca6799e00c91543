import { resetAutosavedFields } from '../../../src/renderer/src/lib/autosave.ts';
import { followDataChanges } from '../../../src/renderer/src/stores/appStore.ts';

type Listener = (payload: unknown) => void;

/**
 * Gives a window.api double main's events: `on` registers listeners, and `announceWrite` sends
 * `dataChanged` as main's IPC wrapper does after a call that wrote (before the call's answer). The
 * page follows the event as App does, so component tests refetch exactly as the app does.
 */
export function mainEvents() {
  // A new double is a new journal: no field keeps text typed in an earlier test.
  resetAutosavedFields();
  const listeners = new Map<string, Set<Listener>>();
  let stopFollowing: (() => void) | null = null;
  const events = {
    on: (event: string, listener: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
    announceWrite: () => events.emit('dataChanged', { source: 'app' }),
    /** Call once window.api is installed: the page starts following dataChanged, as App does at start. */
    follow: () => {
      stopFollowing?.();
      stopFollowing = followDataChanges();
    },
  };
  return events;
}
