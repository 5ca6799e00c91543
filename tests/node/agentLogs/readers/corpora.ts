import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Fixture corpora made here (invented content) for each agent's log shapes: Codex CLI rollouts,
 * Gemini CLI chats, OpenCode JSON storage and SQLite database. Each writer returns the folder
 * the reader takes as --root.
 */

const L = (value: unknown) => JSON.stringify(value);
const at = (base: string, seconds: number) => new Date(Date.parse(base) + seconds * 1000).toISOString();

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const usage = (input: number, cached: number, output: number, reasoning: number) => ({
  input_tokens: input,
  cached_input_tokens: cached,
  output_tokens: output,
  reasoning_output_tokens: reasoning,
  total_tokens: input + output,
});
type U = ReturnType<typeof usage>;
const tokenCount = (time: string, total: U | null, last: U | null) =>
  L({ timestamp: time, type: 'event_msg', payload: { type: 'token_count', info: total ? { total_token_usage: total, last_token_usage: last, model_context_window: 272000 } : null, rate_limits: null } });
const meta = (time: string, id: string, cwd: string, extra: Record<string, unknown> = {}) =>
  L({ timestamp: time, type: 'session_meta', payload: { id, timestamp: time, cwd, originator: 'codex_cli_rs', cli_version: '0.121.0', ...extra } });
const context = (time: string, model: string, cwd = '/work/app') => L({ timestamp: time, type: 'turn_context', payload: { cwd, model, approval_policy: 'on-request' } });
const event = (time: string, payload: Record<string, unknown>) => L({ timestamp: time, type: 'event_msg', payload });
const item = (time: string, payload: Record<string, unknown>) => L({ timestamp: time, type: 'response_item', payload });

export const CODEX = {
  main: '019b1a00-1111-7aaa-8bbb-000000000001',
  fork: '019b1a00-1111-7aaa-8bbb-000000000002',
  archived: '019b1a00-1111-7aaa-8bbb-000000000003',
  old: '019b1a00-1111-7aaa-8bbb-000000000004',
} as const;

