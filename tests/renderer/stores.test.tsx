import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { call } from '../../src/renderer/src/api/client.ts';
import { useAppStore } from '../../src/renderer/src/stores/appStore.ts';
import { useSettingsStore } from '../../src/renderer/src/stores/settingsStore.ts';
import { useToastStore } from '../../src/renderer/src/stores/toastStore.ts';
import { deleteTasks, undoDelete } from '../../src/renderer/src/lib/mutations.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/settings.ts';
import { mainEvents } from './support/mainEvents.ts';

function install(api: Record<string, unknown>) {
  const events = mainEvents();
  // Writes are announced as main announces them (dataChanged before the answer).
  const announced = Object.fromEntries(
    Object.entries(api).map(([channel, invoke]) => [
      channel,
      async (input: unknown) => {
        const result = await (invoke as (input: unknown) => Promise<unknown>)(input);
        if (['deleteTasks', 'restoreTasks', 'updateSettings'].includes(channel)) events.announceWrite();
        return result;
      },
    ]),
  );
  Object.defineProperty(window, 'api', { value: { on: events.on, ...announced }, configurable: true });
  events.follow();
}

beforeEach(() => {
  vi.useFakeTimers();
  useToastStore.setState({ toasts: [] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('api client and stores', () => {
  test('an error result becomes a toast in the main process’s words', async () => {
    install({ getSettings: async () => ({ ok: false, error: { code: 'CORRUPT', message: 'The journal file is damaged.' } }) });
    expect(await call('getSettings')).toBeUndefined();
    expect(useToastStore.getState().toasts).toMatchObject([{ kind: 'error', message: 'The journal file is damaged.' }]);
    vi.advanceTimersByTime(8000);
    expect(useToastStore.getState().toasts).toEqual([]);
  });

  test('a missing bridge is reported, not thrown', async () => {
    Object.defineProperty(window, 'api', { value: undefined, configurable: true });
    expect(await call('listWorkstreams')).toBeUndefined();
    expect(useToastStore.getState().toasts[0]?.message).toMatch(/bridge is missing/);
  });

  test('settings update keeps what main returns and confirms it', async () => {
    const updateSettings = vi.fn(async (patch: object) => ({ ok: true, value: { ...DEFAULT_SETTINGS, ...patch } }));
    install({ updateSettings });
    expect(await useSettingsStore.getState().update({ theme: 'dark' })).toBe(true);
    expect(updateSettings).toHaveBeenCalledWith({ theme: 'dark' });
    expect(useSettingsStore.getState().settings.theme).toBe('dark');
    expect(useToastStore.getState().toasts.at(-1)).toMatchObject({ kind: 'success', message: 'Settings saved' });
  });

  test('delete bumps the data version and Undo restores exactly the deleted ids once', async () => {
    const restoreTasks = vi.fn(async ({ ids }: { ids: number[] }) => ({ ok: true, value: { ids } }));
    install({ deleteTasks: async ({ ids }: { ids: number[] }) => ({ ok: true, value: { ids } }), restoreTasks });
    const before = useAppStore.getState().dataVersion;
    await deleteTasks([4, 9]);
    expect(useAppStore.getState().dataVersion).toBe(before + 1);
    const undo = useToastStore.getState().toasts.at(-1);
    expect(undo).toMatchObject({ message: 'Deleted 2 tasks', action: { label: 'Undo' } });
    undo?.action?.run();
    await vi.waitFor(() => expect(restoreTasks).toHaveBeenCalledWith({ ids: [4, 9] }));
    await undoDelete();
    expect(restoreTasks).toHaveBeenCalledTimes(1);
  });
});
