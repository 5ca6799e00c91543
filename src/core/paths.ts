import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Leverage Journal';
export const DATABASE_FILE_NAME = 'leverage.db';

/** The per-user application data folder, as Electron's app.getPath('appData') computes it. */
export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : path.join(home, '.config');
}

/** `<appData>/Leverage Journal/leverage.db`: the file the app (userData) and the CLI share. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(appDataFolder(env, platform), APP_FOLDER_NAME, DATABASE_FILE_NAME);
}

/** `--db PATH` wins, then `LEVERAGE_DB`, then the default location. */
export function resolveDatabasePath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit && explicit.trim() !== '') return path.resolve(explicit);
  if (env.LEVERAGE_DB && env.LEVERAGE_DB.trim() !== '') return path.resolve(env.LEVERAGE_DB);
  return defaultDatabasePath(env);
}

export function backupFolderFor(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'backups');
}

/** `<journal>.moved-aside.json`: the files moved aside from this journal's path that are still undecided. */
export function movedAsideRecordFor(databasePath: string): string {
  return `${databasePath}.moved-aside.json`;
}