/** `$CODEX_HOME`: a main session, a forked child, an archived session, an old one without task events. */
export function writeCodexCorpus(root: string): string {
  const day = path.join(root, 'sessions', '2026', '03', '02');
  const t = (s: number) => at('2026-03-02T09:00:00.000Z', s);
  // Main: two turns; null info first; repeated totals; a second model; an aborted turn whose total resets;
  // a line holding U+0085 inside a string; a truncated last line.
  const main = [
    meta(t(0), CODEX.main, '/work/app'),
    context(t(1), 'gpt-5-codex'),
    event(t(2), { type: 'task_started', turn_id: '1', model_context_window: 272000 }),
    event(t(2), { type: 'user_message', message: 'Add retries to the upload client\u0085with backoff', images: [] }),
    tokenCount(t(3), null, null),
    item(t(20), { type: 'function_call', name: 'shell', arguments: '{"command":["ls"]}', call_id: 'c1' }),
    tokenCount(t(30), usage(10_000, 2_000, 800, 300), usage(10_000, 2_000, 800, 300)),
    tokenCount(t(31), usage(10_000, 2_000, 800, 300), usage(10_000, 2_000, 800, 300)),
    tokenCount(t(60), usage(25_000, 12_000, 1_500, 500), usage(15_000, 10_000, 700, 200)),
    tokenCount(t(61), usage(25_000, 12_000, 1_500, 500), usage(15_000, 10_000, 700, 200)),
    event(t(90), { type: 'agent_message', message: 'Done: retries with exponential backoff.' }),
    event(t(90), { type: 'task_complete', turn_id: '1', last_agent_message: 'Done', duration_ms: 88_000 }),
    // The person answers 4 minutes later; the model changes.
    context(t(330), 'gpt-5.1-codex'),
    event(t(330), { type: 'task_started', turn_id: '2' }),
    event(t(330), { type: 'user_message', message: 'Now the tests', images: [] }),
    tokenCount(t(400), usage(31_000, 15_000, 1_900, 600), usage(6_000, 3_000, 400, 100)),
    // Aborted: its records share one instant, its own duration says 49 s; the running total restarts.
    event(t(449), { type: 'turn_aborted', reason: 'interrupted', duration_ms: 119_000 }),
    event(t(600), { type: 'task_started', turn_id: '3' }),
    event(t(600), { type: 'user_message', message: 'Try again', images: [] }),
    tokenCount(t(660), usage(4_000, 1_000, 300, 50), usage(4_000, 1_000, 300, 50)),
    event(t(700), { type: 'unknown_future_event', detail: 1 }),
    event(t(720), { type: 'task_complete', turn_id: '3', duration_ms: 120_000 }),
  ];
  write(path.join(day, `rollout-2026-03-02T09-00-00-${CODEX.main}.jsonl`), `${main.join('\n')}\n{"timestamp":"2026-03-02T09:12:30.000Z","type":"event_msg","payl`);

  // A forked child: its own meta, then the parent's replayed history written in one instant, then its own turn.
  const f = (s: number) => at('2026-03-02T10:00:00.000Z', s);
  const fork = [
    meta(f(0), CODEX.fork, '/work/app', { forked_from_id: CODEX.main }),
    meta(f(0), CODEX.main, '/work/app'),
    context(f(0), 'gpt-5-codex'),
    event(f(0), { type: 'user_message', message: 'Add retries to the upload client', images: [] }),
    tokenCount(f(0), usage(10_000, 2_000, 800, 300), usage(10_000, 2_000, 800, 300)),
    tokenCount(f(0), usage(25_000, 12_000, 1_500, 500), usage(15_000, 10_000, 700, 200)),
    event(f(30), { type: 'task_started', turn_id: '1' }),
    event(f(30), { type: 'user_message', message: 'Explore a second design', images: [] }),
    tokenCount(f(75), usage(33_000, 18_000, 1_900, 650), usage(8_000, 6_000, 400, 150)),
    event(f(80), { type: 'task_complete', turn_id: '1', duration_ms: 50_000 }),
  ];
  write(path.join(day, `rollout-2026-03-02T10-00-00-${CODEX.fork}.jsonl`), `${fork.join('\n')}\n`);

  // Archived (moved out of sessions/ by `codex archive`): no duration_ms (v0.104 to v0.120).
  const a = (s: number) => at('2026-02-20T15:00:00.000Z', s);
  const archived = [
    meta(a(0), CODEX.archived, '/work/site'),
    context(a(0), 'o4-mini'),
    event(a(1), { type: 'task_started', turn_id: '1' }),
    event(a(1), { type: 'user_message', message: 'Fix the footer', images: [] }),
    tokenCount(a(40), usage(3_000, 0, 200, 0), usage(3_000, 0, 200, 0)),
    event(a(45), { type: 'task_complete', turn_id: '1' }),
  ];
  write(path.join(root, 'archived_sessions', `rollout-2026-02-20T15-00-00-${CODEX.archived}.jsonl`), `${archived.join('\n')}\n`);

  // Before task events: turns reconstructed from the person's messages and the agent's records; totals only.
  const o = (s: number) => at('2026-03-01T08:00:00.000Z', s);
  const old = [
    meta(o(0), CODEX.old, '/work/cli'),
    context(o(0), 'gpt-5'),
    event(o(5), { type: 'user_message', message: 'Rename the flag' }),
    tokenCount(o(25), usage(2_000, 500, 100, 20), null),
    tokenCount(o(35), usage(3_500, 1_500, 180, 40), null),
    event(o(36), { type: 'agent_message', message: 'Renamed.' }),
  ];
  write(path.join(day, '..', '01', `rollout-2026-03-01T08-00-00-${CODEX.old}.jsonl`), `${old.join('\n')}\n`);
  return root;
}

export const GEMINI = { main: 'a1b2c3d4-0000-4000-8000-00000000aa01', sub: 'a1b2c3d4-0000-4000-8000-00000000aa02', line: 'a1b2c3d4-0000-4000-8000-00000000aa03' } as const;

