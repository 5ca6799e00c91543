import type { MenuItemConstructorOptions } from 'electron';

export interface TrayFigures {
  taskCount: number;
  /** Today's weighted leverage, already formatted ("12.5x", "—"). */
  leverage: string;
}

export interface TrayActions {
  quickAdd(): void;
  openMain(): void;
  exportTodaysPost(): void;
  quit(): void;
}

export function figuresLabel({ taskCount, leverage }: TrayFigures): string {
  return `Today: ${taskCount} ${taskCount === 1 ? 'task' : 'tasks'} · ${leverage} leverage`;
}

/** The tray's context menu; rebuilt whenever the data changes so today's figures stay current. */
export function buildTrayMenuTemplate(figures: TrayFigures, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'quick-add', label: 'Quick add task…', click: () => actions.quickAdd() },
    { type: 'separator' },
    { id: 'figures', label: figuresLabel(figures), enabled: false },
    { type: 'separator' },
    { id: 'open', label: 'Open Leverage Journal', click: () => actions.openMain() },
    { id: 'export-post', label: 'Export today’s post…', click: () => actions.exportTodaysPost() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Leverage Journal', click: () => actions.quit() },
  ];
}
