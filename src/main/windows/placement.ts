import type { Area } from './windowState.ts';

/**
 * Where the quick-add window opens: centred under (or above, for a bottom panel) the tray icon
 * when the platform reports its bounds, else near the top of the display the pointer is on.
 * Always kept inside the display's work area.
 */
export function quickAddPosition(trayBounds: Area | null, workArea: Area, size: { width: number; height: number }): { x: number; y: number } {
  let x: number;
  let y: number;
  if (trayBounds && trayBounds.width > 0 && trayBounds.height > 0) {
    x = trayBounds.x + trayBounds.width / 2 - size.width / 2;
    const trayInUpperHalf = trayBounds.y + trayBounds.height / 2 < workArea.y + workArea.height / 2;
    y = trayInUpperHalf ? trayBounds.y + trayBounds.height + 4 : trayBounds.y - size.height - 4;
  } else {
    x = workArea.x + (workArea.width - size.width) / 2;
    y = workArea.y + workArea.height * 0.2;
  }
  x = Math.min(Math.max(x, workArea.x), workArea.x + workArea.width - size.width);
  y = Math.min(Math.max(y, workArea.y), workArea.y + workArea.height - size.height);
  return { x: Math.round(x), y: Math.round(y) };
}
