import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/domain/settings.ts';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { toast } from './toastStore.ts';

type AppInfo = ChannelOutput<'appInfo'>;

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  appInfo: AppInfo | null;
  load: () => Promise<void>;
  replace: (settings: Settings) => void;
  update: (patch: SettingsPatch, message?: string) => Promise<boolean>;
  /** Saves without a toast (the field shows its own save state). */
  save: (patch: SettingsPatch) => Promise<boolean>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  appInfo: null,
  load: async () => {
    const [settings, appInfo] = await Promise.all([call('getSettings'), call('appInfo')]);
    set({ ...(settings ? { settings, loaded: true } : {}), appInfo: appInfo ?? null });
  },
  replace: (settings) => set({ settings }),
  save: async (patch) => {
    const settings = await call('updateSettings', patch);
    if (!settings) return false;
    set({ settings });
    return true;
  },
  update: async (patch, message = 'Settings saved') => {
    const settings = await call('updateSettings', patch);
    if (!settings) return false;
    set({ settings });
    toast('success', message);
    return true;
  },
}));

/** Applies the theme: 'system' follows prefers-color-scheme through CSS; light/dark force it. */
export function applyTheme(theme: Settings['theme']): void {
  document.documentElement.dataset.theme = theme;
}
