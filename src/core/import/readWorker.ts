import { parentPort } from 'node:worker_threads';
import { isJournalError } from '../errors.ts';
import { readPosts, type ReadPostsOptions } from './readPosts.ts';

/**
 * The post readers in a worker thread: the app's main process and the CLI hand the text here so
 * that a pathological post can be stopped (time, memory) without stalling them or holding the
 * journal's write lock. Answers { ok, posts } or { ok: false, message } (a refusal in words).
 */
parentPort?.on('message', ({ text, options }: { text: string; options: ReadPostsOptions }) => {
  try {
    parentPort?.postMessage({ ok: true, posts: readPosts(text, options) });
  } catch (error) {
    const source = options.fileName ?? 'the input';
    parentPort?.postMessage({
      ok: false,
      message: isJournalError(error)
        ? error.message
        : error instanceof RangeError
          ? `${source}: it nests too deep to read; nothing imported.`
          : `${source}: could not be read (${error instanceof Error ? error.message : String(error)}); nothing imported.`,
    });
  }
});
// Loaded: the reader may start counting time.
parentPort?.postMessage({ ready: true });
