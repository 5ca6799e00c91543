import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentSessionStore } from '../../../src/core/agentLogs/agentSessionStore.ts';
import type { AgentSession } from '../../../src/core/agentLogs/agentSession.ts';
import { scanAgentLogs } from '../../../src/core/agentLogs/scanLogs.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';
import { record as r, writeLog, type Context } from './sessionShapes.ts';

/** Scans one root and returns the session with that id. */
function scanOne(root: string, sessionId: string): AgentSession {
  const journal = tempJournal();
  scanAgentLogs(journal.db, [root]);
  return new AgentSessionStore(journal.db).requireSession(sessionId);
}

const M = (minutes: number, seconds = 0) => minutes + seconds / 60;

/** The session's figures with its time figures rounded to the microsecond, so sums of fractions compare. */
function figures(session: AgentSession | Partial<AgentSession>): Record<string, unknown> {
  const round = (value: number) => Math.round(value * 60_000_000) / 60_000_000;
  return Object.fromEntries(Object.entries(session).map(([key, value]) => [key, typeof value === 'number' && /Minutes|Hours/.test(key) ? round(value) : value]));
}

describe('agent time, agent-hours, person time, wall time and title of each session shape (docs/agent-time.md)', () => {
  it('a caveat line written at /exit hours after the last reply does not extend the turn', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-caveat' };
    writeLog(root, 'shape-caveat.jsonl', [
      r.prompt(s, '10:00:00', 'Rename the config loader'),
      r.assistant(s, '10:00:20'),
      r.toolResult(s, '10:00:50'),
      r.assistant(s, '10:01:24'),
      r.caveat(s, '14:48:00'),
      r.command(s, '14:48:00', '/exit'),
      r.commandOutput(s, '14:48:01', 'Goodbye!'),
    ]);
    expect(figures(scanOne(root, 'shape-caveat'))).toMatchObject(figures({
      agentMinutes: M(1, 24),
      agentHours: M(1, 24) / 60,
      // The /exit is the person's next action: the gap is capped at 5 minutes.
      personMinutes: 5,
      wallMinutes: M(288, 1),
      agentTimeSource: 'reconstructed',
      title: 'Rename the config loader',
    }));
  });

  it('queue operations, progress, snapshots, local commands and hook summaries after a turn do not extend it', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-queue' };
    writeLog(root, 'shape-queue.jsonl', [
      r.queue(s, '09:59:59', 'dequeue'),
      r.snapshot(s, '10:00:00'),
      r.prompt(s, '10:00:00', 'Add retries to the uploader'),
      r.assistant(s, '10:01:00'),
      r.progress(s, '10:02:00'),
      r.toolResult(s, '10:03:00'),
      r.assistant(s, '10:05:00'),
      r.system(s, '10:05:01', 'stop_hook_summary'),
      r.queue(s, '10:20:00', 'enqueue', 'also log the attempts'),
      r.queue(s, '10:40:00', 'remove'),
      r.progress(s, '10:41:00'),
      r.system(s, '10:42:00', 'local_command'),
    ]);
    expect(figures(scanOne(root, 'shape-queue'))).toMatchObject(figures({ agentMinutes: 5, agentHours: 5 / 60, personMinutes: 0, wallMinutes: M(42, 1), title: 'Add retries to the uploader' }));
  });

  it('a turn started by a slash command (its expansion is meta) counts; a local command adds nothing', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-command' };
    writeLog(root, 'shape-command.jsonl', [
      r.command(s, '09:00:00', '/init'),
      r.expansion(s, '09:00:00', 'Please analyze this codebase and create a CLAUDE.md file…'),
      r.assistant(s, '09:00:30'),
      r.toolResult(s, '09:02:00'),
      r.assistant(s, '09:07:00'),
      r.command(s, '09:09:00', '/cost'),
      r.commandOutput(s, '09:09:00', 'Total cost: $0.12'),
      r.command(s, '09:10:00', '/review-pr', '42'),
      r.expansion(s, '09:10:00', 'Review pull request 42 …'),
      r.assistant(s, '09:13:00'),
    ]);
    expect(figures(scanOne(root, 'shape-command'))).toMatchObject(figures({
      agentMinutes: 7 + 3,
      agentHours: 10 / 60,
      // 09:07 → /cost (2 min), then /cost → /review-pr (1 min): the person's own command moves the mark.
      personMinutes: 2 + 1,
      wallMinutes: 13,
      agentTimeSource: 'reconstructed',
      // No typed prompt: the first command names the session.
      title: '/init',
    }));
  });

  it('turn_duration is used for the turns that have it and reconstruction for the rest (an interrupted turn)', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-interrupted' };
    writeLog(root, 'shape-interrupted.jsonl', [
      r.prompt(s, '10:00:00', 'Profile the importer'),
      r.assistant(s, '10:00:40'),
      r.toolResult(s, '10:01:30'),
      r.assistant(s, '10:01:58'),
      r.turnDuration(s, '10:02:00', 120_000),
      r.promptParts(s, '10:10:00', 'Now make it stream'),
      r.assistant(s, '10:11:00'),
      r.toolResult(s, '10:13:00'),
      r.interrupted(s, '10:13:30'),
      r.prompt(s, '10:14:00', 'Stop, keep the buffer'),
      r.assistant(s, '10:14:30'),
      r.turnDuration(s, '10:14:31', 31_000),
    ]);
    expect(figures(scanOne(root, 'shape-interrupted'))).toMatchObject(figures({
      // 2:00 measured + 3:00 reconstructed (10:10 → the tool result at 10:13; the interrupt line is not work) + 0:31 measured.
      agentMinutes: M(5, 31),
      agentTimeSource: 'mixed',
      // 10:02 → 10:10 capped at 5, 10:13 → 10:14 is 1.
      personMinutes: 6,
      wallMinutes: M(14, 31),
      title: 'Profile the importer',
    }));
  });

  it('a turn cut by compaction is reconstructed across the boundary; the compaction summary opens no turn', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-compact' };
    writeLog(root, 'shape-compact.jsonl', [
      r.prompt(s, '11:00:00', 'Migrate the store to the new schema'),
      r.assistant(s, '11:05:00'),
      r.toolResult(s, '11:19:00'),
      r.compactBoundary(s, '11:20:00'),
      r.compactSummary(s, '11:20:05'),
      r.assistant(s, '11:21:00'),
      r.toolResult(s, '11:29:00'),
      r.assistant(s, '11:30:00'),
      r.prompt(s, '11:32:00', 'Run the tests'),
      r.assistant(s, '11:33:00'),
      r.turnDuration(s, '11:34:00', 120_000),
    ]);
    expect(figures(scanOne(root, 'shape-compact'))).toMatchObject(figures({ agentMinutes: 30 + 2, agentTimeSource: 'mixed', personMinutes: 2, wallMinutes: 34 }));
  });

  it('a background subagent working after the parent turn ended adds its time; parallel subagents add agent-hours', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-background' };
    const sub: Context = { sessionId: 'shape-background', isSidechain: true };
    writeLog(root, 'shape-background.jsonl', [
      r.prompt(s, '10:00:00', 'Audit the dependencies in the background'),
      r.assistant(s, '10:01:00'),
      r.toolResult(s, '10:01:05'),
      r.assistant(s, '10:02:00'),
      r.turnDuration(s, '10:02:00', 120_000),
      r.taskNotification(s, '10:15:00'),
      r.assistant(s, '10:15:40'),
      r.prompt(s, '10:20:00', 'Thanks, open the report'),
      r.assistant(s, '10:21:00'),
    ]);
    writeLog(root, 'shape-background/subagents/agent-bg1.jsonl', [r.prompt(sub, '10:01:05', 'Audit every dependency'), r.assistant(sub, '10:05:00'), r.toolResult(sub, '10:10:00'), r.assistant(sub, '10:15:00')]);
    expect(figures(scanOne(root, 'shape-background'))).toMatchObject(figures({
      // Union: 10:00 → 10:02 (parent), 10:01:05 → 10:15 (subagent), 10:15 → 10:15:40 (parent woken by the notification), 10:20 → 10:21.
      agentMinutes: M(15, 40) + 1,
      // Parent outside the subagent: 10:00 → 10:01:05, 10:15 → 10:15:40, 10:20 → 10:21; subagent 13:55.
      agentHours: (M(1, 5) + M(0, 40) + 1 + M(13, 55)) / 60,
      // Only gaps before the person's own prompts: 10:15:40 → 10:20 (the notification is not the person).
      personMinutes: M(4, 20),
      wallMinutes: 21,
      agentTimeSource: 'mixed',
    }));

    const parallel = tempFolder();
    const p: Context = { sessionId: 'shape-parallel' };
    const q: Context = { sessionId: 'shape-parallel', isSidechain: true };
    writeLog(parallel, 'shape-parallel.jsonl', [r.prompt(p, '10:00:00', 'Review the three modules'), r.assistant(p, '10:00:30'), r.toolResult(p, '10:10:30'), r.assistant(p, '10:11:00')]);
    for (const name of ['a', 'b', 'c']) writeLog(parallel, `shape-parallel/subagents/agent-${name}.jsonl`, [r.prompt(q, '10:00:30', `Review module ${name}`), r.assistant(q, '10:05:00'), r.assistant(q, '10:10:30')]);
    // Three subagents side by side for 10 minutes while the parent waits: 10 minutes of agent time
    // (11 with the parent's own minute), 30 of subagent agent-hours plus the parent's 1.
    expect(figures(scanOne(parallel, 'shape-parallel'))).toMatchObject(figures({ agentMinutes: 11, agentHours: (1 + 30) / 60, personMinutes: 0, wallMinutes: 11 }));
  });

  it('an orphan subagent file whose main transcript is gone is listed under its session with its time and tokens', () => {
    const root = tempFolder();
    const sub: Context = { sessionId: 'shape-orphan', isSidechain: true };
    writeLog(root, 'shape-orphan/subagents/agent-o1.jsonl', [r.prompt(sub, '08:00:00', 'Find the flaky test'), r.assistant(sub, '08:02:00', 70), r.toolResult(sub, '08:03:00'), r.assistant(sub, '08:06:00', 30)]);
    const session = scanOne(root, 'shape-orphan');
    expect(session).toMatchObject({ agentMinutes: 6, agentHours: 0.1, personMinutes: 0, wallMinutes: 6, outputTokens: 100, inputTokens: 20 });
  });

  it('a resumed session: summaries of earlier conversations never title it; its own summary does when nothing was typed', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-resumed', version: '1.0.31' };
    const earlier: Context = { sessionId: 'shape-earlier', version: '1.0.31' };
    writeLog(root, 'shape-resumed.jsonl', [
      r.summary('Set up the CI pipeline', 'leaf-of-an-earlier-conversation'),
      r.summary('Fix the login redirect', 'leaf-of-another-one'),
      r.prompt(earlier, '09:00:00', 'Copied prompt of the earlier conversation'),
      r.assistant(earlier, '09:01:00'),
      r.prompt(s, '12:00:00', 'Add a dark theme to the settings page'),
      r.assistant(s, '12:04:00'),
    ]);
    expect(figures(scanOne(root, 'shape-resumed'))).toMatchObject(figures({ title: 'Add a dark theme to the settings page' }));

    const own = tempFolder();
    const o: Context = { sessionId: 'shape-own-summary', version: '1.0.31' };
    writeLog(own, 'shape-own-summary.jsonl', [
      r.summary('Set up the CI pipeline', 'leaf-of-an-earlier-conversation'),
      r.command(o, '12:00:00', '/init'),
      r.assistant(o, '12:04:00'),
      { ...r.assistant(o, '12:05:00'), uuid: 'own-leaf' },
      r.summary('Project memory file written', 'own-leaf'),
    ]);
    expect(figures(scanOne(own, 'shape-own-summary'))).toMatchObject(figures({ title: 'Project memory file written', agentMinutes: 5, wallMinutes: 5 }));
  });

  it('the person-time cap is a setting, applied when the figures are read', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-cap' };
    writeLog(root, 'shape-cap.jsonl', [r.prompt(s, '10:00:00', 'One'), r.assistant(s, '10:01:00'), r.prompt(s, '10:09:00', 'Two'), r.assistant(s, '10:10:00'), r.prompt(s, '10:12:00', 'Three'), r.assistant(s, '10:13:00')]);
    const journal = tempJournal();
    scanAgentLogs(journal.db, [root]);
    const store = new AgentSessionStore(journal.db);
    expect(store.requireSession('shape-cap').personMinutes).toBe(5 + 2);
    journal.settings.update({ supervisionGapMinutes: 10 });
    expect(store.requireSession('shape-cap').personMinutes).toBe(8 + 2);
  });

  it('a session read by the older reader is read again from the start of its file', () => {
    const root = tempFolder();
    const s: Context = { sessionId: 'shape-stale' };
    const file = writeLog(root, 'shape-stale.jsonl', [r.command(s, '09:00:00', '/init'), r.assistant(s, '09:04:00')]);
    const journal = tempJournal();
    scanAgentLogs(journal.db, [root]);
    journal.db.prepare("UPDATE agent_log_files SET state = json_remove(state, '$.v')").run();
    expect(scanAgentLogs(journal.db, [root])).toMatchObject({ filesRead: 1, bytesRead: fs.statSync(file).size });
    expect(new AgentSessionStore(journal.db).requireSession('shape-stale').agentMinutes).toBe(4);
    expect(path.basename(file)).toBe('shape-stale.jsonl');
  });
});
