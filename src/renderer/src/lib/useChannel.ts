import { useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { useAppStore } from '../stores/appStore.ts';

/**
 * Reads one channel and refetches when its input or the data changes. `value` keeps the last result
 * while a new one loads, so views do not flash empty.
 */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C> | null): { value: ChannelOutput<C> | undefined; loading: boolean } {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ key: string | null; value: ChannelOutput<C> | undefined }>({ key: null, value: undefined });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const invoke = call as (channel: C, input?: unknown) => Promise<ChannelOutput<C> | undefined>;
    void invoke(channel, JSON.parse(key) as unknown).then((value) => {
      if (live && value !== undefined) setState({ key: `${key}|${dataVersion}`, value });
    });
    return () => {
      live = false;
    };
  }, [channel, key, dataVersion]);
  return { value: state.value, loading: state.key !== `${key}|${dataVersion}` };
}
