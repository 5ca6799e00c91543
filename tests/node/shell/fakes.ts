import { vi } from 'vitest';
import type { ShellServices } from '../../../src/main/ipc/shellHandlers.ts';
import type { MessageBoxOptions } from '../../../src/main/startup/openJournal.ts';
import { APP_ORIGIN } from '../../../src/main/security/origins.ts';
import type { SenderFrame } from '../../../src/main/security/origins.ts';

/** The app's own top-level page, as Electron reports it on an IPC event. */
export function appFrame(overrides: Partial<SenderFrame> = {}): SenderFrame {
  return { origin: APP_ORIGIN, url: `${APP_ORIGIN}/index.html`, parent: null, ...overrides };
}

/** Shell services that record what the handlers asked the OS for; dialogs answer with `saveTo`/`openFrom`. */
export function fakeServices(answers: { saveTo?: string | null; openFrom?: string | null } = {}) {
  const services = {
    chooseSaveFile: vi.fn(async () => answers.saveTo ?? null),
    chooseOpenFile: vi.fn(async () => answers.openFrom ?? null),
    writeClipboard: vi.fn(),
    openFolder: vi.fn(async () => ''),
    appVersion: () => '9.9.9',
    shortcutStatus: () => ({ registered: false, error: 'CommandOrControl+Shift+L is already in use by another application.', note: null }),
    launchAtLoginAvailable: () => true,
    desktopIntegration: () => FAKE_INTEGRATION,
    setCliTool: vi.fn(async (installed: boolean) => ({ ...FAKE_INTEGRATION, cliTool: { ...FAKE_INTEGRATION.cliTool, installed } })),
    setClaudeHook: vi.fn((installed: boolean) => ({ ...FAKE_INTEGRATION, claudeHook: { ...FAKE_INTEGRATION.claudeHook, installed, current: installed } })),
    closeQuickAdd: vi.fn(() => true),
    documentsFolder: () => '/home/someone/Documents',
    restoreJournal: vi.fn(async (backupFile: string) => ({ restoredFrom: backupFile, safetyBackup: null as string | null })),
    now: () => new Date('2026-03-01T12:00:00.000Z'),
  } satisfies ShellServices;
  return services;
}

/** An installed app on Linux with neither the CLI shim nor the hook installed. */
export const FAKE_INTEGRATION = {
  cliTool: { available: true, installed: false, path: '/home/someone/.local/bin/leverage', onPath: true, note: null },
  claudeHook: {
    available: true,
    installed: false,
    current: false,
    settingsFile: '/home/someone/.claude/settings.json',
    command: "'/opt/Leverage Journal/leverage-journal' hook run --inbox '/home/someone/.config/Leverage Journal/inbox' --leverage-journal-hook",
    installedCommands: [] as string[],
    note: null,
  },
};

export const TASK = { workDate: '2026-03-01', title: 'Port the importer', humanSeconds: 4 * 3600, agentSeconds: 20 * 60 };

/** Dialogs that answer the recovery question with the buttons labelled `answers`, in turn. */
export function dialogsAnswering(...answers: string[]) {
  const asked: MessageBoxOptions[] = [];
  return {
    asked,
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn(async (options: MessageBoxOptions) => {
      asked.push(options);
      const label = answers.shift() ?? 'Quit';
      return { response: Math.max(0, options.buttons.indexOf(label)) };
    }),
  };
}

