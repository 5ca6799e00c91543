import type { Settings } from '../../shared/domain/settings.ts';
import type { ShortcutManager } from '../shortcut/shortcutManager.ts';

/** Carries the settings that live outside the renderer (shortcut, login item) into the OS. */
export function createSettingsEffects(shortcuts: ShortcutManager, setOpenAtLogin: (open: boolean) => void) {
  let openAtLogin: boolean | null = null;
  return (settings: Pick<Settings, 'globalShortcut' | 'launchAtLogin'>): void => {
    shortcuts.apply(settings.globalShortcut);
    if (settings.launchAtLogin !== openAtLogin) {
      openAtLogin = settings.launchAtLogin;
      setOpenAtLogin(openAtLogin);
    }
  };
}
