import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput } from '../../../shared/ipc/contract.ts';
import type { Task } from '../../../shared/domain/task.ts';
import { call } from '../api/client.ts';

export const PAGE_SIZE = 200;
/** Pages kept in memory; far-away pages are dropped so 100,000 tasks never sit in the renderer at once. */
const MAX_PAGES = 12;

export type TaskQuery = Omit<ChannelInput<'queryTasks'>, 'offset' | 'limit'>;

interface Loaded {
  key: string;
  total: number | null;
  pages: Map<number, Task[]>;
}

/**
 * Tasks paged from main with the queryTasks channel (sorting and filtering happen in SQLite): only the
 * pages around the visible rows are fetched and kept.
 */
export function usePagedTasks(query: TaskQuery, version: number, visible: { start: number; end: number }) {
  const key = `${JSON.stringify(query)}|${version}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', total: null, pages: new Map() });
  const currentKey = useRef(key);
  const inflight = useRef(new Set<string>());

  useEffect(() => {
    currentKey.current = key;
  }, [key]);

  const loadPage = useCallback(
    async (page: number) => {
      const id = `${key}#${page}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      const result = await call('queryTasks', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      inflight.current.delete(id);
      if (!result || currentKey.current !== key) return;
      setLoaded((previous) => {
        const pages = previous.key === key ? new Map(previous.pages) : new Map<number, Task[]>();
        pages.set(page, result.rows);
        if (pages.size > MAX_PAGES) {
          const far = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
          for (const stale of far.slice(0, pages.size - MAX_PAGES)) pages.delete(stale);
        }
        return { key, total: result.total, pages };
      });
    },
    // query is part of key
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    const first = Math.floor(Math.max(visible.start, 0) / PAGE_SIZE);
    const last = Math.floor(Math.max(visible.end, 0) / PAGE_SIZE);
    for (let page = first; page <= last; page += 1) {
      if (loaded.key !== key || !loaded.pages.has(page)) void loadPage(page);
    }
  }, [key, visible.start, visible.end, loaded, loadPage]);

  const rows = useMemo(() => [...loaded.pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, page]) => page), [loaded.pages]);
  const rowAt = useCallback((index: number): Task | undefined => loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [loaded.pages]);

  return { total: loaded.total, rows, rowAt, loading: loaded.key !== key };
}
