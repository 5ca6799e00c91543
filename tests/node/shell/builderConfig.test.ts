import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { builderConfig, notarizationConfigured } from '../../../electron-builder.config.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const targets = (platform: { target?: unknown } | undefined) => platform?.target;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// electron-builder's own schema check (the one `electron-builder` runs first), from the package it ships in.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s schema validation (and the check does catch a bad key)', async () => {
    await expect(validateConfiguration({ ...config }, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, targt: 'deb' } }, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  });

  it('builds deb (recommended, first) and AppImage, dmg and nsis for the app id and product name', () => {
    expect(config.appId).toBe('com.leveragejournal.app');
    expect(config.productName).toBe('Leverage Journal');
    expect(targets(config.linux)).toEqual(['deb', 'AppImage']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.win)).toEqual(['nsis']);
  });

  it('never rebuilds native modules (better-sqlite3 is Node-API) and keeps the binding outside the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
    expect(pkg.main).toBe('./out/main/index.js');
    expect(config.files).toContain('out/**/*');
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.config.ts');
  });

  it('sets the recommended fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: !process.env.CSC_LINK && !process.env.CSC_NAME,
    });
  });

  it('signs macOS with the identity from the environment, else ad hoc after the fuses; notarizes only with credentials', async () => {
    const unsigned = builderConfig({});
    expect(unsigned.mac).toMatchObject({ identity: '-', hardenedRuntime: false, notarize: false });
    expect(unsigned.electronFuses.resetAdHocDarwinSignature).toBe(true);
    const signed = builderConfig({ CSC_LINK: '/secrets/developer-id.p12', APPLE_ID: 'me@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'TEAM123' });
    expect(signed.mac).not.toHaveProperty('identity');
    expect(signed.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(signed.electronFuses.resetAdHocDarwinSignature).toBe(false);
    expect(builderConfig({ CSC_NAME: 'Developer ID Application: Someone' }).mac.notarize).toBe(false);
    expect(notarizationConfigured({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toBe(true);
    expect(notarizationConfigured({ APPLE_KEYCHAIN: 'login', APPLE_KEYCHAIN_PROFILE: 'p' })).toBe(true);
    expect(notarizationConfigured({ APPLE_ID: 'me@example.com', APPLE_TEAM_ID: 'T' })).toBe(false);
    for (const variant of [unsigned, signed]) await expect(validateConfiguration({ ...variant }, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the test build Playwright drives differs from the shipped one only by the inspect fuse and its folder', () => {
    const shipped = builderConfig({});
    const test = builderConfig({ LEVERAGE_TEST_BUILD: '1' });
    expect(test.electronFuses).toEqual({ ...shipped.electronFuses, enableNodeCliInspectArguments: true });
    expect(test.directories.output).toBe('release/test-build');
    expect({ ...test, electronFuses: null, directories: null }).toEqual({ ...shipped, electronFuses: null, directories: null });
  });

  it('points at icons that exist and are big enough for every platform', () => {
    for (const platform of [config.linux, config.mac, config.win]) {
      const icon = path.join(ROOT, platform.icon);
      expect(pngSize(icon).width).toBeGreaterThanOrEqual(512);
    }
    for (const name of ['tray-light.png', 'tray-dark.png', 'trayTemplate.png']) {
      expect(pngSize(path.join(ROOT, 'resources', name))).toEqual({ width: 16, height: 16 });
      expect(pngSize(path.join(ROOT, 'resources', name.replace('.png', '@2x.png')))).toEqual({ width: 32, height: 32 });
    }
  });
});
