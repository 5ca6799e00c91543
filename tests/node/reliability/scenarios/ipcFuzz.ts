import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { JournalError } from '../../../../src/core/errors.ts';
import { createCoreHandlers, SHELL_CHANNELS } from '../../../../src/core/ipc/coreHandlers.ts';
import { invokeHandler, type HandlerTable } from '../../../../src/core/ipc/invokeHandler.ts';
import { Journal } from '../../../../src/core/journal.ts';
import { CHANNELS, ipcContract, type Channel } from '../../../../src/shared/ipc/contract.ts';
import { contentHash } from '../support/database.ts';
import { generatedTask } from '../support/generatedTasks.ts';

export interface IpcFuzzFigures {
  channels: number;
  payloadsTried: number;
  accepted: number;
  rejected: number;
  /** invokeHandler threw or rejected instead of returning a result: must be 0. */
  crashes: number;
  /** Results that were neither { ok: true, value } nor { ok: false, error: { code, message } }. */
  malformedResults: number;
  /** Rejected payloads after which the database content differed: must be 0. */
  rejectedButChanged: number;
  prototypesPolluted: number;
  problems: string[];
}

/** Test doubles for the channels main implements (dialogs, clipboard, windows): valid outputs, no side effects. */
const SHELL_DOUBLES: Record<string, () => unknown> = {
  savePost: () => ({ path: null }),
  copyPost: () => ({ characters: 0 }),
  exportData: () => ({ path: null }),
  importData: () => ({ path: null, tasks: 0, days: 0 }),
  appInfo: () => ({ version: '0.0.0', databasePath: '/nowhere', backupFolder: '/nowhere', shortcutRegistered: false, shortcutError: null, shortcutNote: null, launchAtLoginAvailable: false }),
  openDataFolder: () => ({ opened: false }),
  backupNow: () => ({ path: '/nowhere/backup.db' }),
  closeQuickAdd: () => ({ closed: false }),
};

/** Every field name that appears anywhere in a zod schema, so the fuzzer builds objects the schemas look into. */
function fieldNames(schema: unknown, seen = new Set<unknown>(), names = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return names;
  seen.add(schema);
  const zodSchema = schema as z.ZodType & { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } };
  if (zodSchema.shape && typeof zodSchema.shape === 'object') {
    for (const [key, child] of Object.entries(zodSchema.shape)) {
      names.add(key);
      fieldNames(child, seen, names);
    }
  }
  const def = zodSchema._zod?.def ?? {};
  for (const key of ['innerType', 'in', 'out', 'element', 'schema', 'left', 'right']) fieldNames(def[key], seen, names);
  if (Array.isArray(def.options)) for (const option of def.options) fieldNames(option, seen, names);
  return names;
}

function nested(depth: number, array: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = array ? [value] : { a: value, title: value };
  return value;
}

/** An object whose own properties include keys like "__proto__" (as JSON.parse and structured clone produce). */
function withOwnKeys(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of [...Object.entries(base), ...Object.entries(extra)]) {
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

const HUGE_STRING = 'x'.repeat(2_000_000);
const POLLUTERS = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as Record<string, unknown>,
  JSON.parse('{"prototype": {"polluted": "yes"}, "__proto__": {"toString": "polluted"}}') as Record<string, unknown>,
];

function payloadArbitrary(names: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(names.length > 0 ? names : ['id'])) },
    { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const leaf = fc.oneof(
    fc.constantFrom<unknown>(
      NaN, Infinity, -Infinity, -0, -1, 0, 1, 1.5, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE, null, undefined, true, false,
      '', ' ', '2026-03-01', '2026-02-30', '0000-00-00', '9999-12-31', '2026-W09', '2026-W54', '2026-13', 'csv', 'json', 'asc',
      'title', 'leverage', '<script>alert(1)</script>', '=HYPERLINK("http://x")', '../../etc/passwd', '\u0000', HUGE_STRING,
    ),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom(nested(3000, true), nested(3000, false)),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: leaf },
      { weight: 3, arbitrary: fc.dictionary(key, tie('value'), { maxKeys: 6 }) },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 5 }) },
    ),
  }));
  const objectPayload = fc.dictionary(key, value, { maxKeys: 8 });
  return fc.oneof(
    { weight: 1, arbitrary: leaf },
    { weight: 5, arbitrary: objectPayload },
    { weight: 2, arbitrary: fc.tuple(objectPayload, fc.constantFrom(...POLLUTERS)).map(([base, extra]) => withOwnKeys(base, extra)) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }) },
  );
}

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
    .join('|');
}

