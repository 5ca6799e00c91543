import { assemblePosts } from './assemblePosts.ts';
import { flattenedBlocks } from './flattenedBlocks.ts';
import { looksLikeMarkdown, markdownBlocks } from './markdownBlocks.ts';
import type { ParsedPost } from './model.ts';

export interface ReadPostsOptions {
  /** Picks the reader (".md" markdown, ".txt" copied text, else detected) and names the file in messages. */
  fileName?: string | undefined;
  /** The work date of a pasted post that has no title line. */
  date?: string | null | undefined;
}

/** Every post in a file: markdown (GFM tables) or text copied from the web page. */
export function readPosts(text: string, options: ReadPostsOptions = {}): ParsedPost[] {
  const name = options.fileName ?? '';
  const markdown = /\.(?:md|markdown)$/i.test(name) || (!/\.txt$/i.test(name) && looksLikeMarkdown(text));
  const blocks = markdown ? markdownBlocks(text) : flattenedBlocks(text);
  return assemblePosts(blocks, options.date ?? null);
}
