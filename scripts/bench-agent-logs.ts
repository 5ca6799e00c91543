/**
 * Benchmark of the Claude Code log reader: generates a log corpus of at least 1 GB in a temporary
 * folder, then prints our full scan time, ccusage's time on the same corpus, and our incremental
 * re-scan time after a few sessions grow. Run with `npm run bench:logs` (not part of the tests).
 * Options: --gb N (corpus size, default 1), --keep (leave the corpus on disk).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanAgentLogs } from '../src/core/agentLogs/scanLogs.ts';
import { Journal } from '../src/core/journal.ts';

const args = process.argv.slice(2);
const targetBytes = Number(args[args.indexOf('--gb') + 1] ?? 1) * 1024 ** 3 || 1024 ** 3;
const keep = args.includes('--keep');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-bench-logs-'));
const root = path.join(folder, 'claude');
const PADDING = 'x'.repeat(6000);
const MB = 1024 * 1024;

/** One turn of a session: a prompt, streamed assistant copies, tool results, a turn_duration line. */
function turnLines(sessionId: string, turn: number, startMs: number, context: object): string[] {
  const lines: string[] = [];
  const at = (offsetSeconds: number) => new Date(startMs + offsetSeconds * 1000).toISOString();
  lines.push(JSON.stringify({ ...context, type: 'user', timestamp: at(0), message: { role: 'user', content: `Prompt ${turn} for ${sessionId}` } }));
  for (let step = 0; step < 6; step += 1) {
    const id = `msg_${sessionId}_${turn}_${step}`;
    const usage = (output: number) => ({ input_tokens: 10 + step, output_tokens: output, cache_creation_input_tokens: 500, cache_read_input_tokens: 20_000 + turn });
    for (const output of [5, 120 + step]) {
      lines.push(JSON.stringify({ ...context, type: 'assistant', requestId: `req_${id}`, timestamp: at(5 + step * 20), message: { id, model: 'claude-sonnet-4-5-20250929', role: 'assistant', content: [{ type: 'text', text: PADDING.slice(0, 1500) }], usage: usage(output) } }));
    }
    lines.push(JSON.stringify({ ...context, type: 'user', timestamp: at(15 + step * 20), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${id}`, content: PADDING }] }, toolUseResult: { stdout: PADDING.slice(0, 2000) } }));
  }
  lines.push(JSON.stringify({ ...context, type: 'system', subtype: 'turn_duration', durationMs: 130_000, timestamp: at(131) }));
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

function generate(): { files: string[]; bytes: number } {
  let bytes = 0;
  const files: string[] = [];
  for (let index = 0; bytes < targetBytes; index += 1) {
    const sessionId = `bench-${String(index).padStart(5, '0')}`;
    const project = `-home-dev-project-${index % 20}`;
    const context = { sessionId, cwd: `/home/dev/project-${index % 20}`, gitBranch: 'main', version: '2.0.14' };
    const file = path.join(root, 'projects', project, `${sessionId}.jsonl`);
    bytes += writeSession(file, sessionId, 40, 0, context);
    files.push(file);
    if (index % 4 === 0) {
      bytes += writeSession(path.join(root, 'projects', project, sessionId, 'subagents', 'agent-1.jsonl'), `${sessionId}-sub`, 10, 0, { ...context, isSidechain: true });
    }
  }
  return { files, bytes };
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(2)} s`;
}

try {
  console.log(`Generating a corpus of at least ${(targetBytes / MB).toFixed(0)} MB in ${folder} …`);
  let start = performance.now();
  const corpus = generate();
  console.log(`  ${corpus.files.length} sessions, ${(corpus.bytes / MB).toFixed(0)} MB, written in ${seconds(start)}`);

  const journal = Journal.open(path.join(folder, 'bench.db'));
  start = performance.now();
  const full = scanAgentLogs(journal.db, [root]);
  const fullTime = seconds(start);
  const ourTotal = journal.agentSessions.listSessions().reduce((sum, session) => sum + session.totalTokens, 0);
  console.log(`Our full scan:        ${fullTime}  (${(full.bytesRead / MB).toFixed(0)} MB, ${full.linesRead} lines, ${full.sessionsUpdated} sessions)`);

  start = performance.now();
  // CCUSAGE_BIN: a ccusage 20.0.24 binary (`npm install --prefix DIR ccusage@20.0.24`), else npx's.
  const [command, ...prefix] = process.env.CCUSAGE_BIN ? [process.env.CCUSAGE_BIN] : ['npx', '--no-install', 'ccusage'];
  const ccusage = spawnSync(command as string, [...prefix, 'session', '--json', '--offline'], {
    env: { ...process.env, CLAUDE_CONFIG_DIR: root, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 512 * MB,
  });
  const ccusageTime = seconds(start);
  if (ccusage.status === 0) {
    const totals = (JSON.parse(ccusage.stdout) as { totals: { totalTokens: number } }).totals;
    console.log(`ccusage session:      ${ccusageTime}  (totalTokens ${totals.totalTokens}; ours ${ourTotal}${totals.totalTokens === ourTotal ? ', equal' : ', DIFFERENT'})`);
  } else {
    console.log(`ccusage session:      could not run (${ccusage.error?.message ?? ccusage.stderr.trim().split('\n').pop()})`);
  }

  // Ten sessions grow by five turns each; the re-scan should read only those bytes.
  let appended = 0;
  for (const [index, file] of corpus.files.slice(0, 10).entries()) {
    const sessionId = path.basename(file, '.jsonl');
    appended += writeSession(file, sessionId, 5, 40, { sessionId, cwd: `/home/dev/project-${index % 20}`, gitBranch: 'main' });
  }
  start = performance.now();
  const incremental = scanAgentLogs(journal.db, [root]);
  console.log(`Our incremental scan: ${seconds(start)}  (${(incremental.bytesRead / MB).toFixed(2)} MB read of ${(appended / MB).toFixed(2)} MB appended, ${incremental.filesRead} of ${incremental.filesSeen} files)`);
  start = performance.now();
  const idle = scanAgentLogs(journal.db, [root]);
  console.log(`Our scan, no change:  ${seconds(start)}  (${idle.bytesRead} bytes read)`);
  journal.close();
} finally {
  if (keep) console.log(`Corpus kept in ${folder}`);
  else fs.rmSync(folder, { recursive: true, force: true });
}
