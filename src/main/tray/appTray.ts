import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import { buildTrayMenuTemplate, trayTooltip, type TrayActions, type TrayFigures } from './trayMenu.ts';
import { trayIconFile } from './trayIcon.ts';

export interface AppTray {
  /** Re-reads today's figures into the menu and tooltip. */
  refresh(): void;
  bounds(): Electron.Rectangle | null;
  destroy(): void;
}

export function createAppTray(resourcesDir: string, actions: TrayActions, readFigures: () => TrayFigures): AppTray {
  const icon = () => {
    const image = nativeImage.createFromPath(trayIconFile(resourcesDir, process.platform, nativeTheme.shouldUseDarkColors));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    return image;
  };
  const tray = new Tray(icon());
  const refresh = () => {
    const figures = readFigures();
    tray.setToolTip(trayTooltip(figures));
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenuTemplate(figures, actions)));
  };
  // Windows opens the context menu on right click only; a left click is the quick way in.
  if (process.platform === 'win32') tray.on('click', () => actions.quickAdd());
  const onThemeUpdated = () => tray.setImage(icon());
  nativeTheme.on('updated', onThemeUpdated);
  refresh();
  return {
    refresh,
    bounds: () => {
      const bounds = tray.getBounds();
      return bounds.width > 0 ? bounds : null;
    },
    destroy: () => {
      nativeTheme.removeListener('updated', onThemeUpdated);
      tray.destroy();
    },
  };
}
