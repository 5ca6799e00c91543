import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseObject } from './jsonLines.ts';
import { TurnBuilder } from './turns.ts';
import { addTokens, emptyPart, noteTime, num, record, text, time, titleOf, type SessionPart, type Source, type SourceReader, type Tokens } from './types.ts';

/**
 * OpenCode's data folder (`$XDG_DATA_HOME/opencode`, `~/.local/share/opencode`): older versions
 * keep JSON storage (`storage/session/<project>/<ses_…>.json`, `storage/message/<ses_…>/<msg_…>.json`),
 * newer ones a SQLite database (`opencode.db`, tables `session` and `message` whose `data` column
 * holds the message JSON). The database is opened read-only (the running agent keeps writing it;
 * when it is locked the scan skips it and reads it next time, never waiting on the agent).
 *
 * Messages: `{ id, sessionID, role, time: { created, completed }, modelID, providerID,
 * path: { cwd }, tokens: { input, output, reasoning, cache: { read, write } } }`. Tokens as ccusage
 * 20.0.24 counts them: messages with a provider, a model and some tokens; input excludes the
 * cache; total = input + output + reasoning + cache read + cache write. A session is its `ses_…`
 * id; a child session (a subagent's) has its parent's id in `parentID` and is its own row, so a
 * parent's tokens never include its children's. Where both hold a session, the database wins.
 */

interface OpenCodeMessage {
  id: string | null;
  role: unknown;
  created: number | null;
  completed: number | null;
  model: string | null;
  billable: boolean;
  tokens: Tokens;
  cwd: string | null;
}

function toMessage(value: Record<string, unknown>): OpenCodeMessage {
  const tokens = record(value.tokens);
  const cache = record(tokens?.cache);
  const t = {
    input: num(tokens?.input),
    output: num(tokens?.output),
    reasoning: num(tokens?.reasoning),
    cacheRead: num(cache?.read),
    cacheWrite: num(cache?.write),
  };
  const times = record(value.time);
  const model = text(value.modelID);
  const some = t.input + t.output + t.reasoning + t.cacheRead + t.cacheWrite > 0;
  return {
    id: text(value.id),
    role: value.role,
    created: time(times?.created),
    completed: time(times?.completed),
    model,
    billable: tokens !== null && some && model !== null && text(value.providerID) !== null,
    tokens: { ...t, total: t.input + t.output + t.reasoning + t.cacheRead + t.cacheWrite },
    cwd: text(record(value.path)?.cwd) ?? text(record(value.path)?.root),
  };
}

function foldSession(sessionId: string, info: Record<string, unknown> | null, messages: OpenCodeMessage[], badLines: number): SessionPart {
  const part = emptyPart(sessionId);
  part.badLines = badLines;
  part.parentId = text(info?.parentID) ?? text(info?.parent_id);
  part.title = titleOf(info?.title);
  part.cwd = text(info?.directory);
  const turns = new TurnBuilder();
  const models = new Set<string>();
  const sorted = [...messages].sort((a, b) => (a.created ?? 0) - (b.created ?? 0) || String(a.id).localeCompare(String(b.id)));
  for (const message of sorted) {
    noteTime(part, message.created);
    noteTime(part, message.completed);
    part.cwd ??= message.cwd;
    if (message.role === 'user') turns.prompt(message.created);
    else turns.workSpan(message.created, message.completed);
    if (message.billable && message.model) {
      addTokens(part.tokens, message.tokens);
      models.add(message.model);
    }
  }
  const built = turns.finish();
  part.turns = built.turns;
  part.gaps = built.gaps;
  part.models = [...models].sort();
  return part;
}

