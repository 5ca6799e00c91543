import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { JournalError } from '../errors.ts';
import { IMPORT_LIMITS, readingRefused, type ImportLimits } from './limits.ts';
import type { ParsedPost } from './model.ts';
import { readPosts, type ReadPostsOptions } from './readPosts.ts';

/** Reads a post's text into posts; a refusal rejects with a JournalError whose message names the input. */
export type PostReader = (text: string, options: ReadPostsOptions) => Promise<ParsedPost[]>;

/** The worker entry as plain Node runs it (CLI, tests); the app and the bundled CLI pass their bundled copy. */
export const READ_WORKER_SOURCE = path.join(import.meta.dirname, 'readWorker.ts');

type Answer = { ok: true; posts: ParsedPost[] } | { ok: false; message: string };

/**
 * A PostReader that reads in a worker thread with a heap limit, one reading at a time, and stops
 * the worker when a reading exceeds the time limit (counted from when the worker has its text, not
 * while it loads): a pathological post costs at most `timeMs` and `workerHeapMb`, and the caller's
 * thread (the app's main process with its IPC and windows, or the CLI) keeps running. The worker
 * is kept for the next reading and replaced after it was stopped; an idle worker never keeps the
 * process alive.
 */
export function workerPostReader(entry: URL | string = READ_WORKER_SOURCE, limits: ImportLimits = IMPORT_LIMITS): PostReader {
  let worker: { thread: Worker; ready: Promise<void> } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const start = () => {
    const thread = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, stackSizeMb: 4 } });
    thread.unref();
    const ready = new Promise<void>((resolve, reject) => {
      thread.once('message', () => resolve());
      thread.once('error', reject);
      thread.once('exit', () => reject(new Error('the reader stopped while loading')));
    });
    ready.catch(() => undefined);
    const started = { thread, ready };
    thread.on('exit', () => {
      if (worker === started) worker = null;
    });
    return started;
  };

  const readOnce = async (text: string, options: ReadPostsOptions): Promise<ParsedPost[]> => {
    const source = options.fileName ?? 'the input';
    worker ??= start();
    const { thread, ready } = worker;
    try {
      await ready;
    } catch (error) {
      worker = null;
      throw new JournalError('IMPORT_FAILED', `${source}: the post reader could not start (${error instanceof Error ? error.message : String(error)}).`);
    }
    thread.ref();
    try {
      return await new Promise<ParsedPost[]>((resolve, reject) => {
        const stop = (error: JournalError) => {
          if (worker?.thread === thread) worker = null;
          void thread.terminate();
          reject(error);
        };
        const timer = setTimeout(() => stop(readingRefused(source, 'time', limits)), limits.timeMs);
        const onMessage = (answer: Answer) => {
          cleanup();
          if (answer.ok) resolve(answer.posts);
          else reject(new JournalError('IMPORT_FAILED', answer.message));
        };
        const onError = (error: Error & { code?: string }) => {
          cleanup();
          stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? readingRefused(source, 'memory', limits) : new JournalError('IMPORT_FAILED', `${source}: could not be read (${error.message}); nothing imported.`));
        };
        const onExit = () => {
          cleanup();
          stop(new JournalError('IMPORT_FAILED', `${source}: the post reader stopped before answering; nothing imported.`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          thread.off('message', onMessage);
          thread.off('error', onError);
          thread.off('exit', onExit);
        };
        thread.on('message', onMessage);
        thread.on('error', onError);
        thread.on('exit', onExit);
        thread.postMessage({ text, options });
      });
    } finally {
      thread.unref();
    }
  };

  return (text, options) => {
    const next = queue.then(() => readOnce(text, options));
    queue = next.catch(() => undefined);
    return next;
  };
}

let shared: PostReader | null = null;

/** The process's one worker reader (plain Node entry), started on first use and kept while the process lives. */
export function sharedPostReader(): PostReader {
  shared ??= workerPostReader();
  return shared;
}

/**
 * Reads on the caller's thread, with the limits but without the time limit's stop: for component
 * tests and tools that read known fixtures (never the app or the CLI).
 */
export const inThreadPostReader: PostReader = async (text, options) => readPosts(text, options);
