/**
 * Benchmark of the Claude Code log reader, measured the way a person meets it: cold, end to end.
 * Generates a corpus shaped like real logs (many small sessions, sessions copied across projects,
 * subagent files, a few large sessions), then, median of 3 runs each:
 *   ours:    npm run --silent leverage -- --db NEW sessions --root DIR --since 2000-01-01 --json
 *   ccusage: CLAUDE_CONFIG_DIR=DIR ccusage claude session --json --offline
 * and prints both times, their ratio (ours ÷ ccusage, the target is ≤ 1.0), both token totals
 * (they must be identical), our peak RSS, and the incremental re-scan after one appended session.
 * Run with `npm run bench:logs` (not part of the tests). Options: --gb N (corpus size, default 1),
 * --keep (leave the corpus on disk). CCUSAGE_BIN: a ccusage 20.0.24 binary, else npx's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AgentSessionStore } from '../src/core/agentLogs/agentSessionStore.ts';
import { scanAgentLogs } from '../src/core/agentLogs/scanLogs.ts';
import { openDatabase } from '../src/core/store/database.ts';

const args = process.argv.slice(2);
const gbArg = args.indexOf('--gb');
const targetBytes = Number(gbArg === -1 ? 1 : args[gbArg + 1]) * 1024 ** 3 || 1024 ** 3;
const keep = args.includes('--keep');
const RUNS = 3;
const MB = 1024 * 1024;

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-bench-logs-'));
const root = path.join(folder, 'claude');
const PADDING = 'x'.repeat(6000);

/** One turn: a prompt, streamed assistant copies, tool results, noise records, a turn_duration line. */
function turnLines(sessionId: string, turn: number, startMs: number, context: object): string[] {
  const lines: string[] = [];
  const at = (offsetSeconds: number) => new Date(startMs + offsetSeconds * 1000).toISOString();
  lines.push(JSON.stringify({ ...context, type: 'user', uuid: `u-${sessionId}-${turn}`, timestamp: at(0), message: { role: 'user', content: `Prompt ${turn} for ${sessionId}` } }));
  for (let step = 0; step < 6; step += 1) {
    const id = `msg_${sessionId}_${turn}_${step}`;
    const usage = (output: number) => ({ input_tokens: 10 + step, output_tokens: output, cache_creation_input_tokens: 500, cache_read_input_tokens: 20_000 + turn });
    for (const output of [5, 120 + step]) {
      lines.push(JSON.stringify({ ...context, type: 'assistant', requestId: `req_${id}`, uuid: `a-${id}-${output}`, timestamp: at(5 + step * 20), message: { id, model: 'claude-sonnet-4-5-20250929', role: 'assistant', content: [{ type: 'text', text: PADDING.slice(0, 1500) }], usage: usage(output) } }));
    }
    lines.push(JSON.stringify({ ...context, type: 'progress', timestamp: at(8 + step * 20), data: { type: 'hook_progress', hookEvent: 'PostToolUse' } }));
    lines.push(JSON.stringify({ ...context, type: 'user', uuid: `t-${id}`, timestamp: at(15 + step * 20), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${id}`, content: PADDING }] }, toolUseResult: { stdout: PADDING.slice(0, 2000) } }));
  }
  lines.push(JSON.stringify({ ...context, type: 'system', subtype: 'turn_duration', durationMs: 130_000, timestamp: at(131) }));
  lines.push(JSON.stringify({ type: 'file-history-snapshot', messageId: `m-${sessionId}-${turn}`, snapshot: { trackedFileBackups: {}, timestamp: at(131) } }));
  return lines;
}

function writeSession(file: string, sessionId: string, turns: number, firstTurn: number, context: object): number {
  const chunks: string[] = [];
  for (let turn = firstTurn; turn < firstTurn + turns; turn += 1) chunks.push(...turnLines(sessionId, turn, Date.UTC(2026, 2, 1) + turn * 600_000, context));
  const text = `${chunks.join('\n')}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, text);
  return Buffer.byteLength(text);
}

/** Mostly small sessions (1–8 turns), every 10th copied into another project, every 4th with a subagent, and 3 large ones. */
function generate(): { files: string[]; bytes: number } {
  let bytes = 0;
  const files: string[] = [];
  for (let index = 0; bytes < targetBytes; index += 1) {
    const sessionId = `bench-${String(index).padStart(6, '0')}`;
    const project = `-home-dev-project-${index % 40}`;
    const context = { sessionId, cwd: `/home/dev/project-${index % 40}`, gitBranch: 'main', version: '2.1.14', isSidechain: false };
    const large = index < 3;
    const turns = large ? Math.max(1, Math.floor(targetBytes / 20 / 70_000)) : 1 + (index % 8);
    const file = path.join(root, 'projects', project, `${sessionId}.jsonl`);
    bytes += writeSession(file, sessionId, turns, 0, context);
    files.push(file);
    if (index % 10 === 5) {
      const copy = path.join(root, 'projects', `-home-dev-worktree-${index % 7}`, `${sessionId}.jsonl`);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(file, copy);
      bytes += fs.statSync(copy).size;
    }
    if (index % 4 === 0) {
      bytes += writeSession(path.join(root, 'projects', project, sessionId, 'subagents', `agent-${index}.jsonl`), sessionId, 2, 0, { ...context, isSidechain: true });
    }
  }
  return { files, bytes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const hasTime = fs.existsSync('/usr/bin/time');

/** Runs a command; returns wall seconds, peak RSS (KB, via /usr/bin/time when present) and stdout. */
function timed(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): { seconds: number; rssKb: number | null; stdout: string; ok: boolean; error: string } {
  const rssFile = path.join(folder, 'rss.txt');
  const [file, fileArgs] = hasTime ? ['/usr/bin/time', ['-o', rssFile, '-f', '%M', command, ...commandArgs]] : [command, commandArgs];
  const start = performance.now();
  const run = spawnSync(file as string, fileArgs as string[], { env, encoding: 'utf8', maxBuffer: 1024 * MB });
  const seconds = (performance.now() - start) / 1000;
  const rssKb = hasTime && fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : null;
  return { seconds, rssKb, stdout: run.stdout ?? '', ok: run.status === 0, error: run.error?.message ?? (run.stderr ?? '').trim().split('\n').pop() ?? '' };
}

try {
  console.log(`Generating a corpus of at least ${(targetBytes / MB).toFixed(0)} MB in ${folder} …`);
  let start = performance.now();
  const corpus = generate();
  const fileCount = fs.readdirSync(path.join(root, 'projects'), { recursive: true }).filter((name) => String(name).endsWith('.jsonl')).length;
  console.log(`  ${corpus.files.length} sessions in ${fileCount} files, ${(corpus.bytes / MB).toFixed(0)} MB, written in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  const ours: ReturnType<typeof timed>[] = [];
  const theirs: ReturnType<typeof timed>[] = [];
  const [ccusage, ...prefix] = process.env.CCUSAGE_BIN ? [process.env.CCUSAGE_BIN] : ['npx', '--no-install', 'ccusage'];
  for (let run = 0; run < RUNS; run += 1) {
    // Cold: a new database each run; the page cache holds the corpus for both tools alike.
    const db = path.join(folder, `cold-${run}.db`);
    ours.push(timed('npm', ['run', '--silent', 'leverage', '--', '--db', db, 'sessions', '--root', root, '--since', '2000-01-01', '--json'], process.env));
    theirs.push(timed(ccusage as string, [...prefix, 'claude', 'session', '--json', '--offline'], { ...process.env, CLAUDE_CONFIG_DIR: root, NO_COLOR: '1' }));
  }
  const ourRun = ours[ours.length - 1] as ReturnType<typeof timed>;
  const theirRun = theirs[theirs.length - 1] as ReturnType<typeof timed>;
  const ourTime = median(ours.map((run) => run.seconds));
  const ourTotal = ourRun.ok ? (JSON.parse(ourRun.stdout) as { sessions: { totalTokens: number }[] }).sessions.reduce((sum, session) => sum + session.totalTokens, 0) : null;
  console.log(`leverage sessions (cold, end to end): median ${ourTime.toFixed(2)} s of ${ours.map((run) => run.seconds.toFixed(2)).join(', ')}; peak RSS ${ours.map((run) => (run.rssKb === null ? 'n/a' : `${(run.rssKb / 1024).toFixed(0)} MB`)).join(', ')}${ourRun.ok ? '' : ` — FAILED: ${ourRun.error}`}`);
  if (theirRun.ok) {
    const theirTime = median(theirs.map((run) => run.seconds));
    const theirTotal = (JSON.parse(theirRun.stdout) as { totals: { totalTokens: number } }).totals.totalTokens;
    console.log(`ccusage claude session:              median ${theirTime.toFixed(2)} s of ${theirs.map((run) => run.seconds.toFixed(2)).join(', ')}; peak RSS ${theirs.map((run) => (run.rssKb === null ? 'n/a' : `${(run.rssKb / 1024).toFixed(0)} MB`)).join(', ')}`);
    console.log(`Ratio ours ÷ ccusage: ${(ourTime / theirTime).toFixed(2)} (target ≤ 1.00)`);
    console.log(`totalTokens: ours ${ourTotal}, ccusage ${theirTotal} — ${ourTotal === theirTotal ? 'identical' : 'DIFFERENT'}`);
  } else {
    console.log(`ccusage: could not run (${theirRun.error}); set CCUSAGE_BIN to a ccusage 20.0.24 binary`);
  }

  // Incremental: one new session appears; the re-scan reads only its bytes (in-process, no start-up).
  const db = openDatabase(path.join(folder, 'cold-0.db')).db;
  const appended = writeSession(path.join(root, 'projects', '-home-dev-project-0', 'bench-appended.jsonl'), 'bench-appended', 5, 0, { sessionId: 'bench-appended', cwd: '/home/dev/project-0' });
  start = performance.now();
  const incremental = scanAgentLogs(db, [root]);
  const incrementalMs = performance.now() - start;
  console.log(`Re-scan after one appended session: ${incrementalMs.toFixed(0)} ms (target < 50 ms; ${(incremental.bytesRead / MB).toFixed(2)} MB read of ${(appended / MB).toFixed(2)} MB appended, ${incremental.filesRead} of ${incremental.filesSeen} files)`);
  start = performance.now();
  const idle = scanAgentLogs(db, [root]);
  console.log(`Re-scan, nothing changed:           ${(performance.now() - start).toFixed(0)} ms (${idle.bytesRead} bytes read)`);
  console.log(`Sessions stored: ${new AgentSessionStore(db).listSessions().length}`);
  db.close();
} finally {
  if (keep) console.log(`Corpus kept in ${folder}`);
  else fs.rmSync(folder, { recursive: true, force: true });
}
