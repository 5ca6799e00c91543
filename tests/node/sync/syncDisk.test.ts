import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { SyncEngine } from '../../../src/core/sync/syncEngine.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

// A full disk and a read-only folder, for real: the sync folder on a small tmpfs (mounting needs
// CAP_SYS_ADMIN, as root in CI's container has; elsewhere the test says why it is skipped).
const mountPoint = fs.mkdtempSync('/tmp/leverage-sync-disk-');
let mounted = false;

try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  const reason = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
  console.log(`sync-disk: skipped, cannot mount a small tmpfs here (${reason})`);
}
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

test.skipIf(!mounted)('a full disk and then a read-only folder: refused with a clear message, journal intact, nothing lost, retried', async () => {
  const folder = path.join(mountPoint, 'sync');
  const journal = Journal.open(path.join(tempFolder(), 'a.db'));
  const engine = new SyncEngine(journal.db);
  await engine.init({ folder, deviceName: 'a' });
  const filler = path.join(mountPoint, 'filler');
  try {
    fs.writeFileSync(filler, Buffer.alloc(1024 * 1024));
  } catch {
    // ENOSPC: the disk is now full, as intended
  }
  for (let index = 0; index < 200; index += 1) {
    journal.tasks.create({ workDate: '2026-07-01', title: `Task ${index} ${'x'.repeat(400)}`, humanSeconds: 3600, agentSeconds: 60, notes: 'n'.repeat(600) });
  }
  await expect(engine.syncNow()).rejects.toThrow(/disk holding the sync folder is full.*journal is unchanged/);
  expect(journal.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect((journal.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n).toBe(200);
  expect(fs.readdirSync(path.join(folder, 'devices', engine.config()?.deviceId ?? '')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  fs.rmSync(filler);
  execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
  await expect(engine.syncNow()).rejects.toThrow(/read-only/);
  execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
  const report = await engine.syncNow();
  expect(report.outboxFolded).toBe(200);
  expect((journal.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n).toBe(0);
  console.log('sync-disk: fullDiskRefused=1 readOnlyRefused=1 retriedOk=1 lost=0');
  journal.close();
});
