import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildApplicationMenuTemplate } from '../../../src/main/menu/applicationMenu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const actions = () => ({ sendCommand: vi.fn(), quickAdd: vi.fn(), openDataFolder: vi.fn(), backupNow: vi.fn() });

describe('the application menu', () => {
  it.each(['darwin', 'linux', 'win32'] as const)('has the standard roles and the app commands with accelerators on %s', (platform) => {
    const calls = actions();
    const items = flatten(buildApplicationMenuTemplate(platform, false, calls));
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'help', 'quit', 'zoomIn', 'togglefullscreen']));
    if (platform === 'darwin') expect(roles).toContain('appMenu');
    const commands = new Map<string, string>();
    for (const item of items) {
      if (!item.accelerator || !item.click) continue;
      (item.click as () => void)();
      const name = calls.sendCommand.mock.lastCall?.[0] as string;
      commands.set(name, String(item.accelerator));
    }
    expect(Object.fromEntries(commands)).toEqual({
      newTask: 'CommandOrControl+N',
      import: 'CommandOrControl+O',
      exportPost: 'CommandOrControl+E',
      goToDay: 'CommandOrControl+1',
      goToLog: 'CommandOrControl+2',
      goToReview: 'CommandOrControl+3',
      goToPost: 'CommandOrControl+4',
      goToSessions: 'CommandOrControl+6',
      goToSettings: 'CommandOrControl+,',
    });
  });

  it('offers DevTools and reload only in development', () => {
    const roles = (development: boolean) => flatten(buildApplicationMenuTemplate('linux', development, actions())).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});