/** The sessions of the SQLite database, read-only. */
export function readOpenCodeDatabase(dbPath: string): SessionPart[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 250 });
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    if (!tables.has('message')) return [];
    const infos = new Map<string, Record<string, unknown>>();
    if (tables.has('session')) {
      for (const row of db.prepare('SELECT * FROM session').iterate() as Iterable<Record<string, unknown>>) {
        const id = text(row.id);
        if (id) infos.set(id, { parentID: row.parent_id ?? row.parentID, title: row.title, directory: row.directory });
      }
    }
    const bySession = new Map<string, OpenCodeMessage[]>();
    let bad = 0;
    for (const row of db.prepare('SELECT id, session_id, data FROM message').iterate() as Iterable<{ id: unknown; session_id: unknown; data: unknown }>) {
      const data = typeof row.data === 'string' ? parseObject(row.data) : null;
      const sessionId = text(row.session_id);
      if (!data || !sessionId) {
        bad += 1;
        continue;
      }
      const message = toMessage({ ...data, id: row.id });
      const list = bySession.get(sessionId) ?? [];
      list.push(message);
      bySession.set(sessionId, list);
    }
    const ids = new Set([...bySession.keys(), ...infos.keys()]);
    return [...ids].sort().map((id, index) => ({ ...foldSession(id, infos.get(id) ?? null, bySession.get(id) ?? [], index === 0 ? bad : 0), precedence: 1 }));
  } finally {
    db.close();
  }
}

/** One session of the JSON storage: its message folder (and its session file, when there is one). */
export function readOpenCodeStorageSession(folder: string, sessionFile: string | null): SessionPart[] {
  const sessionId = path.basename(folder);
  let bad = 0;
  const messages: OpenCodeMessage[] = [];
  for (const name of fs.readdirSync(folder).filter((entry) => entry.endsWith('.json')).sort()) {
    let value: Record<string, unknown> | null;
    try {
      value = parseObject(fs.readFileSync(path.join(folder, name), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') bad += 1;
      continue;
    }
    if (!value) bad += 1;
    else messages.push(toMessage(value));
  }
  const info = sessionFile && fs.existsSync(sessionFile) ? parseObject(fs.readFileSync(sessionFile, 'utf8')) : null;
  const sid = messages.length > 0 || info ? sessionId : null;
  return sid ? [foldSession(sid, info, messages, bad)] : [];
}

const DB_PATTERN = /^opencode(-[\w-]+)?\.db$/;

export const opencodeReader: SourceReader = {
  agent: 'opencode',
  defaultRoots(env, home) {
    const configured = env.OPENCODE_DATA_DIR?.trim();
    if (configured) return [path.resolve(configured)];
    return [path.join(env.XDG_DATA_HOME?.trim() || path.join(home, '.local', 'share'), 'opencode')];
  },
  listSources(root, skipped): Source[] {
    const sources: Source[] = [];
    let entries: string[];
    try {
      entries = fs.readdirSync(root);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') skipped.push({ path: root, reason: code ?? String(error) });
      return [];
    }
    for (const name of entries.filter((entry) => DB_PATTERN.test(entry)).sort()) {
      const dbPath = path.join(root, name);
      sources.push({ path: dbPath, companions: [`${dbPath}-wal`], kind: 'database' });
    }
    const sessionFiles = new Map<string, string>();
    const sessionRoot = path.join(root, 'storage', 'session');
    for (const project of safeList(sessionRoot, skipped)) {
      for (const file of safeList(path.join(sessionRoot, project), skipped)) {
        if (file.endsWith('.json')) sessionFiles.set(file.slice(0, -'.json'.length), path.join(sessionRoot, project, file));
      }
    }
    const messageRoot = path.join(root, 'storage', 'message');
    for (const sessionId of safeList(messageRoot, skipped).sort()) {
      const folder = path.join(messageRoot, sessionId);
      const files = safeList(folder, skipped)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => path.join(folder, file));
      const info = sessionFiles.get(sessionId);
      sources.push({ path: folder, companions: info ? [info, ...files] : files, kind: 'folder', sessionFile: info ?? null });
    }
    return sources;
  },
  readSource(source) {
    return source.kind === 'database' ? readOpenCodeDatabase(source.path) : readOpenCodeStorageSession(source.path, source.sessionFile ?? null);
  },
};

function safeList(folder: string, skipped: { path: string; reason: string }[]): string[] {
  try {
    return fs.readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') skipped.push({ path: folder, reason: code ?? String(error) });
    return [];
  }
}
