import type { MenuItemConstructorOptions } from 'electron';

export interface TrayFigures {
  taskCount: number;
  /** Today's weighted leverage, already formatted ("12.5x", "—"). */
  leverage: string;
  /** What went wrong in the last sync across devices (null: none, or sync is off). */
  syncProblem?: string | null;
}

export interface TrayActions {
  quickAdd(): void;
  openMain(): void;
  exportTodaysPost(): void;
  quit(): void;
  /** Opens Settings (where Sync shows the problem in full). */
  openSettings?(): void;
}

export function figuresLabel({ taskCount, leverage }: TrayFigures): string {
  return `Today: ${taskCount} ${taskCount === 1 ? 'task' : 'tasks'} · ${leverage} leverage`;
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The tray's tooltip: today's figures, and a sync problem when there is one. */
export function trayTooltip(figures: TrayFigures): string {
  return `Leverage Journal — ${figuresLabel(figures)}${figures.syncProblem ? ' — sync problem' : ''}`;
}

/** The tray's context menu; rebuilt whenever the data changes so today's figures stay current. */
export function buildTrayMenuTemplate(figures: TrayFigures, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'quick-add', label: 'Quick add task…', click: () => actions.quickAdd() },
    { type: 'separator' },
    { id: 'figures', label: figuresLabel(figures), enabled: false },
    ...(figures.syncProblem
      ? ([{ id: 'sync-problem', label: `⚠ Sync problem: ${shorten(figures.syncProblem, 80)}`, click: () => (actions.openSettings ?? actions.openMain)() }] as MenuItemConstructorOptions[])
      : []),
    { type: 'separator' },
    { id: 'open', label: 'Open Leverage Journal', click: () => actions.openMain() },
    { id: 'export-post', label: 'Export today’s post…', click: () => actions.exportTodaysPost() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Leverage Journal', click: () => actions.quit() },
  ];
}
