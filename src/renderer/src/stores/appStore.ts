import { create } from 'zustand';
import { today } from '../../../shared/metrics/periods.ts';

export const SCREENS = ['day', 'log', 'review', 'post', 'settings', 'sessions'] as const;
export type Screen = (typeof SCREENS)[number];

interface AppState {
  screen: Screen;
  /** The day the Day and Post screens show. */
  date: string;
  /** Bumped whenever data changed (here or in the CLI): views refetch when it moves. */
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
  setScreen: (screen) => set({ screen }),
  setDate: (date) => set({ date }),
  dataChanged: () => set({ dataVersion: get().dataVersion + 1 }),
  requestNewTask: () => set({ screen: 'day', focusFormToken: get().focusFormToken + 1 }),
}));
