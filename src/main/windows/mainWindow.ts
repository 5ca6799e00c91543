import { BrowserWindow } from 'electron';
import type { Area } from './windowState.ts';

export interface MainWindowOptions {
  preload: string;
  bounds: Partial<Area> & { width: number; height: number };
  /** DevTools only in development: a packaged app gives the page no debugger. */
  devTools: boolean;
}

export function createMainWindow({ preload, bounds, devTools }: MainWindowOptions): BrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Leverage Journal',
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
}
