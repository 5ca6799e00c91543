import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const trays: FakeTray[] = [];
class FakeTray extends EventEmitter {
  menu: MenuItemConstructorOptions[] = [];
  tooltip = '';
  image: unknown;
  constructor(image: unknown) {
    super();
    this.image = image;
    trays.push(this);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: MenuItemConstructorOptions[]) {
    this.menu = menu;
  }
  setImage(image: unknown) {
    this.image = image;
  }
  getBounds() {
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  destroy() {}
}
const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true });
vi.mock('electron', () => ({
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
  nativeImage: { createFromPath: (file: string) => ({ file, setTemplateImage: vi.fn() }) },
  nativeTheme,
}));

const { createAppTray } = await import('../../../src/main/tray/appTray.ts');
const { trayIconFile } = await import('../../../src/main/tray/trayIcon.ts');

function actions() {
  return { quickAdd: vi.fn(), openMain: vi.fn(), exportTodaysPost: vi.fn(), quit: vi.fn() };
}
const click = (menu: MenuItemConstructorOptions[], id: string) => (menu.find((item) => item.id === id)?.click as () => void)();

describe('the tray', () => {
  it('offers quick add, today’s figures, open, export and quit, each calling its action', () => {
    const calls = actions();
    createAppTray('/res', calls, () => ({ taskCount: 7, leverage: '31.6x' }));
    const menu = trays.at(-1)?.menu ?? [];
    expect(menu.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual([
      'Quick add task…',
      'Today: 7 tasks · 31.6x leverage',
      'Open Leverage Journal',
      'Export today’s post…',
      'Quit Leverage Journal',
    ]);
    expect(menu.find((item) => item.id === 'figures')?.enabled).toBe(false);
    click(menu, 'quick-add');
    expect(calls.quickAdd).toHaveBeenCalledOnce();
    click(menu, 'open');
    expect(calls.openMain).toHaveBeenCalledOnce();
    click(menu, 'export-post');
    expect(calls.exportTodaysPost).toHaveBeenCalledOnce();
    click(menu, 'quit');
    expect(calls.quit).toHaveBeenCalledOnce();
    expect(calls.quickAdd).toHaveBeenCalledOnce();
  });

  it('refreshes today’s figures on demand', () => {
    let figures = { taskCount: 1, leverage: '4.0x' };
    const tray = createAppTray('/res', actions(), () => figures);
    expect(trays.at(-1)?.tooltip).toContain('Today: 1 task · 4.0x leverage');
    figures = { taskCount: 2, leverage: '12x' };
    tray.refresh();
    expect(trays.at(-1)?.menu.find((item) => item.id === 'figures')?.label).toBe('Today: 2 tasks · 12x leverage');
  });

  it('follows the OS theme with light and dark icons, and a template image on macOS', () => {
    createAppTray('/res', actions(), () => ({ taskCount: 0, leverage: '—' }));
    const tray = trays.at(-1);
    if (process.platform !== 'darwin') expect(tray?.image).toMatchObject({ file: '/res/tray-dark.png' });
    nativeTheme.shouldUseDarkColors = false;
    nativeTheme.emit('updated');
    if (process.platform !== 'darwin') expect(tray?.image).toMatchObject({ file: '/res/tray-light.png' });
    expect(trayIconFile('/res', 'darwin', true)).toBe('/res/trayTemplate.png');
    expect(trayIconFile('/res', 'win32', true)).toBe('/res/tray-dark.png');
    expect(trayIconFile('/res', 'linux', false)).toBe('/res/tray-light.png');
  });
});
