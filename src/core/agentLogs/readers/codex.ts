import path from 'node:path';
import { findFiles, forEachLine, parseObject } from './jsonLines.ts';
import { TurnBuilder } from './turns.ts';
import { addTokens, emptyPart, noteTime, num, record, text, time, titleOf, type SessionPart, type Source, type SourceReader, type Tokens } from './types.ts';

/**
 * Codex CLI rollouts: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl` and
 * `$CODEX_HOME/archived_sessions/*.jsonl` (codex-rs `rollout/recorder.rs`: one
 * `{timestamp, type, payload}` record a line; `session_meta`, `turn_context`, `response_item`,
 * `event_msg`, `compacted`).
 *
 * Tokens (as ccusage 20.0.24 counts them): `event_msg` `token_count` carries
 * `info.total_token_usage` (running total) and `info.last_token_usage` (this call); `info` may be
 * null. An event whose running total equals the previous one repeats it and is skipped; the call's
 * own figures come from `last_token_usage` (else the difference of the totals), so a total that
 * resets after an aborted turn is still counted right. Cached input is inside input and reasoning
 * inside output: fresh input = input − cached, output here = output − reasoning, total = the
 * call's `total_tokens` (input + output). A forked child's file replays its parent's history at
 * the fork, in one burst: when two or more token counts are written within one second of the
 * file's first one, they are the parent's and are not counted again (ccusage's rule).
 */

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;
const REPLAY_BURST_MS = 1000;
const FALLBACK_MODEL = 'gpt-5';

interface RawUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

function rawUsage(value: unknown): RawUsage | null {
  const usage = record(value);
  if (!usage) return null;
  const input = num(usage.input_tokens);
  const output = num(usage.output_tokens);
  const reasoning = num(usage.reasoning_output_tokens);
  const total = num(usage.total_tokens);
  return { input, cached: num(usage.cached_input_tokens ?? usage.cache_read_input_tokens), output, reasoning, total: total > 0 ? total : input + output + reasoning };
}

const sameUsage = (a: RawUsage, b: RawUsage) =>
  a.input === b.input && a.cached === b.cached && a.output === b.output && a.reasoning === b.reasoning && a.total === b.total;

function minus(current: RawUsage, previous: RawUsage | null): RawUsage {
  const d = (a: number, b: number | undefined) => Math.max(a - (b ?? 0), 0);
  return {
    input: d(current.input, previous?.input),
    cached: d(current.cached, previous?.cached),
    output: d(current.output, previous?.output),
    reasoning: d(current.reasoning, previous?.reasoning),
    total: d(current.total, previous?.total),
  };
}

function normalise(raw: RawUsage): Tokens {
  const cached = Math.min(raw.cached, raw.input);
  const reasoning = Math.min(raw.reasoning, raw.output);
  return { input: raw.input - cached, cacheRead: cached, cacheWrite: 0, output: raw.output - reasoning, reasoning, total: raw.total };
}

const HEAD = '{"timestamp":"';
const ITEM_PREFIXES = ['","type":"response_item","payload":{"type":"function_call', '","type":"response_item","payload":{"type":"custom_tool_call', '","type":"response_item","payload":{"type":"reasoning"', '","type":"response_item","payload":{"type":"message","role":"assistant"'];
const EVENT_KINDS = ['agent_message', 'agent_reasoning', 'exec_command_end', 'exec_command_begin', 'patch_apply_end', 'mcp_tool_call_end'];

/** The time of a line that is plainly the agent's work (codex writes `{"timestamp":"…","type":…` first), else null. */
function quickWork(line: string): number | null {
  if (!line.startsWith(HEAD)) return null;
  const end = line.indexOf('"', HEAD.length);
  if (end === -1) return null;
  const rest = line.slice(end, end + 90);
  const agentItem = ITEM_PREFIXES.some((prefix) => rest.startsWith(prefix));
  const agentEvent = !agentItem && rest.startsWith('","type":"event_msg","payload":{"type":"') && EVENT_KINDS.some((kind) => rest.startsWith(kind, 40) && rest.charAt(40 + kind.length) === '"');
  if (!agentItem && !agentEvent) return null;
  const at = Date.parse(line.slice(HEAD.length, end));
  return Number.isNaN(at) ? null : at;
}