/** The `.gemini` folder: a session spanning two chat files, a subagent's own chat, a newer .jsonl chat. */
export function writeGeminiCorpus(root: string): string {
  const chats = path.join(root, 'tmp', '5f2c0e7a9b1d3f4e6a8c0b2d4f6e8a0c1b3d5f7e9a0b2c4d6e8f0a1b3c5d7e9f', 'chats');
  const g = (s: number) => at('2026-03-02T13:00:00.000Z', s);
  const tokens = (input: number, output: number, cached: number, thoughts: number, tool: number) => ({
    input,
    output,
    cached,
    thoughts,
    tool,
    total: input + output + thoughts + tool,
  });
  write(
    path.join(chats, 'session-2026-03-02T13-00-a1b2c3d4.json'),
    L({
      sessionId: GEMINI.main,
      projectHash: '5f2c0e7a',
      startTime: g(0),
      // Written days later (the file was opened again): not an end time.
      lastUpdated: '2026-03-05T08:00:00.000Z',
      messages: [
        { id: 'm1', timestamp: g(0), type: 'user', content: 'Summarise the failing CI job' },
        { id: 'm2', timestamp: g(40), type: 'gemini', content: 'Reading the log.', model: 'gemini-2.5-pro', tokens: tokens(12_000, 400, 8_000, 900, 50), toolCalls: [{ id: 't1', name: 'read_file', status: 'success', timestamp: g(55) }] },
        { id: 'm3', timestamp: g(70), type: 'gemini', content: 'The cache key changed.', model: 'gemini-2.5-pro', tokens: tokens(14_000, 300, 12_000, 200, 0) },
        { id: 'm4', timestamp: g(200), type: 'info', content: 'Request cancelled.' },
      ],
    }),
  );
  // The same session continued in a second file (after /chat resume), with a second model.
  write(
    path.join(chats, 'session-2026-03-02T14-00-a1b2c3d4.json'),
    L({
      sessionId: GEMINI.main,
      projectHash: '5f2c0e7a',
      startTime: g(3600),
      lastUpdated: g(3700),
      messages: [
        { id: 'n1', timestamp: g(3600), type: 'user', content: 'Now patch it' },
        { id: 'n2', timestamp: g(3650), type: 'gemini', content: 'Patched.', model: 'gemini-2.5-flash', tokens: tokens(5_000, 250, 0, 100, 0) },
      ],
    }),
  );
  // A subagent's chat: its own sessionId, its own row.
  write(
    path.join(chats, 'session-2026-03-02T13-01-sub.json'),
    L({
      sessionId: GEMINI.sub,
      projectHash: '5f2c0e7a',
      kind: 'subagent',
      startTime: g(45),
      lastUpdated: g(60),
      messages: [
        { id: 's1', timestamp: g(45), type: 'user', content: 'Find the cache step' },
        { id: 's2', timestamp: g(60), type: 'gemini', content: 'Step 4.', model: 'gemini-2.5-flash', tokens: tokens(3_000, 120, 1_000, 30, 0) },
      ],
    }),
  );
  // The newer .jsonl chat: a metadata line, messages, one message written again (the later copy counts), a bad line.
  const j = (s: number) => at('2026-03-02T16:00:00.000Z', s);
  write(
    path.join(chats, 'session-2026-03-02T16-00-line.jsonl'),
    `${[
      L({ sessionId: GEMINI.line, projectHash: '5f2c0e7a', startTime: j(0) }),
      L({ id: 'u1', timestamp: j(0), type: 'user', content: [{ text: 'Write the changelog' }] }),
      L({ id: 'r1', timestamp: j(20), type: 'gemini', content: 'Drafting', model: 'gemini-2.5-pro', tokens: tokens(2_000, 50, 0, 10, 0) }),
      L({ id: 'r1', timestamp: j(30), type: 'gemini', content: 'Drafted.', model: 'gemini-2.5-pro', tokens: tokens(2_000, 600, 0, 40, 0) }),
      '{"id": "broken',
      L({ id: 'u2', timestamp: j(150), type: 'user', content: [{ text: 'Shorter' }] }),
      L({ id: 'r2', timestamp: j(170), type: 'gemini', content: 'Done.', model: 'gemini-2.5-pro', tokens: tokens(2_700, 100, 2_000, 0, 0) }),
    ].join('\n')}\n`,
  );
  // Not chats: Gemini's own logs.json (an array) beside them.
  write(path.join(chats, '..', 'logs.json'), L([{ sessionId: GEMINI.main, messageId: 0, type: 'user', message: 'x', timestamp: g(0) }]));
  return root;
}