/**
 * Sends `runsPerChannel` generated payloads to every channel of the IPC contract through the real
 * handler wrapper (invokeHandler) over a real journal with some data in it.
 */
export async function runIpcFuzz(runsPerChannel: number, seed = 20260301): Promise<IpcFuzzFigures> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-ipc-fuzz-'));
  const journal = Journal.open(path.join(folder, 'leverage.db'));
  const figures: IpcFuzzFigures = {
    channels: 0, payloadsTried: 0, accepted: 0, rejected: 0, crashes: 0, malformedResults: 0, rejectedButChanged: 0, prototypesPolluted: 0, problems: [],
  };
  const note = (problem: string) => {
    if (figures.problems.length < 20) figures.problems.push(problem);
  };
  try {
    journal.tasks.createMany(Array.from({ length: 12 }, (_, n) => generatedTask(3, n)));
    journal.days.update('2026-01-02', { intro: 'intro', analysis: 'analysis' });
    const shellDoubles = Object.fromEntries(
      SHELL_CHANNELS.map((channel) => [
        channel,
        SHELL_DOUBLES[channel] ?? (() => {
          throw new JournalError('FORBIDDEN', `no test double for ${channel}`);
        }),
      ]),
    );
    const handlers = { ...createCoreHandlers(journal), ...shellDoubles } as unknown as HandlerTable;
    const prototypes = prototypeSnapshot();
    // Every write goes through this connection, so an unchanged total_changes() proves the content is unchanged;
    // only when it moved is the (slower) full content hash compared.
    const changes = journal.db.prepare('SELECT total_changes() AS n').pluck();
    let hash = contentHash(journal.db);
    let changeCount = changes.get() as number;
    for (const [index, channel] of (CHANNELS as Channel[]).entries()) {
      figures.channels += 1;
      const payloads = fc.sample(payloadArbitrary([...fieldNames(ipcContract[channel].input)]), { numRuns: runsPerChannel, seed: seed + index });
      for (const payload of payloads) {
        figures.payloadsTried += 1;
        let result: unknown;
        try {
          result = await invokeHandler(ipcContract, handlers, channel, payload);
        } catch (error) {
          figures.crashes += 1;
          note(`${channel} threw: ${(error as Error).message}`);
          continue;
        }
        const shaped = result as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
        if (shaped.ok === true && 'value' in shaped) {
          figures.accepted += 1;
          if (changes.get() !== changeCount) {
            hash = contentHash(journal.db);
            changeCount = changes.get() as number;
          }
        } else if (shaped.ok === false && typeof shaped.error?.code === 'string' && typeof shaped.error.message === 'string') {
          figures.rejected += 1;
          const after = changes.get() === changeCount ? hash : contentHash(journal.db);
          changeCount = changes.get() as number;
          if (after !== hash) {
            figures.rejectedButChanged += 1;
            note(`${channel} rejected a payload (${shaped.error.code}) but the database changed`);
            hash = after;
          }
        } else {
          figures.malformedResults += 1;
          note(`${channel} returned ${JSON.stringify(result)?.slice(0, 200)}`);
        }
        if (prototypeSnapshot() !== prototypes || ({} as Record<string, unknown>).polluted !== undefined) {
          figures.prototypesPolluted += 1;
          note(`${channel}: a prototype was polluted`);
        }
      }
    }
  } finally {
    journal.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
