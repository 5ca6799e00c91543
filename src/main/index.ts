import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, globalShortcut, ipcMain, Menu, Notification, protocol, session, shell } from 'electron';
import { inboxFolderFor, pendingSessions } from '../core/hook/inbox.ts';
import { createCoreHandlers } from '../core/ipc/coreHandlers.ts';
import { Journal } from '../core/journal.ts';
import type { Settings } from '../shared/domain/settings.ts';
import { today } from '../shared/metrics/periods.ts';
import { formatFactor } from '../shared/units/factor.ts';
import { createDailyBackup } from './data/dailyBackup.ts';
import { createSessionPrompter, describePendingSession, markSessionsLogged, type ShownNotification } from './hook/sessionPrompts.ts';
import { watchExternalWrites } from './ipc/changeEvents.ts';
import { createJournalHost, hostedChangesReader, hostedHandlers } from './journal/journalHost.ts';
import { registerIpcHandlers } from './ipc/registerIpc.ts';
import { createShellHandlers, type FileFilter, type ShellServices } from './ipc/shellHandlers.ts';
import { buildApplicationMenuTemplate } from './menu/applicationMenu.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './security/appProtocol.ts';
import { isTrustedFrame, trustedOrigins, APP_SCHEME } from './security/origins.ts';
import { denyAllPermissions, guardWebContents } from './security/webContentsGuards.ts';
import { isAllowedExternalUrl } from './security/externalLinks.ts';
import { createShortcutManager } from './shortcut/shortcutManager.ts';
import { journalPath, openJournalAtStartup } from './startup/openJournal.ts';
import { createSettingsEffects } from './startup/settingsEffects.ts';
import { createAppTray, type AppTray } from './tray/appTray.ts';
import { createAppWindows } from './windows/appWindows.ts';
import { createEditFlusher } from './windows/flushBeforeClose.ts';

const isDevelopment = !app.isPackaged;
// The dev server is trusted only while developing; a packaged app ignores the variable.
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;
const preload = path.join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = path.join(import.meta.dirname, '../renderer');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');

// Must happen before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

