/** The main window's keyboard shortcuts, shown in the help dialog and docs/renderer.md. */
export const SHORTCUTS: Array<{ keys: string; action: string }> = [
  { keys: 'Ctrl+1 … Ctrl+6', action: 'Day, Log, Review, Post, Settings, Sessions' },
  { keys: 'Ctrl+N', action: 'New task (focus the quick-add line on the Day screen)' },
  { keys: 'Alt+← / Alt+→', action: 'Previous / next day (Day and Post)' },
  { keys: 'Alt+Home', action: 'Today' },
  { keys: 'Enter (quick add)', action: 'Save the parsed task' },
  { keys: 'Ctrl+Enter (form)', action: 'Save the task form' },
  { keys: 'Arrows, PgUp/PgDn, Home/End', action: 'Move in a grid' },
  { keys: 'Enter or F2 / Esc', action: 'Edit the cell / cancel the edit' },
  { keys: 'Tab (editing)', action: 'Save and edit the next cell' },
  { keys: 'Space / Ctrl+A', action: 'Select the row / all loaded rows' },
  { keys: 'Delete', action: 'Delete the selected rows (or the current row)' },
  { keys: 'Ctrl+Z', action: 'Undo the last delete' },
  { keys: '/', action: 'Search the Log' },
  { keys: '?', action: 'Show these shortcuts' },
];

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
