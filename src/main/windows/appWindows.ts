import { screen, type BrowserWindow } from 'electron';
import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';
import { sendEvent } from '../ipc/changeEvents.ts';
import { createMainWindow } from './mainWindow.ts';
import { quickAddPosition } from './placement.ts';
import { QUICK_ADD_SIZE, createQuickAddWindow } from './quickAddWindow.ts';
import { rendererUrl } from './rendererEntry.ts';
import { initialBounds, loadWindowState, saveWindowState, type Area } from './windowState.ts';

export interface AppWindowsOptions {
  preload: string;
  devServerUrl: string | undefined;
  devTools: boolean;
  windowStateFile: string;
  /** The main window's `close` event (hide-on-close prevents it; see closeToTray.ts). */
  onMainClose?: (event: { preventDefault(): void }, window: BrowserWindow) => void;
  /** Windows is logging off or shutting down (the window's `session-end`). */
  onSessionEnd?: () => void;
  /** Runs when the main window has closed (the app quits there except on macOS). */
  onMainClosed: () => void;
}

/** Creates, shows and addresses the two windows; each is created lazily and at most once. */
export function createAppWindows(options: AppWindowsOptions) {
  let main: BrowserWindow | null = null;
  let quickAdd: BrowserWindow | null = null;
  const live = (window: BrowserWindow | null): window is BrowserWindow => window !== null && !window.isDestroyed();

  function openMain(): BrowserWindow {
    const saved = loadWindowState(options.windowStateFile);
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const window = createMainWindow({ preload: options.preload, devTools: options.devTools, bounds: initialBounds(saved, workAreas, { width: 1280, height: 820 }) });
    rememberBounds(window, options.windowStateFile);
    // Maximized only once the page has painted: maximizing the hidden window would show it blank (white).
    window.once('ready-to-show', () => {
      if (saved?.maximized) window.maximize();
      window.show();
    });
    window.on('close', (event) => options.onMainClose?.(event, window));
    window.on('session-end', () => options.onSessionEnd?.());
    window.on('closed', () => {
      main = null;
      options.onMainClosed();
    });
    void window.loadURL(rendererUrl('index', options.devServerUrl));
    return window;
  }

  function showMain(): BrowserWindow {
    if (!live(main)) main = openMain();
    else {
      if (main.isMinimized()) main.restore();
      main.show();
      main.focus();
    }
    return main;
  }

  /** Creates and loads quick add without showing it (so that an event sent later finds its page listening). */
  function prepareQuickAdd(): BrowserWindow {
    if (!live(quickAdd)) {
      quickAdd = createQuickAddWindow({ preload: options.preload, devTools: options.devTools });
      void quickAdd.loadURL(rendererUrl('quick-add', options.devServerUrl));
    }
    return quickAdd;
  }

  function showQuickAdd(trayBounds: Area | null): void {
    const window = prepareQuickAdd();
    const display = trayBounds ? screen.getDisplayMatching(trayBounds) : screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const { x, y } = quickAddPosition(trayBounds, display.workArea, QUICK_ADD_SIZE);
    window.setPosition(x, y, false);
    window.show();
    window.focus();
  }

  /** Opens quick add and sends it an event once its page has loaded (a window just created is still loading). */
  function sendToQuickAdd<E extends EventName>(trayBounds: Area | null, event: E, payload: EventPayload<E>): void {
    showQuickAdd(trayBounds);
    const window = prepareQuickAdd();
    const send = () => sendEvent([window], event, payload);
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
    else send();
  }

  function hideQuickAdd(): boolean {
    if (!live(quickAdd) || !quickAdd.isVisible()) return false;
    quickAdd.hide();
    return true;
  }

  /** Menu and tray commands go to the main window, opening it (and waiting for its page) if needed. */
  function sendCommand(name: EventPayload<'command'>['name']): void {
    const window = showMain();
    const send = () => sendEvent([window], 'command', { name });
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
    else send();
  }

  function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    sendEvent([main, quickAdd].filter(live), event, payload);
  }

  return { showMain, showQuickAdd, prepareQuickAdd, sendToQuickAdd, hideQuickAdd, sendCommand, broadcast, mainWindow: () => (live(main) ? main : null) };
}
export type AppWindows = ReturnType<typeof createAppWindows>;

function rememberBounds(window: BrowserWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    try {
      saveWindowState(file, { ...bounds, maximized: window.isMaximized() });
    } catch {
      // Losing the window position is not worth interrupting the user for.
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
