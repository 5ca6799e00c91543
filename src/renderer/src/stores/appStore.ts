import { create } from 'zustand';
import { today } from '../../../shared/metrics/periods.ts';
import { subscribe } from '../api/client.ts';
import { flushEdits } from '../lib/autosave.ts';

export const SCREENS = ['day', 'log', 'review', 'post', 'settings', 'sessions'] as const;
export type Screen = (typeof SCREENS)[number];

interface AppState {
  screen: Screen;
  /** The day the Day and Post screens show. */
  date: string;
  /** Bumped by main's dataChanged event (a write here or in the CLI): views refetch when it moves. */
  dataVersion: number;
  /** Asks the Day screen's form to take focus (menu "New task", shortcut N). */
  focusFormToken: number;
  setScreen: (screen: Screen) => void;
  setDate: (date: string) => void;
  dataChanged: () => void;
  requestNewTask: () => void;
}

export const useAppStore = create<AppState>((set, get) => ({
  screen: 'day',
  date: today(),
  dataVersion: 0,
  focusFormToken: 0,
  // Text being typed is saved before the screen or the day changes (the save starts before the switch).
  setScreen: (screen) => {
    void flushEdits();
    set({ screen });
  },
  setDate: (date) => {
    void flushEdits();
    set({ date });
  },
  dataChanged: () => set({ dataVersion: get().dataVersion + 1 }),
  requestNewTask: () => set({ screen: 'day', focusFormToken: get().focusFormToken + 1 }),
}));

/**
 * The one invalidation path: main announces every write (this window's, another window's, the
 * CLI's) with `dataChanged`, and views refetch. Nothing in the renderer bumps the version by hand.
 */
export function followDataChanges(): () => void {
  return subscribe('dataChanged', () => useAppStore.getState().dataChanged());
}
