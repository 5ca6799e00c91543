/**
 * Benchmark of the Codex CLI, Gemini CLI and OpenCode readers against ccusage 20.0.24: for each
 * agent, generates a corpus of at least 1 GB (--gb N) shaped like real logs (many small sessions,
 * a few large ones), then prints, cold and end to end on the same files, our
 * `leverage --db NEW sessions --agent A --root DIR --json` against `ccusage A session --json
 * --offline` (median of --runs, default 3), the ratio, both token totals, our peak RSS, and the
 * re-scan after one session is appended. Not part of the tests (`npm run bench:logs`).
 * Options: --gb N, --runs N, --agent codex|gemini|opencode (repeatable), --keep.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const targetBytes = Number(option('--gb', '1')) * 1024 ** 3;
const runs = Math.max(1, Number(option('--runs', '3')));
const chosen = args.flatMap((arg, index) => (arg === '--agent' ? [args[index + 1] ?? ''] : []));
const agents = (chosen.length > 0 ? chosen : ['codex', 'gemini', 'opencode']) as ('codex' | 'gemini' | 'opencode')[];
const keep = args.includes('--keep');
const ccusageBin = process.env.CCUSAGE_BIN ?? '/tmp/leverage-ci-tools/node_modules/.bin/ccusage';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-bench-readers-'));
const PAD = 'lorem ipsum dolor sit amet '.repeat(200);
const iso = (ms: number) => new Date(ms).toISOString();
const uuid = (n: number) => `019b2c00-0000-7000-8000-${String(n).padStart(12, '0')}`;

function codexSession(index: number, turns: number): string {
  const base = Date.UTC(2026, 1, 1) + index * 3_600_000;
  const lines = [JSON.stringify({ timestamp: iso(base), type: 'session_meta', payload: { id: uuid(index), timestamp: iso(base), cwd: `/home/dev/p${index % 25}`, cli_version: '0.121.0' } })];
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 };
  for (let turn = 0; turn < turns; turn += 1) {
    const t = base + turn * 300_000;
    lines.push(JSON.stringify({ timestamp: iso(t), type: 'turn_context', payload: { cwd: `/home/dev/p${index % 25}`, model: turn % 3 ? 'gpt-5-codex' : 'gpt-5.1-codex' } }));
    lines.push(JSON.stringify({ timestamp: iso(t), type: 'event_msg', payload: { type: 'task_started', turn_id: String(turn) } }));
    lines.push(JSON.stringify({ timestamp: iso(t), type: 'event_msg', payload: { type: 'user_message', message: `Step ${turn}` } }));
    for (let call = 0; call < 4; call += 1) {
      const at = t + 10_000 + call * 20_000;
      lines.push(JSON.stringify({ timestamp: iso(at), type: 'response_item', payload: { type: 'function_call', name: 'shell', arguments: PAD.slice(0, 400), call_id: `c${call}` } }));
      lines.push(JSON.stringify({ timestamp: iso(at + 5000), type: 'response_item', payload: { type: 'function_call_output', call_id: `c${call}`, output: PAD } }));
      const last = { input_tokens: 9000 + call, cached_input_tokens: 6000, output_tokens: 300 + call, reasoning_output_tokens: 100, total_tokens: 9300 + 2 * call };
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += last[key];
      const line = JSON.stringify({ timestamp: iso(at + 6000), type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage: { ...total }, last_token_usage: last }, rate_limits: null } });
      lines.push(line, line);
    }
    lines.push(JSON.stringify({ timestamp: iso(t + 100_000), type: 'event_msg', payload: { type: 'task_complete', turn_id: String(turn), duration_ms: 99_000 } }));
  }
  return `${lines.join('\n')}\n`;
}

function geminiSession(index: number, turns: number): string {
  const base = Date.UTC(2026, 1, 1) + index * 3_600_000;
  const messages: unknown[] = [];
  for (let turn = 0; turn < turns; turn += 1) {
    const t = base + turn * 300_000;
    messages.push({ id: `u${turn}`, timestamp: iso(t), type: 'user', content: `Step ${turn}` });
    for (let call = 0; call < 3; call += 1) {
      messages.push({ id: `g${turn}-${call}`, timestamp: iso(t + 20_000 * (call + 1)), type: 'gemini', content: PAD, model: 'gemini-2.5-pro', tokens: { input: 9000, output: 300, cached: 6000, thoughts: 120, tool: 10, total: 9430 }, toolCalls: [{ id: `t${call}`, name: 'read_file', args: {}, result: [{ text: PAD }], status: 'success', timestamp: iso(t + 20_000 * (call + 1) + 3000) }] });
    }
  }
  return JSON.stringify({ sessionId: uuid(index), projectHash: `h${index % 25}`, startTime: iso(base), lastUpdated: iso(base + turns * 300_000 + 86_400_000), messages });
}

function generate(agent: string, root: string): number {
  let bytes = 0;
  if (agent === 'opencode') {
    fs.mkdirSync(root, { recursive: true });
    const db = new Database(path.join(root, 'opencode.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE session (id TEXT PRIMARY KEY, parent_id TEXT, directory TEXT, title TEXT, time_created INTEGER); CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT, time_created INTEGER, data TEXT); CREATE TABLE part (id TEXT PRIMARY KEY, message_id TEXT, data TEXT);');
    const putSession = db.prepare('INSERT INTO session VALUES (?, ?, ?, ?, ?)');
    const putMessage = db.prepare('INSERT INTO message VALUES (?, ?, ?, ?)');
    const putPart = db.prepare('INSERT INTO part VALUES (?, ?, ?)');
    let message = 0;
    for (let index = 0; bytes < targetBytes; index += 1) {
      const sessionId = `ses_bench${String(index).padStart(8, '0')}`;
      const base = Date.UTC(2026, 1, 1) + index * 3_600_000;
      db.transaction(() => {
        putSession.run(sessionId, index % 5 === 4 ? `ses_bench${String(index - 1).padStart(8, '0')}` : null, `/home/dev/p${index % 25}`, `Session ${index}`, base);
        const turns = index % 50 === 0 ? 200 : 10;
        for (let turn = 0; turn < turns; turn += 1) {
          const t = base + turn * 300_000;
          const user = { role: 'user', time: { created: t } };
          const reply = { role: 'assistant', time: { created: t + 1000, completed: t + 90_000 }, modelID: 'claude-sonnet-4-5', providerID: 'anthropic', path: { cwd: `/home/dev/p${index % 25}`, root: '/' }, tokens: { input: 900, output: 400, reasoning: 50, cache: { read: 20_000, write: 1000 } } };
          for (const data of [user, reply]) {
            const id = `msg_${String((message += 1)).padStart(10, '0')}`;
            const text = JSON.stringify(data);
            putMessage.run(id, sessionId, data.time.created, text);
            const part = JSON.stringify({ type: 'text', text: PAD });
            putPart.run(`prt_${id}`, id, part);
            bytes += text.length + part.length + 80;
          }
        }
      })();
    }
    db.close();
    return fs.statSync(path.join(root, 'opencode.db')).size;
  }
  for (let index = 0; bytes < targetBytes; index += 1) {
    const turns = index % 50 === 0 ? 300 : 12;
    const day = new Date(Date.UTC(2026, 1, 1) + index * 3_600_000).toISOString().slice(0, 10).split('-');
    const [file, text] =
      agent === 'codex'
        ? [path.join(root, index % 10 === 9 ? 'archived_sessions' : path.join('sessions', ...day), `rollout-${day.join('-')}T00-00-00-${uuid(index)}.jsonl`), codexSession(index, turns)]
        : [path.join(root, 'tmp', `hash${index % 25}`, 'chats', `session-${index}.json`), geminiSession(index, turns)];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += text.length;
  }
  return bytes;
}

function timed(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string; rssKb: number | null } {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1024 ** 3 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr.slice(-500)}`);
  const rss = Number(run.stderr.trim().split('\n').pop());
  return { ms, stdout: run.stdout, rssKb: Number.isFinite(rss) ? rss : null };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sum = (sessions: { totalTokens: number }[]) => sessions.reduce((total, session) => total + session.totalTokens, 0);
const ccusageEnv = (agent: string, root: string): NodeJS.ProcessEnv =>
  agent === 'codex' ? { CODEX_HOME: root } : agent === 'gemini' ? { GEMINI_DATA_DIR: path.join(root, 'tmp') } : { OPENCODE_DATA_DIR: root };

try {
  for (const agent of agents) {
    const root = path.join(folder, agent);
    const bytes = generate(agent, root);
    const ours: number[] = [];
    const theirs: number[] = [];
    let ourTotal = 0;
    let theirTotal = 0;
    let rss = 0;
    let db = '';
    for (let run = 0; run < runs; run += 1) {
      db = path.join(folder, `${agent}-${run}.db`);
      const mine = timed(process.execPath, ['--no-warnings', 'src/cli/leverage.ts', '--db', db, 'sessions', '--agent', agent, '--root', root, '--json'], {});
      ours.push(mine.ms);
      rss = Math.max(rss, mine.rssKb ?? 0);
      ourTotal = sum((JSON.parse(mine.stdout) as { sessions: { totalTokens: number }[] }).sessions);
      const oracle = timed(ccusageBin, [agent, 'session', '--json', '--offline'], ccusageEnv(agent, root));
      theirs.push(oracle.ms);
      theirTotal = sum((JSON.parse(oracle.stdout) as { sessions: { totalTokens: number }[] }).sessions);
    }
    // Re-scan after one more session.
    if (agent === 'codex') {
      const day = path.join(root, 'sessions', '2030', '01', '01');
      fs.mkdirSync(day, { recursive: true });
      fs.writeFileSync(path.join(day, `rollout-2030-01-01T00-00-00-${uuid(99_999_999)}.jsonl`), codexSession(99_999_999, 5));
    }
    else if (agent === 'gemini') fs.writeFileSync(path.join(root, 'tmp', 'hash0', 'chats', 'session-new.json'), geminiSession(99_999_999, 5));
    const rescan = timed(process.execPath, ['--no-warnings', 'src/cli/leverage.ts', '--db', db, 'sessions', '--agent', agent, '--root', root, '--json'], {});
    const ratio = median(ours) / median(theirs);
    console.log(
      `${agent.padEnd(8)} corpus ${(bytes / 1024 ** 3).toFixed(2)} GB · cold scan ours ${(median(ours) / 1000).toFixed(2)} s vs ccusage ${(median(theirs) / 1000).toFixed(2)} s (median of ${runs}) · ratio ${ratio.toFixed(2)} · tokens ours ${ourTotal} ccusage ${theirTotal} ${ourTotal === theirTotal ? '(identical)' : '(DIFFER)'} · our peak RSS ${(rss / 1024).toFixed(0)} MB · re-scan after one appended session ${(rescan.ms / 1000).toFixed(2)} s`,
    );
  }
} finally {
  if (keep) console.log(`corpus kept in ${folder}`);
  else fs.rmSync(folder, { recursive: true, force: true });
}
