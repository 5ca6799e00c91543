import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeHandler, type HandlerTable } from '../../core/ipc/invokeHandler.ts';
import { CHANNELS, channelName, ipcContract, type Channel, type ChannelOutput, type IpcResult } from '../../shared/ipc/contract.ts';

export interface IpcCallOptions {
  handlers: HandlerTable;
  /** The sender check (origin and main frame); see security/origins.ts. */
  isTrustedSender: (frame: IpcMainInvokeEvent['senderFrame']) => boolean;
  /** SQLite's total_changes() for this connection: tells whether a call wrote anything. */
  countWrites: () => number;
  /** Runs after a call that wrote to the journal, with the channel that did. */
  onWrite: (channel: Channel) => void;
  /** Side effects of channels, run after a successful call with that channel's typed output. */
  effects?: ChannelEffects;
}

/** Per-channel side effects in main (announce settings, answer a session prompt…), one typed row each. */
export type ChannelEffects = { [C in Channel]?: (value: ChannelOutput<C>) => void };

function runEffect<C extends Channel>(effects: ChannelEffects | undefined, channel: C, value: ChannelOutput<C>): void {
  (effects?.[channel] as ((output: ChannelOutput<C>) => void) | undefined)?.(value);
}

/**
 * Channels that change what the windows show without writing the SQLite file (the hook inbox lives
 * in files beside it): a successful call counts as a write, so windows hear `dataChanged` for them too.
 */
export const WRITES_OUTSIDE_JOURNAL: ReadonlySet<Channel> = new Set<Channel>(['markHookSessionHandled']);

/**
 * The one wrapper every channel goes through: rejects untrusted senders before looking at the
 * payload, lets invokeHandler parse input and check output, and never throws across IPC.
 */
export async function handleIpcCall(options: IpcCallOptions, channel: Channel, event: Pick<IpcMainInvokeEvent, 'senderFrame'>, rawInput: unknown): Promise<IpcResult<unknown>> {
  let trusted: boolean;
  try {
    trusted = options.isTrustedSender(event.senderFrame);
  } catch {
    trusted = false;
  }
  if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: `Refused ${channel}: the request did not come from the app's own window.` } };
  const writesBefore = options.countWrites();
  const result = await invokeHandler(ipcContract, options.handlers, channel, rawInput);
  // Detected rather than listed per channel, so a channel added later cannot forget to notify.
  if (options.countWrites() !== writesBefore || (result.ok && WRITES_OUTSIDE_JOURNAL.has(channel))) options.onWrite(channel);
  if (result.ok) runEffect(options.effects, channel, result.value);
  return result;
}

/** Registers every contract channel on ipcMain through handleIpcCall. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, options: IpcCallOptions): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channelName(channel), (event, rawInput: unknown) => handleIpcCall(options, channel, event, rawInput));
  }
}
