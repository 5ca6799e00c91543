import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES as PRELOAD_EVENTS, eventChannel, invokeChannel } from '../../../src/preload/channels.ts';
import { CHANNELS, EVENT_NAMES, channelName, eventChannelName } from '../../../src/shared/ipc/contract.ts';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)),
  send: vi.fn(),
  sendSync: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

async function loadApi(): Promise<Record<string, unknown>> {
  exposed.clear();
  vi.resetModules();
  await import('../../../src/preload/index.ts');
  return exposed.get('api') as Record<string, unknown>;
}

describe('the preload bridge', () => {
  beforeEach(() => {
    listeners.clear();
    vi.clearAllMocks();
  });

  it('exposes one object, `api`, with exactly the contract channels plus `on`', async () => {
    const api = await loadApi();
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each function to its own channel with the given input, nothing else', async () => {
    const api = await loadApi();
    for (const channel of CHANNELS) {
      const input = { probe: channel };
      await (api[channel] as (input: unknown) => Promise<unknown>)(input);
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelName(channel), input);
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length);
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('delivers event payloads without the IpcRendererEvent and unsubscribes', async () => {
    const api = await loadApi();
    const on = api.on as (event: string, listener: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const unsubscribe = on('dataChanged', (...args) => received.push(args));
    const wire = eventChannelName('dataChanged');
    const fakeEvent = { sender: { send: () => undefined }, senderId: 0 };
    for (const listener of listeners.get(wire) ?? []) listener(fakeEvent, { source: 'external' });
    expect(received).toEqual([[{ source: 'external' }]]);
    unsubscribe();
    expect(listeners.get(wire)?.size).toBe(0);
  });

  it('refuses to subscribe to anything but the contract events', async () => {
    const api = await loadApi();
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('leverage:createTask', () => undefined)).toThrow(/Unknown event/);
    expect(() => on('__proto__', () => undefined)).toThrow(/Unknown event/);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('uses the same wire names and event list as the contract', () => {
    expect([...PRELOAD_EVENTS].sort()).toEqual([...EVENT_NAMES].sort());
    for (const channel of CHANNELS) expect(invokeChannel(channel)).toBe(channelName(channel));
    for (const event of EVENT_NAMES) expect(eventChannel(event)).toBe(eventChannelName(event));
  });
});