/** One rollout file: its session (the id of its first `session_meta`, else the UUID ending its name). */
export function readCodexFile(filePath: string): SessionPart {
  const fromName = UUID_AT_END.exec(path.basename(filePath))?.[1] ?? path.basename(filePath, '.jsonl');
  const part = emptyPart(fromName);
  const turns = new TurnBuilder();
  const models = new Set<string>();
  let sawMeta = false;
  let forked = false;
  let previousTotal: RawUsage | null = null;
  let model: string | null = null;
  // The first token counts of a forked file: two or more within a second are the parent's replayed history.
  let burst: { firstAt: number; events: number; held: { tokens: Tokens; model: string }[]; open: boolean } | null = null;
  const count = ({ tokens, model: used }: { tokens: Tokens; model: string }) => {
    addTokens(part.tokens, tokens);
    models.add(used);
  };
  const settleBurst = () => {
    if (burst?.open) {
      burst.open = false;
      if (burst.events === 1) burst.held.forEach(count);
    }
  };
  let turnByTask = false;

  forEachLine(filePath, (line) => {
    // Most of a rollout is the agent's own items (messages, tool calls and their output, often
    // large): their time is all they give, read without parsing the line.
    const quick = quickWork(line);
    if (quick !== null) {
      noteTime(part, quick);
      turns.work(quick);
      return;
    }
    const entry = parseObject(line);
    if (!entry) {
      part.badLines += 1;
      return;
    }
    const at = time(entry.timestamp);
    const payload = record(entry.payload);
    const type = entry.type;
    if (at !== null) noteTime(part, at);
    if (type === 'session_meta' && payload) {
      const id = text(payload.id);
      if (!sawMeta) {
        sawMeta = true;
        if (id) part.sessionId = id;
        part.cwd ??= text(payload.cwd);
        const parent = text(payload.forked_from_id);
        if (parent) {
          forked = true;
          part.parentId = parent;
        }
      } else if (id && id !== part.sessionId) {
        // The parent's own meta, replayed at the fork.
        forked = true;
        part.parentId ??= id;
      }
      return;
    }
    if (type === 'turn_context' && payload) {
      model = text(payload.model) ?? model;
      part.cwd ??= text(payload.cwd);
      return;
    }
    if (type === 'event_msg' && payload) {
      switch (payload.type) {
        case 'token_count': {
          turns.work(at);
          const info = record(payload.info);
          if (!info) return;
          const total = rawUsage(info.total_token_usage);
          const last = rawUsage(info.last_token_usage);
          const infoModel = text(info.model) ?? text(info.model_name);
          if (infoModel) model = infoModel;
          const repeated = total !== null && previousTotal !== null && sameUsage(total, previousTotal);
          const raw = repeated ? null : (last ?? (total ? minus(total, previousTotal) : null));
          if (total) previousTotal = total;
          const counted = raw && raw.input + raw.cached + raw.output + raw.reasoning > 0 ? { tokens: normalise(raw), model: model ?? FALLBACK_MODEL } : null;
          if (forked && at !== null && (burst === null || (burst.open && at - burst.firstAt <= REPLAY_BURST_MS))) {
            burst ??= { firstAt: at, events: 0, held: [], open: true };
            burst.events += 1;
            if (counted) burst.held.push(counted);
            return;
          }
          settleBurst();
          if (counted) count(counted);
          return;
        }
        case 'task_started':
          turns.prompt(at);
          turnByTask = true;
          return;
        case 'user_message':
          part.title ??= titleOf(payload.message);
          if (!turnByTask) turns.prompt(at);
          return;
        case 'task_complete':
        case 'turn_aborted': {
          const duration = payload.duration_ms;
          if (typeof duration === 'number' && duration >= 0) turns.measured(at, duration);
          else {
            if (payload.type === 'task_complete') turns.work(at);
            turns.end();
          }
          turnByTask = false;
          return;
        }
        default:
          turns.work(at);
          return;
      }
    }
    if (type === 'response_item' || type === 'compacted') {
      const item = payload;
      // The person's own message is a prompt (versions without event_msg user_message).
      if (item?.type === 'message' && item.role === 'user') return;
      turns.work(at);
      return;
    }
    // Versions before the {type, payload} envelope: the first line is the meta, then bare items.
    if (!sawMeta && text(entry.id) && entry.type === undefined) {
      sawMeta = true;
      part.sessionId = text(entry.id) ?? part.sessionId;
      return;
    }
  });
  settleBurst();
  const built = turns.finish();
  part.turns = built.turns;
  part.gaps = built.gaps;
  part.models = [...models].sort();
  return part;
}

export const codexReader: SourceReader = {
  agent: 'codex',
  defaultRoots(env, home) {
    const configured = env.CODEX_HOME?.trim();
    return [configured ? path.resolve(configured) : path.join(home, '.codex')];
  },
  listSources(root, skipped): Source[] {
    const found = [...findFiles(path.join(root, 'sessions'), ['.jsonl'], skipped), ...findFiles(path.join(root, 'archived_sessions'), ['.jsonl'], skipped)];
    return found.sort().map((file) => ({ path: file }));
  },
  readSource(source) {
    return [readCodexFile(source.path)];
  },
};
