import path from 'node:path';

/**
 * The tray icon file. macOS gets a template image (black + alpha; the OS tints it for light and
 * dark menu bars). Elsewhere: tray-light.png (dark glyph) for light panels, tray-dark.png (light
 * glyph) for dark ones, following the OS theme. Each has an @2x variant Electron picks up itself.
 */
export function trayIconFile(resourcesDir: string, platform: NodeJS.Platform, darkTheme: boolean): string {
  if (platform === 'darwin') return path.join(resourcesDir, 'trayTemplate.png');
  return path.join(resourcesDir, darkTheme ? 'tray-dark.png' : 'tray-light.png');
}
