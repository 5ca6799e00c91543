import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI, REPO_ROOT } from '../../reliability/support/processes.ts';
import { syncedContent, syncedHash } from './syncedHash.ts';

const SKEW = path.join(REPO_ROOT, 'tests/node/sync/support/skewClock.mjs');

/** One device: its own journal file and its own copy of the sync folder, used by separate CLI processes. */
export interface CliDevice {
  readonly name: string;
  readonly db: string;
  readonly folder: string;
  readonly clockSkewMs: number;
}

export function makeDevice(root: string, name: string, clockSkewMs = 0): CliDevice {
  fs.mkdirSync(path.join(root, name, 'sync'), { recursive: true });
  return { name, db: path.join(root, name, 'journal.db'), folder: path.join(root, name, 'sync'), clockSkewMs };
}

/** Runs `leverage --db <device db> ...args` in its own process; rejects with stderr on a non-zero exit. */
export function cli(device: CliDevice, args: readonly string[]): Promise<string> {
  const nodeArgs = ['--no-warnings', ...(device.clockSkewMs !== 0 ? ['--import', SKEW] : []), CLI, '--db', device.db, ...args];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      nodeArgs,
      {
        cwd: REPO_ROOT,
        env: { ...process.env, LEVERAGE_TEST_CLOCK_SKEW_MS: String(device.clockSkewMs), NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'leverage-test-compile-cache') },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${device.name}: leverage ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/**
 * A device as its own long-lived process (tests/node/sync/workers/device.ts) that runs CLI commands
 * on request: three devices are three processes, without paying Node's start-up for every command.
 */
export interface DeviceProcess {
  readonly device: CliDevice;
  readonly pid: number;
  run(args: readonly string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startDeviceProcess(device: CliDevice): Promise<DeviceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-warnings', ...(device.clockSkewMs !== 0 ? ['--import', SKEW] : []), path.join(REPO_ROOT, 'tests/node/sync/workers/device.ts')],
    {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LEVERAGE_TEST_CLOCK_SKEW_MS: String(device.clockSkewMs), NODE_COMPILE_CACHE: path.join(os.tmpdir(), 'leverage-test-compile-cache') },
    },
  );
  let buffer = '';
  let errors = '';
  let nextId = 1;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; args: readonly string[] }>();
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      if (line === 'ready') {
        ready();
        continue;
      }
      const answer = JSON.parse(line) as { id: number; code: number; out: string; err: string };
      const waiter = pending.get(answer.id);
      pending.delete(answer.id);
      if (!waiter) continue;
      if (answer.code === 0) waiter.resolve(answer.out);
      else waiter.reject(new Error(`${device.name}: leverage ${waiter.args.join(' ')} failed: ${answer.err}`));
    }
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${device.name}'s process ended: ${errors}`));
    resolve();
  }));
  await started;
  return {
    device,
    pid: child.pid ?? 0,
    run(args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, args });
        child.stdin?.write(`${JSON.stringify({ id, args: ['--db', device.db, ...args] })}\n`);
      });
    },
    async stop() {
      child.stdin?.end();
      await exited;
    },
  };
}

/** What a sync tool does: copies another device's files (and the manifest) into this device's folder. */
export function deliver(from: CliDevice, to: CliDevice): void {
  const manifest = path.join(from.folder, 'leverage-journal.sync.json');
  if (fs.existsSync(manifest) && !fs.existsSync(path.join(to.folder, 'leverage-journal.sync.json'))) fs.copyFileSync(manifest, path.join(to.folder, 'leverage-journal.sync.json'));
  const devices = path.join(from.folder, 'devices');
  if (!fs.existsSync(devices)) return;
  const receiver = ownId(to);
  for (const id of fs.readdirSync(devices)) {
    // Never overwrite the receiving device's own files (a sync tool never gets a newer one from elsewhere).
    if (id === receiver) continue;
    const target = path.join(to.folder, 'devices', id);
    fs.mkdirSync(target, { recursive: true });
    for (const name of fs.readdirSync(path.join(devices, id))) {
      if (name.startsWith('.')) continue;
      const source = path.join(devices, id, name);
      const destination = path.join(target, name);
      fs.copyFileSync(source, `${destination}.arriving`);
      fs.renameSync(`${destination}.arriving`, destination);
      const stat = fs.statSync(source);
      fs.utimesSync(destination, stat.atime, stat.mtime);
    }
  }
}

export function ownId(device: CliDevice): string | null {
  if (!fs.existsSync(device.db)) return null;
  const db = new Database(device.db, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM sync_config WHERE key = 'deviceId'").get() as { value: string } | undefined)?.value ?? null;
  } finally {
    db.close();
  }
}

export function hashOf(device: CliDevice): string {
  const db = new Database(device.db, { readonly: true });
  try {
    return syncedHash(db);
  } finally {
    db.close();
  }
}

export function contentOf(device: CliDevice): ReturnType<typeof syncedContent> {
  const db = new Database(device.db, { readonly: true });
  try {
    return syncedContent(db);
  } finally {
    db.close();
  }
}

export function integrityOf(device: CliDevice): string {
  const db = new Database(device.db, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Copies a device's journal and folder aside (the processes have exited, so the WAL is checkpointed). */
export function snapshot(devices: readonly CliDevice[], into: string): void {
  for (const device of devices) fs.cpSync(path.dirname(device.db), path.join(into, device.name), { recursive: true });
}

export function restore(devices: readonly CliDevice[], from: string): void {
  for (const device of devices) {
    fs.rmSync(path.dirname(device.db), { recursive: true, force: true });
    fs.cpSync(path.join(from, device.name), path.dirname(device.db), { recursive: true });
  }
}
