import fs from 'node:fs';
import path from 'node:path';
import { findFiles, forEachLine, parseObject } from './jsonLines.ts';
import { TurnBuilder } from './turns.ts';
import { addTokens, emptyPart, noteTime, num, record, text, time, titleOf, type SessionPart, type Source, type SourceReader, type Tokens } from './types.ts';

/**
 * Gemini CLI chats: `~/.gemini/tmp/<hash of the project path>/chats/session-*.json` (one JSON
 * document, rewritten as the chat grows) and the newer `session-*.jsonl` (one record a line; a
 * message written again under the same `id` replaces the earlier copy). gemini-cli
 * `chatRecordingService`: `{ sessionId, projectHash, startTime, lastUpdated, messages: [{ id,
 * timestamp, type: 'user' | 'gemini' | 'info' | …, content, model, tokens: { input, output,
 * cached, thoughts, tool, total }, toolCalls }] }`.
 *
 * Tokens as ccusage 20.0.24 counts them: only `gemini` messages with a model; cached is inside
 * input when `total` = input + output + thoughts + tool (fresh input = input − cached); tool-use
 * prompt tokens are input; thoughts are reasoning, outside output; total = Σ `tokens.total`.
 * A session is its `sessionId`, summed over its files; a subagent's chat is a file with its own
 * `sessionId`, so its own row. `lastUpdated` is when the file was last written (it can be days
 * after the last message): not used as an end time.
 */

function geminiTokens(value: unknown): Tokens | null {
  const tokens = record(value);
  if (!tokens) return null;
  const input = num(tokens.input ?? tokens.prompt ?? tokens.input_tokens ?? tokens.prompt_tokens);
  const output = num(tokens.output ?? tokens.candidates ?? tokens.output_tokens ?? tokens.candidates_tokens);
  const cached = num(tokens.cached ?? tokens.cached_tokens);
  const thoughts = num(tokens.thoughts ?? tokens.reasoning ?? tokens.thoughts_tokens ?? tokens.reasoning_tokens);
  const tool = num(tokens.tool ?? tokens.tool_tokens);
  const total = typeof tokens.total === 'number' && Number.isFinite(tokens.total) ? Math.max(tokens.total, 0) : null;
  const inclusive = input + output + thoughts + tool;
  const cachedInside = cached > 0 && total === inclusive && total !== inclusive + cached;
  const fresh = cachedInside ? input - Math.min(input, cached) : input;
  const inputTokens = fresh + tool;
  if (inputTokens === 0 && output === 0 && cached === 0 && thoughts === 0) return null;
  return { input: inputTokens, cacheRead: cached, cacheWrite: 0, output, reasoning: thoughts, total: total ?? inputTokens + output + cached + thoughts };
}

interface Message {
  type: unknown;
  at: number | null;
  model: string | null;
  tokens: Tokens | null;
  text: string | null;
  toolTimes: number[];
}

function message(value: Record<string, unknown>, modelHint: string | null): Message {
  const toolTimes = (Array.isArray(value.toolCalls) ? value.toolCalls : [])
    .map((call) => time(record(call)?.timestamp))
    .filter((at): at is number => at !== null);
  const content = value.content;
  const contentText =
    typeof content === 'string' ? content : Array.isArray(content) ? content.map((piece) => text(record(piece)?.text) ?? '').join(' ') : null;
  return {
    type: value.type,
    at: time(value.timestamp) ?? time(value.created_at),
    model: text(value.model) ?? modelHint,
    tokens: value.type === 'gemini' ? geminiTokens(value.tokens) : null,
    text: contentText,
    toolTimes,
  };
}

function fold(filePath: string, sessionId: string, messages: Message[], badLines: number): SessionPart {
  const part = emptyPart(sessionId);
  part.badLines = badLines;
  const turns = new TurnBuilder();
  const models = new Set<string>();
  for (const entry of messages) {
    noteTime(part, entry.at);
    for (const at of entry.toolTimes) noteTime(part, at);
    if (entry.type === 'user') {
      part.title ??= titleOf(entry.text);
      turns.prompt(entry.at);
    } else if (entry.type === 'gemini') {
      turns.work(entry.at);
      for (const at of entry.toolTimes) turns.work(at);
      if (entry.tokens && entry.model) {
        addTokens(part.tokens, entry.tokens);
        models.add(entry.model);
      }
    }
  }
  const built = turns.finish();
  part.turns = built.turns;
  part.gaps = built.gaps;
  part.models = [...models].sort();
  return part;
}

export function readGeminiFile(filePath: string): SessionPart[] {
  const stem = path.basename(filePath).replace(/\.jsonl?$/, '');
  if (filePath.endsWith('.jsonl')) {
    let sessionId = stem;
    let model: string | null = null;
    let bad = 0;
    const byId = new Map<string, Message>();
    const list: Message[] = [];
    forEachLine(filePath, (line) => {
      const value = parseObject(line);
      if (!value) {
        bad += 1;
        return;
      }
      sessionId = text(value.sessionId) ?? text(value.session_id) ?? sessionId;
      model = text(value.model) ?? model;
      if (value.type === undefined) return;
      const entry = message(value, model);
      const id = text(value.id);
      if (id && byId.has(id)) {
        const index = list.indexOf(byId.get(id) as Message);
        list[index] = entry;
      } else list.push(entry);
      if (id) byId.set(id, entry);
    });
    return [fold(filePath, sessionId, list, bad)];
  }
  const value = parseObject(fs.readFileSync(filePath, 'utf8'));
  // Not a chat (logs.json is an array; settings and checkpoints have no messages): nothing to read.
  if (!value || !Array.isArray(value.messages)) return [];
  const sessionId = text(value.sessionId) ?? text(value.session_id) ?? stem;
  const messages = value.messages.flatMap((entry) => {
    const item = record(entry);
    return item ? [message(item, null)] : [];
  });
  return [fold(filePath, sessionId, messages, 0)];
}

export const geminiReader: SourceReader = {
  agent: 'gemini',
  defaultRoots(env, home) {
    const configured = env.GEMINI_CLI_HOME?.trim();
    return [configured ? path.join(path.resolve(configured), '.gemini') : path.join(home, '.gemini')];
  },
  listSources(root, skipped): Source[] {
    return findFiles(path.join(root, 'tmp'), ['.json', '.jsonl'], skipped)
      .sort().map((file) => ({ path: file }));
  },
  readSource(source) {
    return readGeminiFile(source.path);
  },
};
