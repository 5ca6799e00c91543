import type { TaskInput, TaskPatch, Task } from '../../../shared/domain/task.ts';
import { call } from '../api/client.ts';
import { toast } from '../stores/toastStore.ts';

/** Task changes with their toasts; each one tells the views to refetch. */
export async function createTask(input: TaskInput): Promise<Task | undefined> {
  const task = await call('createTask', input);
  if (task) {
    toast('success', `Saved “${task.title}”`);
  }
  return task;
}

export async function updateTask(id: number, patch: TaskPatch): Promise<Task | undefined> {
  const task = await call('updateTask', { id, patch });
  if (task) {
    toast('success', 'Saved');
  }
  return task;
}

export async function restoreTasks(ids: number[]): Promise<void> {
  const result = await call('restoreTasks', { ids });
  if (result) {
    toast('info', `Restored ${plural(result.ids.length, 'task')}`);
  }
}

/** Deletes (soft) and offers Undo, which restores exactly the tasks deleted. */
export async function deleteTasks(ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const result = await call('deleteTasks', { ids });
  if (!result) return [];
  lastDeleted = result.ids;
  toast('info', `Deleted ${plural(result.ids.length, 'task')}`, { label: 'Undo', run: () => void undoDelete() });
  return result.ids;
}

let lastDeleted: number[] = [];

/** Ctrl+Z: brings back the last deletion. */
export async function undoDelete(): Promise<void> {
  const ids = lastDeleted;
  lastDeleted = [];
  if (ids.length > 0) await restoreTasks(ids);
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
