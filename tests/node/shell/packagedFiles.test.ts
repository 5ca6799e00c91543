import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as ElectronBuilder from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderConfig } from '../../../electron-builder.config.ts';

/**
 * What the installers would hold, read from electron-builder itself: it packs the app (`dir`
 * target) for each Linux architecture against a stand-in Electron (a file carrying the fuse wire,
 * since no Electron binary can be downloaded here), and the test lists the app.asar and its
 * unpacked side. macOS and Windows resolve the same `files` patterns with their own ${platform}.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { build, Platform, Arch } = require('electron-builder') as typeof ElectronBuilder;
const asar = require('@electron/asar') as { listPackage(file: string, options: { isPack: boolean }): string[] };

/** A stand-in `electron` binary: @electron/fuses finds its sentinel and a nine-fuse wire. */
function fakeElectronDist(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('101000101')]);
  fs.writeFileSync(path.join(folder, 'electron'), wire, { mode: 0o755 });
  fs.writeFileSync(path.join(folder, 'version'), '45.4.1');
  fs.writeFileSync(path.join(folder, 'LICENSE'), '');
  return folder;
}

function walk(folder: string, prefix = ''): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}/${entry.name}`;
    return entry.isDirectory() ? walk(path.join(folder, entry.name), relative) : [relative];
  });
}

let work = '';
const packed: Record<string, { asarFiles: string[]; unpacked: string[]; unpackedBytes: number }> = {};
const built = fs.existsSync(path.join(ROOT, 'out/main/index.js'));

beforeAll(async () => {
  if (!built) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-pack-files-'));
  const dist = fakeElectronDist(path.join(work, 'electron-dist'));
  for (const arch of ['x64', 'arm64'] as const) {
    const output = path.join(work, `release-${arch}`);
    const config = builderConfig({ LEVERAGE_ELECTRON_DIST: dist });
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch[arch]),
      config: { ...config, directories: { ...config.directories, output } },
      publish: 'never',
    });
    const resources = path.join(output, arch === 'x64' ? 'linux-unpacked' : 'linux-arm64-unpacked', 'resources');
    const unpackedRoot = path.join(resources, 'app.asar.unpacked');
    const unpacked = walk(unpackedRoot);
    packed[arch] = {
      asarFiles: asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }),
      unpacked,
      unpackedBytes: unpacked.reduce((sum, file) => sum + fs.statSync(path.join(unpackedRoot, file)).size, 0),
    };
  }
}, 600_000);
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!built)('the packaged app (electron-builder\'s own file list; needs `npm run build`)', () => {
  it.each(['x64', 'arm64'] as const)('linux %s holds only its own better-sqlite3 binary, no C sources and no build files', (arch) => {
    const { asarFiles, unpacked, unpackedBytes } = packed[arch] ?? { asarFiles: [], unpacked: [], unpackedBytes: 0 };
    const all = [...asarFiles, ...unpacked];
    expect(unpacked.filter((file) => file.endsWith('.node'))).toEqual([`/node_modules/better-sqlite3/prebuilds/linux-${arch}.node`]);
    expect(all.filter((file) => /\.(c|cc|cpp|h|hpp|gyp|gypi|mk)$/.test(file) || file.includes('/better-sqlite3/deps/') || file.includes('/better-sqlite3/src/'))).toEqual([]);
    expect(all.some((file) => file.includes('/node-addon-api/'))).toBe(false);
    expect(asarFiles).toContain('/out/main/index.js');
    expect(asarFiles).toContain('/node_modules/better-sqlite3/lib/index.js');
    expect(asarFiles.some((file) => file.startsWith('/out/cli/'))).toBe(false);
    expect(asarFiles.some((file) => file.endsWith('.map'))).toBe(false);
    console.log(`linux ${arch}: ${asarFiles.length} entries in app.asar, ${(unpackedBytes / 1024 / 1024).toFixed(1)} MB unpacked (${unpacked.length} files)`);
    expect(unpackedBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
