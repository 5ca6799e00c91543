import { claudeSettingsPath } from '../../core/hook/claudeSettings.ts';
import { hookCommandFor, type HookRunner } from '../../core/hook/hookCommand.ts';
import { applySettingsChange, planHookInstall, planHookUninstall, readHookStatus } from '../../core/hook/hookInstaller.ts';
import { inboxFolderFor } from '../../core/hook/inboxDrop.ts';
import type { ChannelOutput } from '../../shared/ipc/contract.ts';
import { installShim, removeShim, shimPlace, shimStatus, systemRunner, type ShimPlace, type ShimRunner } from './cliShim.ts';

export type DesktopIntegration = ChannelOutput<'desktopIntegration'>;

export interface DesktopIntegrationDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** app.isPackaged: only the installed app may point the PATH shim or a Stop hook at itself. */
  isPackaged: boolean;
  /** process.execPath: the installed app's binary. */
  executable: string;
  databasePath: () => string;
  place?: ShimPlace;
  runner?: ShimRunner;
}

const DEVELOPMENT_NOTE =
  'This is a development build: its binary lives in a checkout, and neither a command on PATH nor a Claude Code hook may point there. Use the installed app, or the npm-installed CLI (`leverage hook install`).';

/**
 * Settings → Command-line tool and Claude Code. The hook command is the installed app's binary
 * with `hook run` (the app runs CLI commands headless); a development build offers neither.
 */
export function createDesktopIntegration(deps: DesktopIntegrationDeps) {
  const place = deps.place ?? shimPlace({ platform: deps.platform, env: deps.env });
  const runner = deps.runner ?? systemRunner;
  const hookRunner: HookRunner | null = deps.isPackaged ? { kind: 'app', executable: deps.executable } : null;
  const settingsFile = () => claudeSettingsPath(deps.env);
  const expectedCommand = () => (hookRunner ? hookCommandFor(hookRunner, inboxFolderFor(deps.databasePath())) : null);

  function status(): DesktopIntegration {
    const shim = shimStatus(place, deps.platform, deps.env);
    const command = expectedCommand();
    let hook: ReturnType<typeof readHookStatus>;
    let hookNote: string | null = hookRunner ? null : DEVELOPMENT_NOTE;
    try {
      hook = readHookStatus(settingsFile(), command);
    } catch (error) {
      hook = { installed: false, commands: [], current: false };
      hookNote = (error as Error).message;
    }
    if (hook.installed && !hook.current && hookRunner) hookNote = 'An older Leverage Journal hook is installed; installing replaces it.';
    return {
      cliTool: {
        available: deps.isPackaged,
        installed: shim.installed,
        path: shim.file,
        onPath: shim.onPath,
        note: !deps.isPackaged
          ? DEVELOPMENT_NOTE
          : shim.foreign
            ? `${shim.file} belongs to another program; it is left alone.`
            : shim.installed && !shim.onPath
              ? `${place.pathFolder ?? shim.file.replace(/[\\/][^\\/]+$/, '')} is not on this session's PATH yet: open a new terminal${deps.platform === 'linux' ? ' (or add ~/.local/bin to PATH in your shell profile)' : ''}.`
              : place.elevated && !shim.installed
                ? `${shim.file} needs an administrator's password; you will be asked.`
                : null,
      },
      claudeHook: {
        available: hookRunner !== null,
        installed: hook.installed,
        current: hook.current,
        settingsFile: settingsFile(),
        command,
        installedCommands: hook.commands,
        note: hookNote,
      },
    };
  }

  return {
    hookRunner,
    status,
    async setCliTool(installed: boolean): Promise<DesktopIntegration> {
      if (!deps.isPackaged) throw new Error(DEVELOPMENT_NOTE);
      if (installed) await installShim(place, deps.platform, deps.executable, runner);
      else await removeShim(place, deps.platform, runner);
      return status();
    },
    setClaudeHook(installed: boolean): DesktopIntegration {
      const file = settingsFile();
      const command = expectedCommand();
      if (installed && !command) throw new Error(DEVELOPMENT_NOTE);
      // The click is the confirmation; the change keeps every other byte of the file.
      applySettingsChange(file, installed && command ? planHookInstall(file, command) : planHookUninstall(file));
      return status();
    },
  };
}
export type DesktopIntegrationService = ReturnType<typeof createDesktopIntegration>;