function openExternal(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

function showFailure(title: string, error: unknown): void {
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
}

/**
 * A system notification, kept referenced until it is closed (a collected one loses its click
 * handler on some platforms). Null where the OS has no notifications.
 */
const liveNotifications = new Set<Notification>();
function showNotification(title: string, body: string, onClick: () => void): ShownNotification | null {
  if (!Notification.isSupported()) return null;
  const notification = new Notification({ title, body });
  liveNotifications.add(notification);
  notification.on('click', onClick);
  notification.on('close', () => liveNotifications.delete(notification));
  notification.show();
  return {
    close: () => {
      liveNotifications.delete(notification);
      notification.close();
    },
  };
}

/** Menu and tray actions run outside IPC: their failures are shown, never left unhandled. */
function runAction(title: string, action: () => unknown): void {
  Promise.resolve()
    .then(action)
    .catch((error: unknown) => showFailure(title, error));
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));

  const opened = await openJournalAtStartup(journalPath(app.getPath('userData')), {
    showErrorBox: (title, message) => dialog.showErrorBox(title, message),
    showMessageBox: (options) => dialog.showMessageBox(options),
  });
  if (!opened) {
    app.quit();
    return;
  }
  const host = createJournalHost(opened, (file) => Journal.open(file));
  const journal = () => host.current();

  // Text still being typed is saved before any window closes or hides and before the app quits.
  const flusher = createEditFlusher({ windows: () => windows.liveWindows() });
  flusher.guardQuit(app);
  const windows = createAppWindows({
    guardClose: (window) => flusher.guardClose(window),
    preload,
    devServerUrl,
    devTools: isDevelopment,
    windowStateFile: path.join(app.getPath('userData'), 'window-state.json'),
    onMainClosed: () => {
      // macOS apps keep running in the menu bar; elsewhere closing the main window quits.
      if (process.platform !== 'darwin') app.quit();
    },
  });
  let tray: AppTray | null = null;
  const showQuickAdd = () => windows.showQuickAdd(tray?.bounds() ?? null);

  const shortcuts = createShortcutManager(globalShortcut, showQuickAdd);
  const applySettings = createSettingsEffects(shortcuts, (openAtLogin) => {
    // In development this would register the bare Electron binary as a login item.
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin });
  });

  const dialogParent = () => BrowserWindow.getFocusedWindow() ?? windows.mainWindow();
  const filterOptions = (filters: FileFilter[]) => filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
  const shellServices: ShellServices = {
    chooseSaveFile: async ({ title, defaultPath, filters }) => {
      const options = { title, defaultPath, filters: filterOptions(filters) };
      const parent = dialogParent();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenFile: async ({ title, filters }) => {
      const options = { title, filters: filterOptions(filters), properties: ['openFile' as const] };
      const parent = dialogParent();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    writeClipboard: (text) => clipboard.writeText(text),
    openFolder: (folder) => shell.openPath(folder),
    appVersion: () => app.getVersion(),
    shortcutStatus: () => shortcuts.status(),
    closeQuickAdd: () => windows.hideQuickAdd(),
    documentsFolder: () => app.getPath('documents'),
    editsFlushed: (requestId) => flusher.answered(requestId),
    restoreJournal: async (backupFile) => {
      const restored = await host.restore(backupFile);
      // Everything the windows show came from the old file.
      dataChanged('app');
      settingsChanged(journal().settings.get());
      return restored;
    },
  };
  const handlers = hostedHandlers(host, (current) => ({ ...createCoreHandlers(current), ...createShellHandlers(current, shellServices) }));

  let lastSettings = JSON.stringify(journal().settings.get());
  const settingsChanged = (settings: Settings) => {
    lastSettings = JSON.stringify(settings);
    applySettings(settings);
    windows.broadcast('settingsChanged', settings);
    tray?.refresh();
  };
  const dataChanged = (source: 'app' | 'external') => {
    windows.broadcast('dataChanged', { source });
    tray?.refresh();
  };

  registerIpcHandlers(ipcMain, {
    handlers,
    isTrustedSender: (frame) => isTrustedFrame(frame, trustedOrigins(devServerUrl)),
    countWrites: hostedChangesReader(host),
    onWrite: () => dataChanged('app'),
    onSuccess: (channel, value) => {
      if (channel === 'updateSettings') settingsChanged(value as Settings);
      // A task saved with hook sessions answers their "Log this session?" for good.
      if (channel === 'linkSessionsToTask') {
        markSessionsLogged(journal(), (value as { sessionIds: string[] }).sessionIds);
        sessionPrompts.check();
      }
      if (channel === 'markHookSessionHandled') sessionPrompts.check();
    },
  });
  const stopWatching = watchExternalWrites(
    () => journal().dataVersion(),
    () => {
      dataChanged('external');
      // The CLI can change settings too (e.g. the shortcut): apply and announce them.
      const settings = journal().settings.get();
      if (JSON.stringify(settings) !== lastSettings) settingsChanged(settings);
    },
  );

  const sessionPrompts = createSessionPrompter({
    pending: () => pendingSessions(inboxFolderFor(journal().path)),
    describe: (pending) => {
      const prompt = describePendingSession(journal(), pending);
      if (prompt.scanned) dataChanged('app');
      return prompt;
    },
    notify: (prompt, onClick) => {
      // Loaded now, hidden, so that its page is listening when prefillQuickAdd is sent on a click.
      windows.prepareQuickAdd();
      return showNotification(prompt.title, prompt.body, onClick);
    },
    notifyMore: (count) => showNotification('Log these sessions?', `${count} more finished Claude Code sessions are waiting to be logged.`, () => windows.showMain()),
    accept: (sessionId) => windows.sendToQuickAdd(tray?.bounds() ?? null, 'prefillQuickAdd', { sessionId }),
    onError: (error) => console.error('Leverage Journal: reading the hook inbox failed', error),
  });
  const dailyBackup = createDailyBackup({
    journal,
    onError: (error) => {
      console.error('Leverage Journal: the automatic backup failed', error);
      showNotification('Automatic backup failed', error instanceof Error ? error.message : String(error), () => windows.showMain());
    },
  });

  const exportTodaysPost = () => runAction('Could not save today’s post', () => handlers.savePost({ date: today() }));
  tray = createAppTray(
    resourcesDir,
    { quickAdd: showQuickAdd, openMain: () => windows.showMain(), exportTodaysPost, quit: () => app.quit() },
    () => {
      const summary = journal().metrics.day(today());
      return { taskCount: summary.taskCount, leverage: formatFactor(summary.leverage, journal().settings.get().factorFormat) };
    },
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildApplicationMenuTemplate(process.platform, isDevelopment, {
        sendCommand: (name) => windows.sendCommand(name),
        quickAdd: showQuickAdd,
        openDataFolder: () => runAction('Could not open the data folder', () => handlers.openDataFolder(undefined)),
        backupNow: () =>
          runAction('Backup failed', async () => {
            const { path: file } = await handlers.backupNow(undefined);
            await dialog.showMessageBox({ type: 'info', message: 'Backup written', detail: file });
          }),
      }),
    ),
  );

  applySettings(journal().settings.get());
  let stopBackups = () => {};
  let stopPrompts = () => {};
  let backgroundStarted = false;
  app.on('second-instance', () => windows.showMain());
  app.on('activate', () => windows.showMain());
  app.on('will-quit', () => {
    backgroundStarted = true;
    stopWatching();
    stopBackups();
    stopPrompts();
    globalShortcut.unregisterAll();
    tray?.destroy();
    host.close();
  });
  // The first window comes first: the backup and the inbox wait until it is ready to show (or,
  // should its page never paint, a few seconds).
  const startBackground = () => {
    if (backgroundStarted) return;
    backgroundStarted = true;
    stopBackups = dailyBackup.schedule();
    stopPrompts = sessionPrompts.watch();
  };
  windows.showMain().once('ready-to-show', () => setImmediate(startBackground));
  const fallback = setTimeout(startBackground, 15_000);
  fallback.unref();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and exits.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    showFailure('Leverage Journal could not start', error);
    app.quit();
  });
}
