import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];
class FakeWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  hidden = false;
  webContents = { isDevToolsOpened: () => false };
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    created.push(this);
  }
  isDestroyed() {
    return false;
  }
  hide() {
    this.hidden = true;
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow } = await import('../../../src/main/windows/mainWindow.ts');
const { createQuickAddWindow } = await import('../../../src/main/windows/quickAddWindow.ts');

const HARDENED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // A file dropped on the window is read by the page (File → Import, drag and drop); it never replaces the page.
  navigateOnDragDrop: false,
};

describe('windows', () => {
  beforeEach(() => void created.splice(0));

  it.each([
    ['main', () => createMainWindow({ preload: '/app/out/preload/index.cjs', bounds: { width: 1000, height: 700 }, devTools: false })],
    ['quick add', () => createQuickAddWindow({ preload: '/app/out/preload/index.cjs', devTools: false })],
  ])('creates the %s window with the hardened preferences and the sandboxed preload', (_name, create) => {
    create();
    const preferences = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ ...HARDENED, preload: '/app/out/preload/index.cjs', devTools: false });
    expect(preferences).not.toHaveProperty('enableRemoteModule');
    expect(preferences).not.toHaveProperty('additionalArguments');
    expect(created[0]?.options.show).toBe(false);
  });

  it('hides quick add when it loses focus', () => {
    createQuickAddWindow({ preload: '/p.cjs', devTools: false });
    const window = created[0];
    expect(window?.hidden).toBe(false);
    window?.emit('blur');
    expect(window?.hidden).toBe(true);
  });
});
