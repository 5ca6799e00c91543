import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '../../shared/ipc/contract.ts';

export type CommandName = EventPayload<'command'>['name'];

export interface MenuActions {
  sendCommand(name: CommandName): void;
  quickAdd(): void;
  openDataFolder(): void;
  backupNow(): void;
}

/** The native menu: the standard roles plus the app's commands, which the renderer carries out. */
export function buildApplicationMenuTemplate(platform: NodeJS.Platform, isDevelopment: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (label: string, name: CommandName, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.sendCommand(name),
  });
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Task', 'newTask', 'CommandOrControl+N'),
      { label: 'Quick Add Task…', click: () => actions.quickAdd() },
      { type: 'separator' },
      command('Import…', 'import', 'CommandOrControl+O'),
      command('Export Post…', 'exportPost', 'CommandOrControl+E'),
      { type: 'separator' },
      { label: 'Back Up Now', click: () => actions.backupNow() },
      { label: 'Open Data Folder', click: () => actions.openDataFolder() },
      ...(isMac ? [] : [{ type: 'separator' } as const, command('Settings…', 'goToSettings', 'CommandOrControl+,'), { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const goMenu: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: [
      command('Day', 'goToDay', 'CommandOrControl+1'),
      command('Log', 'goToLog', 'CommandOrControl+2'),
      command('Review', 'goToReview', 'CommandOrControl+3'),
      command('Post', 'goToPost', 'CommandOrControl+4'),
      command('Sessions', 'goToSessions', 'CommandOrControl+6'),
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // Reload and DevTools only while developing: the packaged app has no DevTools at all.
      ...(isDevelopment ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            command('Settings…', 'goToSettings', 'CommandOrControl+,'),
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    fileMenu,
    { role: 'editMenu' },
    viewMenu,
    goMenu,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Open Data Folder', click: () => actions.openDataFolder() }] },
  ];
}
