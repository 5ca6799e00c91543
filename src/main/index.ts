import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, globalShortcut, ipcMain, Menu, Notification, protocol, session, shell } from 'electron';
import { inboxFolderFor, pendingSessions } from '../core/hook/inbox.ts';
import { createCoreHandlers } from '../core/ipc/coreHandlers.ts';
import { Journal } from '../core/journal.ts';
import type { Settings } from '../shared/domain/settings.ts';
import { today } from '../shared/metrics/periods.ts';
import { formatFactor } from '../shared/units/factor.ts';
import { cliArguments, cliOutput } from './cli/cliMode.ts';
import { createDesktopIntegration } from './cli/desktopIntegration.ts';
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
import { activateForQuickAdd, applyEarlyPlatformRules } from './platform/platformRules.ts';
import { applyLaunchAtLogin, loginItemSupport } from './platform/loginItem.ts';
import { createShortcutManager } from './shortcut/shortcutManager.ts';
import { journalPath, openJournalAtStartup } from './startup/openJournal.ts';
import { createSettingsEffects } from './startup/settingsEffects.ts';
import { createAppTray, type AppTray } from './tray/appTray.ts';
import { createAppWindows, type AppWindows } from './windows/appWindows.ts';
import { createCloseToTray, TRAY_NOTICE } from './windows/closeToTray.ts';

const isDevelopment = !app.isPackaged;
// The dev server is trusted only while developing; a packaged app ignores the variable.
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;
const preload = path.join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = path.join(import.meta.dirname, '../renderer');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');

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

interface EarlyState {
  wayland: boolean;
  /** A second launch that arrived before the windows existed: show the main window once they do. */
  secondInstance: { pending: boolean; windows: AppWindows | null };
}

async function start(early: EarlyState): Promise<void> {
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

  let tray: AppTray | null = null;
  const noticeFile = path.join(app.getPath('userData'), 'tray-notice-shown');
  const closeToTray = createCloseToTray({
    enabled: () => journal().settings.get().closeToTray,
    trayAvailable: () => tray !== null,
    noticeShown: () => fs.existsSync(noticeFile),
    markNoticeShown: () => {
      try {
        fs.writeFileSync(noticeFile, `${new Date().toISOString()}\n`);
      } catch {
        // Showing the notice again next time is harmless.
      }
    },
    notify: () => void showNotification(TRAY_NOTICE.title, TRAY_NOTICE.body(process.platform), () => windows.showMain()),
  });
  app.on('before-quit', () => closeToTray.markQuitting());
  const windows = createAppWindows({
    preload,
    devServerUrl,
    devTools: isDevelopment,
    windowStateFile: path.join(app.getPath('userData'), 'window-state.json'),
    onMainClose: (event, window) => closeToTray.onClose(event, window),
    // Windows ends the session without before-quit: let the window close then.
    onSessionEnd: () => closeToTray.markQuitting(),
    onMainClosed: () => {
      // Reached when the window really closed (quitting, or hide-on-close turned off): macOS apps
      // keep running in the menu bar; elsewhere the app quits.
      if (process.platform !== 'darwin') app.quit();
    },
  });
  early.secondInstance.windows = windows;
  const showQuickAdd = () => {
    activateForQuickAdd(app, process.platform);
    windows.showQuickAdd(tray?.bounds() ?? null);
  };

  const shortcuts = createShortcutManager(globalShortcut, showQuickAdd, { unconfirmable: early.wayland });
  const loginItem = { platform: process.platform, isPackaged: app.isPackaged, execPath: process.execPath, env: process.env, setLoginItemSettings: (settings: { openAtLogin: boolean }) => app.setLoginItemSettings(settings) };
  const applySettings = createSettingsEffects(shortcuts, (openAtLogin) => {
    try {
      applyLaunchAtLogin(openAtLogin, loginItem);
    } catch (error) {
      showFailure('Launch at login could not be changed', error);
    }
  });
  const integration = createDesktopIntegration({
    platform: process.platform,
    env: process.env,
    isPackaged: app.isPackaged,
    executable: process.execPath,
    databasePath: () => journal().path,
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
    launchAtLoginAvailable: () => loginItemSupport(loginItem).available,
    desktopIntegration: () => integration.status(),
    setCliTool: (installed) => integration.setCliTool(installed),
    setClaudeHook: (installed) => integration.setClaudeHook(installed),
    closeQuickAdd: () => windows.hideQuickAdd(),
    documentsFolder: () => app.getPath('documents'),
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
    accept: (sessionId) => {
      activateForQuickAdd(app, process.platform);
      windows.sendToQuickAdd(tray?.bounds() ?? null, 'prefillQuickAdd', { sessionId });
    },
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
  if (early.secondInstance.pending) windows.showMain();
  const fallback = setTimeout(startBackground, 15_000);
  fallback.unref();
}

/**
 * `"Leverage Journal" <command> …`: the CLI, headless (no window, tray or lock), its output on
 * stdout/stderr (on Windows through the launcher's files, see cliOutput) and its exit code.
 */
async function runHeadless(args: string[]): Promise<void> {
  // macOS would otherwise show a Dock icon for the run.
  if (process.platform === 'darwin') app.dock?.hide();
  const output = cliOutput(process.env);
  let code = 1;
  try {
    const { runCli } = await import('../cli/program.ts');
    code = await runCli(args, {
      stdout: output.stdout,
      stderr: output.stderr,
      env: process.env,
      cwd: process.cwd(),
      // The Stop hook of an installed app runs the app itself; a development build has no such command.
      hookRunner: app.isPackaged ? { kind: 'app', executable: process.execPath } : null,
    });
  } catch (error) {
    output.stderr(`leverage: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  try {
    output.finish();
  } catch {
    code = code || 1;
  }
  // Piped stdout can be asynchronous (macOS): let it drain before exiting.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  app.exit(code);
}

// Checked before the single-instance lock: a CLI run must run, not hand its arguments to an open app.
const cliArgs = cliArguments(process.argv, process.defaultApp === true);
if (cliArgs) {
  void runHeadless(cliArgs);
} else {
  // Must happen before `ready`.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  const { wayland } = applyEarlyPlatformRules(app, process.platform, process.env);
  if (!app.requestSingleInstanceLock()) {
    // A second launch hands over to the first (which focuses its window) and exits.
    app.quit();
  } else {
    // Listening right after taking the lock: a second launch during start-up is not dropped.
    const early: EarlyState = { wayland, secondInstance: { pending: false, windows: null } };
    app.on('second-instance', () => {
      if (early.secondInstance.windows) early.secondInstance.windows.showMain();
      else early.secondInstance.pending = true;
    });
    app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    start(early).catch((error: unknown) => {
      showFailure('Leverage Journal could not start', error);
      app.quit();
    });
  }
}
