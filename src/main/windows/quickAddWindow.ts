import { BrowserWindow } from 'electron';

export const QUICK_ADD_SIZE = { width: 460, height: 320 } as const;

/** The small frameless window the tray and the global shortcut open; it hides when it loses focus. */
export function createQuickAddWindow({ preload, devTools }: { preload: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    ...QUICK_ADD_SIZE,
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Quick add task',
    // Written out literally in each window (not shared) so reviewers and electronegativity see every flag.
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools,
    },
  });
  window.on('blur', () => {
    if (!window.isDestroyed() && !window.webContents.isDevToolsOpened()) window.hide();
  });
  return window;
}
