import { create } from 'zustand';

interface ImportState {
  open: boolean;
  /** A file dropped on the window (the menu path opens the dialog empty and asks for one). */
  file: File | null;
  /** Bumped on every open, so a second drop restarts the dialog. */
  token: number;
  show: (file?: File) => void;
  close: () => void;
}

export const useImportStore = create<ImportState>((set, get) => ({
  open: false,
  file: null,
  token: 0,
  show: (file) => set({ open: true, file: file ?? null, token: get().token + 1 }),
  close: () => set({ open: false, file: null }),
}));
