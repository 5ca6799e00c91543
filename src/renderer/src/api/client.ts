import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload, IpcResult, LeverageApi } from '../../../shared/ipc/contract.ts';
import type { ClientErrorCode } from '../../../shared/errorCodes.ts';
import { toast } from '../stores/toastStore.ts';

/** An error the main process reported, with its stable code and a sentence for people. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  constructor(code: ClientErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The only place that touches `window.api` (the preload bridge). */
function bridge(): LeverageApi {
  const api = (window as unknown as { api?: LeverageApi }).api;
  if (!api) throw new ApiError('NO_BRIDGE', 'The app bridge is missing: the window was not opened by Leverage Journal.');
  return api;
}

type Invoke = (input?: unknown) => Promise<IpcResult<unknown>>;

/** Calls a channel and unwraps its result; a failure throws an ApiError with the main process's words. */
export async function request<C extends Channel>(channel: C, ...args: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]): Promise<ChannelOutput<C>> {
  let result: IpcResult<unknown>;
  try {
    result = await (bridge()[channel] as unknown as Invoke)(args[0]);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('BRIDGE', error instanceof Error ? error.message : String(error));
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value as ChannelOutput<C>;
}

/** Like `request`, but shows the error in a toast and resolves to undefined instead of throwing. */
export async function call<C extends Channel>(channel: C, ...args: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]): Promise<ChannelOutput<C> | undefined> {
  try {
    return await request(channel, ...args);
  } catch (error) {
    toast('error', error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** Subscribes to an event main pushes; returns the unsubscribe function (a no-op without the bridge). */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const api = (window as unknown as { api?: LeverageApi }).api;
  if (!api) return () => undefined;
  return api.on(event, listener);
}

// Publishing and backups: named wrappers for the shell channels the publishing
// and backup views use. Each shows main's error in a toast and resolves to undefined on failure.
/** Asks where to save a period article; writes the markdown and its SVG charts beside it. */
export const saveArticle = (input: ChannelInput<'saveArticle'>) => call('saveArticle', input);
/** The backups folder, newest first as main lists them. */
export const listBackups = () => call('listBackups');
/** Restores a listed backup after main takes a safety backup of the current journal. */
export const restoreBackup = (input: ChannelInput<'restoreBackup'>) => call('restoreBackup', input);
