import { isJournalError } from '../errors.ts';
import { ipcContract, type Channel, type ChannelOutput, type IpcContract, type IpcResult, type ParsedInput } from '../../shared/ipc/contract.ts';
import { describeIssues } from '../../shared/domain/task.ts';

/** A handler receives the parsed input. */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

type KeysOf<S> = S extends unknown ? keyof S : never;
type ValueAt<S, K extends PropertyKey> = S extends unknown ? (K extends keyof S ? S[K] : never) : never;
/** Keys, at any depth, that a value of type H carries and the type S does not declare. */
export type ExtraKeys<H, S> = H extends readonly (infer Item)[]
  ? ExtraKeys<Item, S extends readonly (infer Declared)[] ? Declared : never>
  : H extends object
    ? Exclude<keyof H, KeysOf<S>> | { [K in keyof H]-?: ExtraKeys<H[K], ValueAt<S, K>> }[keyof H]
    : never;
/**
 * The channels of a handler table whose handler returns a field, at any depth, that the channel's
 * output schema does not declare. zod strips unknown keys, so such a field would compile and then
 * vanish at the IPC boundary; a field the schema requires and the handler lacks already fails the
 * handler's type.
 */
export type DriftingChannels<T> = {
  [C in keyof T & Channel]: T[C] extends (...args: never[]) => infer R ? ([ExtraKeys<Awaited<R>, ChannelOutput<C>>] extends [never] ? never : C) : C;
}[keyof T & Channel];
/** Fails `tsc` naming every channel whose handler output and contract output differ. */
export type ExpectExactOutputs<T extends never> = T;

/**
 * Runs one channel's handler on untrusted input: parses it with the contract's schema, runs the
 * handler, checks its output, and turns every failure into an error result. Never throws.
 */
export async function invokeHandler<C extends Channel>(
  contract: IpcContract,
  handlers: HandlerTable,
  channel: C,
  rawInput: unknown,
): Promise<IpcResult<ChannelOutput<C>>> {
  try {
    if (!Object.hasOwn(contract, channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}.` } };
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${channel}: ${describeIssues(parsed.error)}` } };
    }
    const handler = handlers[channel] as Handler<C>;
    const value = await handler(parsed.data as ParsedInput<C>);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      return { ok: false, error: { code: 'INTERNAL', message: `The app produced an invalid result for ${channel}: ${describeIssues(checked.error)}` } };
    }
    return { ok: true, value: checked.data as ChannelOutput<C> };
  } catch (error) {
    if (isJournalError(error)) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}

export function invoke<C extends Channel>(handlers: HandlerTable, channel: C, rawInput: unknown): Promise<IpcResult<ChannelOutput<C>>> {
  return invokeHandler(ipcContract, handlers, channel, rawInput);
}
