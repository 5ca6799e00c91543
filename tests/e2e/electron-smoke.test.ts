/**
 * Smoke test of the packaged shape of the app in a real Electron: launch, quick-add a task from
 * the quick-add window, see it in the main window's grid. Needs the Electron binary (`npm run
 * predev` downloads it) and a build (`npm run build`); without them it skips and says why.
 * Run: npm run test:electron
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The packaged test build (`npm run dist:test`: the inspect fuse on so Playwright can attach,
 * everything else as shipped), when one exists for this OS; it runs from its own app.asar.
 */
function packagedTestBuild(): string | null {
  const folder = path.join(ROOT, 'release', 'test-build');
  const candidates =
    process.platform === 'darwin'
      ? ['mac', 'mac-arm64'].map((dir) => path.join(folder, dir, 'Leverage Journal.app', 'Contents', 'MacOS', 'Leverage Journal'))
      : process.platform === 'win32'
        ? [path.join(folder, 'win-unpacked', 'Leverage Journal.exe')]
        : [path.join(folder, 'linux-unpacked', 'leverage-journal'), path.join(folder, 'linux-arm64-unpacked', 'leverage-journal')];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

const packaged = packagedTestBuild();
const binary = packaged ?? electronBinary();
const built = packaged !== null || fs.existsSync(path.join(ROOT, 'out/main/index.js'));
if (packaged) console.warn(`electron-smoke: driving the packaged test build ${packaged}`);
const skipReason = !binary
  ? 'no Electron binary on this machine (run `npm run predev` where the Electron download is reachable)'
  : !built
    ? 'no build output (run `npm run build` first)'
    : null;
if (skipReason) console.warn(`electron-smoke: skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the desktop app', () => {
  let app: ElectronApplication | undefined;
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-smoke-'));

  afterAll(async () => {
    await app?.close();
    fs.rmSync(userData, { recursive: true, force: true });
  });

  it('quick-adds a task that then shows in the main window’s grid', { timeout: 60_000 }, async () => {
    app = await _electron.launch({
      executablePath: binary ?? undefined,
      // The packaged app loads its own app.asar; a bare Electron is given the project folder.
      args: packaged ? [`--user-data-dir=${userData}`] : [ROOT, `--user-data-dir=${userData}`],
      env: { ...process.env, LEVERAGE_DB: path.join(userData, 'leverage.db'), ELECTRON_RENDERER_URL: '' },
    });
    const main = await app.firstWindow();
    await main.waitForLoadState('domcontentloaded');
    expect(main.url()).toBe('app://renderer/index.html');
    expect(await main.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    const quickAddOpened = app.waitForEvent('window');
    // The same path as the tray and the global shortcut: File › Quick Add Task….
    await app.evaluate(({ Menu }) => {
      const items = Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items ?? []) ?? [];
      items.find((item) => item.label === 'Quick Add Task…')?.click();
    });
    const quickAdd: Page = await quickAddOpened;
    await quickAdd.waitForLoadState('domcontentloaded');
    expect(quickAdd.url()).toBe('app://renderer/quick-add.html');

    const field = quickAdd.locator('input, textarea').first();
    await field.fill('Smoke test task 6h 8m');
    await field.press('Enter');
    await quickAdd.getByRole('status').getByText('Smoke test task').waitFor({ timeout: 10_000 });

    await main.getByRole('grid').getByText('Smoke test task').first().waitFor({ timeout: 10_000 });
  });
});
