import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentSessionStore } from '../../../src/core/agentLogs/agentSessionStore.ts';
import { scanAgentLogs } from '../../../src/core/agentLogs/scanLogs.ts';
import { tempFolder, tempJournal } from '../helpers/tempJournal.ts';
import { jsonl } from './corpus.ts';
import { record as r, writeLog, type Context } from './sessionShapes.ts';

const good: Context = { sessionId: 'good' };
const other: Context = { sessionId: 'other' };

/** Two sessions: the one a fault hits and one that must still be read. */
function twoSessions(): { root: string; hit: string; fine: string } {
  const root = tempFolder();
  const hit = writeLog(root, 'other.jsonl', [r.prompt(other, '10:00:00', 'Hit by the fault'), r.assistant(other, '10:02:00')]);
  const fine = writeLog(root, 'good.jsonl', [r.prompt(good, '10:00:00', 'Read me'), r.assistant(good, '10:03:00')]);
  return { root, hit, fine };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one bad file never aborts the log scan', () => {
  it('an unreadable file (EACCES) is skipped and reported; the others are read; it is tried again next time', () => {
    const { root, hit } = twoSessions();
    const journal = tempJournal();
    const open = fs.openSync;
    const spy = vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode) => {
      if (file === hit) throw errno('EACCES');
      return open(file, flags ?? 'r');
    }) as typeof fs.openSync);
    const scan = scanAgentLogs(journal.db, [root]);
    expect(scan).toMatchObject({ filesSeen: 2, filesRead: 1, skippedFiles: 1, skipped: [{ path: hit, reason: 'EACCES' }] });
    const store = new AgentSessionStore(journal.db);
    expect(store.requireSession('good').agentMinutes).toBe(3);
    expect(() => store.requireSession('other')).toThrow(/no agent session/);
    spy.mockRestore();
    expect(scanAgentLogs(journal.db, [root])).toMatchObject({ filesRead: 1, skippedFiles: 0 });
    expect(store.requireSession('other').agentMinutes).toBe(2);
  });

  it('a file deleted between stat and open is skipped and reported, nothing of it stored', () => {
    const { root, hit } = twoSessions();
    const journal = tempJournal();
    const stat = fs.statSync;
    vi.spyOn(fs, 'statSync').mockImplementation(((file: fs.PathLike, options?: never) => {
      const result = stat(file, options);
      if (file === hit) fs.rmSync(hit);
      return result;
    }) as typeof fs.statSync);
    const scan = scanAgentLogs(journal.db, [root]);
    expect(scan).toMatchObject({ filesRead: 1, skippedFiles: 1, skipped: [{ path: hit, reason: 'ENOENT' }] });
    expect(journal.db.prepare('SELECT count(*) AS n FROM agent_log_files WHERE path = ?').get(hit)).toEqual({ n: 0 });
  });

  it('a read that fails half way (EIO) stores nothing of that file and leaves the others', () => {
    const { root, hit } = twoSessions();
    const journal = tempJournal();
    const open = fs.openSync;
    const read = fs.readSync;
    let hitFd = -1;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode) => {
      const fd = open(file, flags ?? 'r');
      if (file === hit) hitFd = fd;
      return fd;
    }) as typeof fs.openSync);
    vi.spyOn(fs, 'readSync').mockImplementation(((...args: Parameters<typeof fs.readSync>) => {
      if (args[0] === hitFd) throw errno('EIO');
      return read(...args);
    }) as typeof fs.readSync);
    expect(scanAgentLogs(journal.db, [root])).toMatchObject({ filesRead: 1, skippedFiles: 1, skipped: [{ path: hit, reason: 'EIO' }] });
    expect(journal.db.prepare('SELECT count(*) AS n FROM agent_usage WHERE session_id = ?').get('other')).toEqual({ n: 0 });
  });

  it('an unreadable folder is skipped and reported', () => {
    const { root } = twoSessions();
    const journal = tempJournal();
    const folder = path.join(root, 'projects', '-home-dev-shapes');
    const readdir = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, options?: never) => {
      if (dir === folder) throw errno('EACCES');
      return readdir(dir, options);
    }) as typeof fs.readdirSync);
    expect(scanAgentLogs(journal.db, [root])).toMatchObject({ filesSeen: 0, skippedFiles: 1, skipped: [{ path: folder, reason: 'EACCES' }] });
  });

  it('a line over the length cap is skipped and counted; the lines after it are read', () => {
    const root = tempFolder();
    const huge = JSON.stringify({ ...r.toolResult(good, '10:01:00'), toolUseResult: { stdout: 'y'.repeat(5000) } });
    const file = writeLog(root, 'good.jsonl', [r.prompt(good, '10:00:00', 'Read me'), huge, r.assistant(good, '10:03:00')]);
    const journal = tempJournal();
    const scan = scanAgentLogs(journal.db, [root], { maxLineBytes: 1024 });
    expect(scan).toMatchObject({ linesRead: 2, longLines: 1, bytesRead: fs.statSync(file).size });
    expect(new AgentSessionStore(journal.db).requireSession('good')).toMatchObject({ agentMinutes: 3, badLines: 1 });
  });

  it('a file with no newline past the cap is given up once: later scans do not read its bytes again', () => {
    const root = tempFolder();
    const file = writeLog(root, 'good.jsonl', [r.prompt(good, '10:00:00', 'Read me'), r.assistant(good, '10:03:00')]);
    const start = fs.statSync(file).size;
    fs.appendFileSync(file, `{"type":"user","junk":"${'z'.repeat(300_000)}`);
    const journal = tempJournal();
    const readBytes = () => {
      let total = 0;
      const read = fs.readSync;
      const spy = vi.spyOn(fs, 'readSync').mockImplementation(((...args: Parameters<typeof fs.readSync>) => {
        const got = read(...args);
        total += got;
        return got;
      }) as typeof fs.readSync);
      const scan = scanAgentLogs(journal.db, [root], { maxLineBytes: 64 * 1024 });
      spy.mockRestore();
      return { scan, total };
    };
    const first = readBytes();
    expect(first.scan).toMatchObject({ longLines: 1, linesRead: 2, bytesRead: fs.statSync(file).size });
    expect(first.total).toBe(fs.statSync(file).size);
    const again = readBytes();
    expect(again).toMatchObject({ total: 0, scan: { filesRead: 0, bytesRead: 0, longLines: 0 } });
    // The long line ends at last; the record after it is read, the rest of the long line is not.
    fs.appendFileSync(file, `"}\n${jsonl(r.prompt(good, '10:10:00', 'Next'), r.assistant(good, '10:12:00'))}`);
    const third = readBytes();
    expect(third.scan).toMatchObject({ linesRead: 2, longLines: 0 });
    expect(third.total).toBe(fs.statSync(file).size - (start + 300_000 + '{"type":"user","junk":"'.length));
    expect(new AgentSessionStore(journal.db).requireSession('good').agentMinutes).toBe(5);
  });

  it('non-UTF-8 bytes, unknown record types and lines from a newer version are skipped or tolerated, never a crash', () => {
    const root = tempFolder();
    const file = writeLog(root, 'good.jsonl', [
      r.prompt(good, '10:00:00', 'Read me'),
      { type: 'hologram', timestamp: '2026-03-02T10:00:30.000Z', sessionId: 'good', payload: { nested: [1, 2, 3] } },
      { ...r.assistant(good, '10:01:00'), futureField: { anything: true }, message: { ...r.assistant(good, '10:01:00').message, usage: { input_tokens: -5, output_tokens: 'many', cache_creation_input_tokens: 1.5 } } },
      r.assistant(good, '10:03:00'),
    ]);
    fs.appendFileSync(file, Buffer.from([0xff, 0xfe, 0x7b, 0x80, 0x0a]));
    fs.appendFileSync(file, '{"type":"assistant","timestamp":"not a time","sessionId":"good"}\n[1,2]\nnull\n');
    const journal = tempJournal();
    const scan = scanAgentLogs(journal.db, [root]);
    expect(scan).toMatchObject({ badLines: 3, skippedFiles: 0 });
    const session = new AgentSessionStore(journal.db).requireSession('good');
    expect(session).toMatchObject({ agentMinutes: 3, wallMinutes: 3 });
    // Counts that are not whole non-negative numbers count as 0, as in ccusage.
    expect(session.outputTokens).toBe(50);
  });
});
