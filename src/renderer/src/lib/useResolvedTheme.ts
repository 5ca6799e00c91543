import { useSyncExternalStore } from 'react';
import { useSettingsStore } from '../stores/settingsStore.ts';

const query = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void) {
  const media = window.matchMedia(query);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** 'light' or 'dark' as shown: the setting, or the OS preference when it is 'system'. */
export function useResolvedTheme(): 'light' | 'dark' {
  const theme = useSettingsStore((state) => state.settings.theme);
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}
