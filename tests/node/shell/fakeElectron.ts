import { EventEmitter } from 'node:events';
import path from 'node:path';
import { expect, vi } from 'vitest';

/** A whole fake Electron, recording what the composition root (src/main/index.ts) does with it. */
export function fakeElectron(userData: string) {
  const calls: string[] = [];
  const windows: Array<EventEmitter & { options: Record<string, unknown>; url?: string }> = [];
  class BrowserWindow extends EventEmitter {
    options: Record<string, unknown>;
    url?: string;
    webContents = Object.assign(new EventEmitter(), { isLoading: () => false, isDestroyed: () => false, send: vi.fn(), isDevToolsOpened: () => false });
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      windows.push(this);
    }
    static getFocusedWindow = () => null;
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    isVisible = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    show() {
      calls.push('window.show');
    }
    focus() {}
    hidden = false;
    hide() {
      this.hidden = true;
      calls.push('window.hide');
    }
    maximize() {
      calls.push('window.maximize');
    }
    setPosition() {}
  }
  class Tray extends EventEmitter {
    setToolTip() {}
    setContextMenu() {}
    setImage() {}
    getBounds = () => ({ x: 0, y: 0, width: 0, height: 0 });
    destroy() {}
    constructor() {
      super();
      calls.push('tray');
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
    getAppPath: () => userData,
    getVersion: () => '1.2.3',
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    whenReady: () => {
      calls.push('whenReady');
      calls.push(`second-instance listeners at ready: ${app.listenerCount('second-instance')}`);
      return Promise.resolve();
    },
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return true;
    }),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn((code: number) => calls.push(`exit:${code}`)),
    focus: vi.fn(),
    setAppUserModelId: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    dock: { hide: vi.fn() },
    setLoginItemSettings: vi.fn(),
  });
  const notifications: Array<EventEmitter & { options: { title: string; body: string }; closed: boolean }> = [];
  class Notification extends EventEmitter {
    static isSupported = () => true;
    options: { title: string; body: string };
    closed = false;
    constructor(options: { title: string; body: string }) {
      super();
      this.options = options;
      notifications.push(this);
    }
    show() {}
    close() {
      this.closed = true;
    }
  }
  const handled = new Map<string, unknown>();
  const electron = {
    app,
    BrowserWindow,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    nativeImage: { createFromPath: () => ({ setTemplateImage() {} }) },
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string) => calls.push(`protocol.handle:${scheme}`)),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    ipcMain: { handle: vi.fn((channel: string, listener: unknown) => handled.set(channel, listener)) },
    globalShortcut: { register: vi.fn(() => true), unregister: vi.fn(), unregisterAll: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    clipboard: { writeText: vi.fn() },
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getDisplayMatching: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getCursorScreenPoint: () => ({ x: 0, y: 0 }),
    },
  };
  return { electron, calls, windows, handled, notifications };
}

export async function startMain(userData: string, prepare: (fake: ReturnType<typeof fakeElectron>) => void = () => {}) {
  const fake = fakeElectron(userData);
  prepare(fake);
  // Electron sets this in a packaged app; plain Node has none.
  (process as { resourcesPath?: string }).resourcesPath = userData;
  // Linux's "Launch at login" writes an XDG autostart entry: keep it in the test's folder.
  process.env.XDG_CONFIG_HOME = path.join(userData, 'config');
  vi.resetModules();
  vi.doMock('electron', () => fake.electron);
  await import('../../../src/main/index.ts');
  await vi.waitFor(() => expect(fake.calls.some((call) => call === 'tray' || call === 'quit' || call.startsWith('exit:'))).toBe(true));
  return fake;
}

