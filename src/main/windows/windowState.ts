import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The main window's last size and position, kept in userData/window-state.json. */
export const windowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The saved state, or null when there is none or it is not valid (then the defaults apply). */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.partial`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** A saved position is used only if enough of the window lands on a display that still exists. */
export function isVisibleOnSomeDisplay(bounds: Area, workAreas: readonly Area[]): boolean {
  return workAreas.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return width >= 100 && height >= 50;
  });
}

/** The bounds to open with: the saved ones if visible, else the saved size (or defaults) centred. */
export function initialBounds(saved: WindowState | null, workAreas: readonly Area[], defaults: { width: number; height: number }): Partial<Area> & { width: number; height: number } {
  if (saved && isVisibleOnSomeDisplay(saved, workAreas)) return { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  return { width: saved?.width ?? defaults.width, height: saved?.height ?? defaults.height };
}
