import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempFolder } from '../helpers/tempJournal.ts';
import { mountTinyDisk, type TinyDisk } from '../reliability/support/faults.ts';
import { leverage } from './runCli.ts';

const PREVIOUS = '# The post as it was before\n\n'.repeat(40);

afterEach(() => vi.restoreAllMocks());

/** A folder whose disk is full: a real tmpfs filled to the last block, or (where none can be mounted) ENOSPC injected on write. */
function fullDiskFolder(): { folder: string; disk: TinyDisk | null; free: () => void } {
  const disk = mountTinyDisk(256);
  const folder = disk?.folder ?? tempFolder();
  fs.writeFileSync(path.join(folder, 'post.md'), PREVIOUS);
  if (disk) {
    const filler = disk.fill();
    return { folder, disk, free: () => fs.rmSync(filler) };
  }
  const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation(() => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
  return { folder, disk: null, free: () => spy.mockRestore() };
}

async function journalWithDay(): Promise<string> {
  const db = path.join(tempFolder(), 'leverage.db');
  expect((await leverage(db, 'add', '--date', '2026-03-01', '--title', 'Port the importer', '--human', '6h', '--agent', '20m')).code).toBe(0);
  return db;
}

describe('--out on a full disk', () => {
  it('export --out leaves the previous file whole (never truncated) and no temporary file', async () => {
    const db = await journalWithDay();
    const full = fullDiskFolder();
    try {
      const out = path.join(full.folder, 'post.md');
      const run = await leverage(db, 'export', '--date', '2026-03-01', '--out', out);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/ENOSPC|no space/);
      expect(fs.readFileSync(out, 'utf8')).toBe(PREVIOUS);
      expect(fs.readdirSync(full.folder).filter((name) => name !== 'filler')).toEqual(['post.md']);
      full.free();
      expect((await leverage(db, 'export', '--date', '2026-03-01', '--out', out)).code).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toContain('Port the importer');
    } finally {
      full.disk?.unmount();
    }
  });

  it('publish --out records nothing when the file cannot be written, and publishes once it can', async () => {
    const db = await journalWithDay();
    const full = fullDiskFolder();
    try {
      const out = path.join(full.folder, 'post.md');
      const run = await leverage(db, 'publish', '--date', '2026-03-01', '--out', out);
      expect(run.code).toBe(1);
      expect(fs.readFileSync(out, 'utf8')).toBe(PREVIOUS);
      expect((await leverage(db, 'revision', '--date', '2026-03-01')).stdout).toBe('2026-03-01 was never published.\n');
      const day = JSON.parse((await leverage(db, 'day', '--date', '2026-03-01', '--json')).stdout) as { publicationDate: string | null };
      expect(day.publicationDate).toBeNull();

      full.free();
      const again = await leverage(db, 'publish', '--date', '2026-03-01', '--out', out);
      expect(again.code).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toContain('Port the importer');
      expect((await leverage(db, 'revision', '--date', '2026-03-01')).stdout).toMatch(/is as published on/);
    } finally {
      full.disk?.unmount();
    }
  });
});

describe.runIf(process.platform !== 'win32')('--out file modes', () => {
  it('a new file is private (0600); a file that exists keeps its mode', async () => {
    const db = await journalWithDay();
    const folder = tempFolder();
    const fresh = path.join(folder, 'data.json');
    expect((await leverage(db, 'export-data', '--format', 'json', '--out', fresh)).code).toBe(0);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    const shared = path.join(folder, 'post.md');
    fs.writeFileSync(shared, 'old');
    fs.chmodSync(shared, 0o644);
    expect((await leverage(db, 'export', '--date', '2026-03-01', '--out', shared)).code).toBe(0);
    expect(fs.statSync(shared).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(folder).sort()).toEqual(['data.json', 'post.md']);
  });
});
