import { z } from 'zod';

/** Token counts of one API response, as Claude Code logs them in `message.usage`. */
export interface Usage {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
}

/** What one log line tells us. */
export type LogEvent =
  | { kind: 'usage'; at: number | null; messageKey: string | null; model: string | null; usage: Usage; meta: LineMeta }
  | { kind: 'prompt'; at: number | null; text: string; meta: LineMeta }
  | { kind: 'activity'; at: number | null; meta: LineMeta }
  | { kind: 'turnDuration'; at: number | null; durationMs: number; meta: LineMeta }
  | { kind: 'summary'; text: string; meta: LineMeta };

export interface LineMeta {
  sessionId: string | null;
  cwd: string | null;
  gitBranch: string | null;
}

const count = z.number().int().nonnegative().catch(0);
const usageSchema = z.object({
  input_tokens: count.optional(),
  output_tokens: count.optional(),
  cache_creation_input_tokens: count.optional(),
  cache_read_input_tokens: count.optional(),
});

const lineSchema = z.object({
  type: z.string().optional(),
  subtype: z.string().optional(),
  timestamp: z.string().optional(),
  sessionId: z.string().optional(),
  requestId: z.string().optional(),
  cwd: z.string().optional(),
  gitBranch: z.string().optional(),
  isMeta: z.boolean().optional(),
  isSidechain: z.boolean().optional(),
  durationMs: z.number().optional(),
  summary: z.string().optional(),
  message: z
    .object({
      id: z.string().optional(),
      model: z.string().optional(),
      role: z.string().optional(),
      content: z.unknown().optional(),
      usage: usageSchema.optional(),
    })
    .optional(),
});

/** Claude Code's placeholder for responses it made up itself (e.g. after an interrupt); no API call. */
export const SYNTHETIC_MODEL = '<synthetic>';

function promptText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  // A user line that carries tool results is the agent's own loop, not a person's prompt.
  if (content.some((part) => (part as { type?: unknown })?.type === 'tool_result')) return null;
  const text = content
    .filter((part): part is { type: 'text'; text: string } => (part as { type?: unknown })?.type === 'text' && typeof (part as { text?: unknown }).text === 'string')
    .map((part) => part.text)
    .join('\n');
  return text === '' ? null : text;
}

/** Prompts Claude Code writes for itself (slash-command wrappers, interrupts, caveats). */
function isMachinePrompt(text: string): boolean {
  return /^\s*<(?:command-|local-command-|system-reminder|bash-)/.test(text) || /^\[Request interrupted/.test(text) || text.startsWith('Caveat:');
}

/** Reads one JSONL line; 'bad' when it is not a JSON object, null when it carries nothing we use. */
export function readLogLine(line: string): LogEvent | 'bad' | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'bad';
  }
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) return 'bad';
  const entry = parsed.data;
  const meta: LineMeta = { sessionId: entry.sessionId ?? null, cwd: entry.cwd ?? null, gitBranch: entry.gitBranch ?? null };
  const time = entry.timestamp === undefined ? Number.NaN : Date.parse(entry.timestamp);
  const at = Number.isFinite(time) ? time : null;
  if (entry.type === 'summary' && entry.summary) return { kind: 'summary', text: entry.summary, meta };
  if (entry.type === 'system' && entry.subtype === 'turn_duration' && typeof entry.durationMs === 'number' && entry.durationMs >= 0) {
    return { kind: 'turnDuration', at, durationMs: entry.durationMs, meta };
  }
  const message = entry.message;
  if (entry.type === 'assistant' && message?.usage && message.model !== SYNTHETIC_MODEL) {
    const usage = message.usage;
    return {
      kind: 'usage',
      at,
      messageKey: message.id ? `${message.id}:${entry.requestId ?? ''}` : null,
      model: message.model ?? null,
      usage: {
        input: usage.input_tokens ?? 0,
        output: usage.output_tokens ?? 0,
        cacheCreation: usage.cache_creation_input_tokens ?? 0,
        cacheRead: usage.cache_read_input_tokens ?? 0,
      },
      meta,
    };
  }
  if (entry.type === 'user' && !entry.isMeta && !entry.isSidechain) {
    const text = promptText(message?.content);
    if (text !== null) return isMachinePrompt(text) ? null : { kind: 'prompt', at, text, meta };
  }
  return at === null ? null : { kind: 'activity', at, meta };
}
