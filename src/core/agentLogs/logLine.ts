import type { LineMeta, LogEvent, TurnStart, Usage } from './logEvents.ts';

export type { LineMeta, LogEvent, Usage } from './logEvents.ts';

/**
 * Claude Code's JSONL records (docs/agent-time.md lists each shape and how it counts). Hand-read
 * rather than validated with a schema library: the scan reads millions of lines and uses a few
 * fields of each, so only those fields are checked, each for its type.
 */

/** Claude Code's placeholder for responses it made up itself (e.g. after an interrupt); no API call. */
export const SYNTHETIC_MODEL = '<synthetic>';

type Json = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A token count as ccusage reads it: a non-negative whole number, else 0. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a user message (a string, or the text parts of a content array); 'tool' when it carries tool results. */
function userText(content: unknown): string | 'tool' | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  let result = '';
  for (const part of content) {
    if (!isObject(part)) continue;
    if (part.type === 'tool_result') return 'tool';
    if (part.type === 'text' && typeof part.text === 'string') result = result === '' ? part.text : `${result}\n${part.text}`;
  }
  return result === '' ? null : result;
}

/** Lines Claude Code writes as a user record that are not a prompt and not agent work. */
const NOT_A_PROMPT = /^\s*(?:<local-command-(?:stdout|stderr|caveat)>|<bash-(?:input|stdout|stderr)>|<system-reminder>|<user-memory-input>|Caveat:|\[Request interrupted)/;
const COMMAND = /^\s*<command-(?:name|message|args)>/;
const NOTIFICATION = /^\s*<task-notification>/;

/** "/init src" from `<command-name>/init</command-name><command-args>src</command-args>`. */
function commandTitle(line: string): string | null {
  const name = /<command-name>([^<]*)<\/command-name>/.exec(line)?.[1]?.trim() ?? /<command-message>([^<]*)<\/command-message>/.exec(line)?.[1]?.trim();
  if (!name) return null;
  const args = /<command-args>([^<]*)<\/command-args>/.exec(line)?.[1]?.trim();
  const command = name.startsWith('/') ? name : `/${name}`;
  return args ? `${command} ${args}` : command;
}

function classifyUser(entry: Json, at: number | null, meta: LineMeta, inSubagentFile: boolean): LogEvent {
  const message = isObject(entry.message) ? entry.message : null;
  const content = userText(message?.content);
  if (content === 'tool') return { kind: 'work', at, meta };
  // Meta lines (caveats, a command's expanded prompt, reminders) and the compaction summary are
  // written by Claude Code, not sent by the person; they never open or extend a turn.
  if (entry.isMeta === true || entry.isCompactSummary === true || entry.isVisibleInTranscriptOnly === true || content === null) return { kind: 'other', at, meta };
  if (entry.isSidechain === true && !inSubagentFile) return { kind: 'other', at, meta };
  if (NOT_A_PROMPT.test(content)) return { kind: 'other', at, meta };
  let start: TurnStart = inSubagentFile ? 'delegated' : 'typed';
  let title: string | null = content;
  if (COMMAND.test(content)) {
    start = 'command';
    title = commandTitle(content);
  } else if (NOTIFICATION.test(content)) {
    start = 'notification';
    title = null;
  }
  return { kind: 'prompt', at, start, text: title, meta };
}

/** Reads one JSONL line; 'bad' when it is not a JSON object, null when it carries nothing we use. */
export function readLogLine(line: string, inSubagentFile = false): LogEvent | 'bad' | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'bad';
  }
  if (!isObject(raw)) return 'bad';
  const entry = raw;
  const meta: LineMeta = { sessionId: text(entry.sessionId), cwd: text(entry.cwd), gitBranch: text(entry.gitBranch), uuid: text(entry.uuid) };
  const type = entry.type;
  if (type === 'summary') {
    const summary = text(entry.summary);
    return summary === null ? null : { kind: 'summary', text: summary, leafUuid: text(entry.leafUuid), meta };
  }
  const time = typeof entry.timestamp === 'string' ? Date.parse(entry.timestamp) : Number.NaN;
  const at = Number.isFinite(time) ? time : null;
  if (type === 'assistant') {
    const message = isObject(entry.message) ? entry.message : null;
    // A made-up response (an API error shown as a message, "No response requested.") is not work.
    if (message?.model === SYNTHETIC_MODEL) return { kind: 'other', at, meta };
    const usage = isObject(message?.usage) ? message.usage : null;
    if (!usage) return { kind: 'work', at, meta };
    const counts: Usage = {
      input: count(usage.input_tokens),
      output: count(usage.output_tokens),
      cacheCreation: count(usage.cache_creation_input_tokens),
      cacheRead: count(usage.cache_read_input_tokens),
    };
    const id = text(message?.id);
    return { kind: 'usage', at, messageKey: id ? `${id}:${text(entry.requestId) ?? ''}` : null, model: text(message?.model), usage: counts, meta };
  }
  if (type === 'user') return classifyUser(entry, at, meta, inSubagentFile);
  if (type === 'system' && entry.subtype === 'turn_duration') {
    const duration = entry.durationMs;
    if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0) return { kind: 'turnDuration', at, durationMs: duration, meta };
    return { kind: 'other', at, meta };
  }
  // A prompt the person queued while the agent worked, delivered into the conversation.
  if (type === 'attachment' && isObject(entry.attachment) && entry.attachment.type === 'queued_command') {
    const prompt = entry.attachment.prompt;
    return { kind: 'prompt', at, start: 'typed', text: typeof prompt === 'string' && prompt.trim() !== '' ? prompt : null, meta };
  }
  // queue-operation, progress, file-history-snapshot, system (local_command, stop_hook_summary,
  // compact_boundary, …), attachments and record types newer than this reader: not agent work.
  return at === null && meta.sessionId === null ? null : { kind: 'other', at, meta };
}
