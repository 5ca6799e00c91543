import { isJournalError } from '../errors.ts';
import { ipcContract, type Channel, type ChannelOutput, type IpcContract, type IpcResult, type ParsedInput } from '../../shared/ipc/contract.ts';
import { describeIssues } from '../../shared/domain/task.ts';

/** A handler receives the parsed input. */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

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
