import type { IpcRendererEvent } from 'electron';
import type { EventName, LeverageApi } from '../shared/ipc/contract.ts';
import { CHANNEL_NAMES, EVENT_NAMES, eventChannel, invokeChannel } from './channels.ts';

/** The slice of ipcRenderer the bridge uses; passed in so tests can build the API without Electron. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * window.api: one named function per contract channel, plus `on`. The renderer never sees
 * ipcRenderer, a generic invoke, or an IpcRendererEvent (which would leak `sender`).
 */
export function createLeverageApi(ipc: RendererIpc): LeverageApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    const wireName = invokeChannel(channel);
    api[channel] = (input?: unknown) => ipc.invoke(wireName, input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!KNOWN_EVENTS.has(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const wireName = eventChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipc.on(wireName, forward);
    return () => {
      ipc.removeListener(wireName, forward);
    };
  };
  return Object.freeze(api) as unknown as LeverageApi;
}