export const OPENCODE = { parent: 'ses_3a1f00000001AbCdEfGh', child: 'ses_3a1f00000002AbCdEfGh', json: 'ses_2b0e00000003AbCdEfGh' } as const;

const ocMessage = (id: string, sessionID: string, role: string, created: number, completed: number | null, tokens?: Record<string, unknown>, model = 'claude-sonnet-4-5') => ({
  id,
  sessionID,
  role,
  time: completed === null ? { created } : { created, completed },
  ...(role === 'assistant' ? { modelID: model, providerID: 'anthropic', path: { cwd: '/work/api', root: '/work/api' }, cost: 0, tokens } : {}),
});

/** OpenCode's data folder: a SQLite database (parent and child sessions) and older JSON storage. */
export function writeOpenCodeCorpus(root: string): string {
  fs.mkdirSync(root, { recursive: true });
  const base = Date.parse('2026-03-02T17:00:00.000Z');
  const s = (seconds: number) => base + seconds * 1000;
  const db = new Database(path.join(root, 'opencode.db'));
  db.exec(`CREATE TABLE session (id TEXT PRIMARY KEY, project_id TEXT, parent_id TEXT, directory TEXT, title TEXT, time_created INTEGER, time_updated INTEGER);
    CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT, time_created INTEGER, time_updated INTEGER, data TEXT);`);
  db.prepare('INSERT INTO session VALUES (?, ?, ?, ?, ?, ?, ?)').run(OPENCODE.parent, 'p1', null, '/work/api', 'Paginate the orders endpoint', s(0), s(400));
  db.prepare('INSERT INTO session VALUES (?, ?, ?, ?, ?, ?, ?)').run(OPENCODE.child, 'p1', OPENCODE.parent, '/work/api', 'Explore the query planner (@explore subagent)', s(30), s(120));
  const put = db.prepare('INSERT INTO message VALUES (?, ?, ?, ?, ?)');
  const rows = [
    ocMessage('msg_001', OPENCODE.parent, 'user', s(0), null),
    ocMessage('msg_002', OPENCODE.parent, 'assistant', s(1), s(150), { input: 1_200, output: 900, reasoning: 300, cache: { read: 20_000, write: 4_000 } }),
    ocMessage('msg_005', OPENCODE.parent, 'user', s(300), null),
    ocMessage('msg_006', OPENCODE.parent, 'assistant', s(302), s(400), { input: 400, output: 500, reasoning: 0, cache: { read: 24_000, write: 300 } }, 'gpt-5'),
    // A message with no tokens (still streaming when written): not counted.
    ocMessage('msg_007', OPENCODE.parent, 'assistant', s(401), null, { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } }),
    ocMessage('msg_003', OPENCODE.child, 'user', s(30), null),
    ocMessage('msg_004', OPENCODE.child, 'assistant', s(31), s(120), { input: 800, output: 200, reasoning: 100, cache: { read: 5_000, write: 1_000 } }),
  ];
  for (const row of rows) {
    const { id, sessionID, ...data } = row;
    put.run(id, sessionID, row.time.created, row.time.created, JSON.stringify(data));
  }
  put.run('msg_bad', OPENCODE.parent, s(500), s(500), '{not json');
  db.close();
  // Older JSON storage: one file a message, one file a session.
  const j = (seconds: number) => Date.parse('2026-02-25T11:00:00.000Z') + seconds * 1000;
  write(path.join(root, 'storage', 'session', 'proj-9', `${OPENCODE.json}.json`), L({ id: OPENCODE.json, projectID: 'proj-9', directory: '/work/docs', title: 'Tidy the README', time: { created: j(0), updated: j(90) } }));
  const messages = [
    ocMessage('msg_101', OPENCODE.json, 'user', j(0), null),
    ocMessage('msg_102', OPENCODE.json, 'assistant', j(2), j(60), { input: 700, output: 350, reasoning: 0, cache: { read: 3_000, write: 900 } }, 'qwen3-coder'),
  ];
  for (const message of messages) write(path.join(root, 'storage', 'message', OPENCODE.json, `${message.id}.json`), L(message));
  return root;
}
