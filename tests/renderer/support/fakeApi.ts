import type { Task } from '../../../src/shared/domain/task.ts';
import type { IpcResult } from '../../../src/shared/ipc/contract.ts';
import { mainEvents } from './mainEvents.ts';

type Query = { text?: string; sort?: keyof Task | 'leverage'; direction?: 'asc' | 'desc'; offset?: number; limit?: number; from?: string; to?: string };

/**
 * An in-memory stand-in for window.api in component tests (the end-to-end suite uses the real
 * handlers): tasks with soft delete, queryTasks with sort/offset/limit, and a log of calls.
 */
export function installFakeApi(tasks: Task[], options: { failUpdate?: string } = {}) {
  const deleted = new Set<number>();
  const calls: Array<{ channel: string; input: unknown }> = [];
  const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });
  const live = () => tasks.filter((task) => !deleted.has(task.id));
  const events = mainEvents();
  // A successful write is announced with dataChanged before its answer, as main does.
  const wrote = <T>(value: T): Promise<IpcResult<T>> => {
    events.announceWrite();
    return ok(value);
  };
  const api = {
    queryTasks: (query: Query) => {
      calls.push({ channel: 'queryTasks', input: query });
      const key = query.sort ?? 'workDate';
      const value = (task: Task) => (key === 'leverage' ? task.humanSeconds / task.agentSeconds : task[key]) ?? '';
      const sorted = live()
        .filter((task) => !query.text || task.title.includes(query.text))
        .sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id - b.id) * (query.direction === 'asc' ? 1 : -1));
      const offset = query.offset ?? 0;
      return ok({ rows: sorted.slice(offset, offset + (query.limit ?? 200)), total: sorted.length });
    },
    updateTask: ({ id, patch }: { id: number; patch: Partial<Task> }) => {
      calls.push({ channel: 'updateTask', input: { id, patch } });
      if (options.failUpdate) return Promise.resolve({ ok: false, error: { code: 'CONSTRAINT', message: options.failUpdate } });
      const index = tasks.findIndex((task) => task.id === id);
      tasks[index] = { ...(tasks[index] as Task), ...patch };
      return wrote(tasks[index]);
    },
    deleteTasks: ({ ids }: { ids: number[] }) => {
      calls.push({ channel: 'deleteTasks', input: { ids } });
      ids.forEach((id) => deleted.add(id));
      return wrote({ ids });
    },
    restoreTasks: ({ ids }: { ids: number[] }) => {
      calls.push({ channel: 'restoreTasks', input: { ids } });
      ids.forEach((id) => deleted.delete(id));
      return wrote({ ids });
    },
    on: events.on,
  };
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  events.follow();
  return { calls, deleted };
}

export function makeTask(id: number, overrides: Partial<Task> = {}): Task {
  return {
    id,
    workDate: '2026-03-01',
    title: `Task ${id}`,
    workstream: null,
    humanSeconds: 3600 * id,
    agentSeconds: 600,
    supervisionSeconds: null,
    tokens: null,
    model: null,
    notes: '',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** happy-dom lays nothing out: give elements a size so the virtualizer renders rows. */
export function fakeLayout(height = 400, width = 1000) {
  const rect = { x: 0, y: 0, top: 0, left: 0, bottom: height, right: width, width, height, toJSON: () => ({}) };
  HTMLElement.prototype.getBoundingClientRect = () => rect as DOMRect;
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
}
