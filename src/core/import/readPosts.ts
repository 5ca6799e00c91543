import { JournalError } from '../errors.ts';
import { assemblePosts } from './assemblePosts.ts';
import { htmlBlocks, looksLikeHtml } from './htmlBlocks.ts';
import { checkExtractedText, checkInputSize, checkIsText, checkMarkdownText } from './limits.ts';
import { looksLikeMarkdown, markdownBlocks } from './markdownBlocks.ts';
import type { ParsedPost, PostBlock } from './model.ts';
import { textBlocks } from './textBlocks.ts';

export interface ReadPostsOptions {
  /** Names the input in messages (the form is detected from the content, never from the name). */
  fileName?: string | undefined;
  /** The work date of a pasted post that has no title line. */
  date?: string | null | undefined;
}

/** The shapes a post comes in. Page text covers tabs, one cell per line, spaces and run-together cells. */
export type PostForm = 'html' | 'markdown' | 'text';

/** Tells the form from the content: a markdown copy saved as `.txt` is still markdown. */
export function detectForm(text: string): PostForm {
  if (looksLikeHtml(text)) return 'html';
  if (looksLikeMarkdown(text)) return 'markdown';
  return 'text';
}

/** Text of an input's bytes: UTF-8 (with or without BOM), else Windows-1252 as old saved pages are; binaries are refused. */
export function decodeInput(bytes: Uint8Array, source: string): string {
  checkInputSize(source, bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  checkIsText(source, text);
  return text;
}

function blocksOf(text: string, source: string): PostBlock[] {
  switch (detectForm(text)) {
    case 'html':
      return htmlBlocks(text, source);
    case 'markdown':
      checkMarkdownText(source, text);
      return markdownBlocks(text);
    case 'text':
      checkExtractedText(source, text);
      return textBlocks(text);
  }
}

/**
 * Every post in one input, within the import limits (a refusal is a JournalError naming the input
 * and the limit). Pure: it reads no journal, so it runs outside any transaction and in a worker.
 */
export function readPosts(text: string, options: ReadPostsOptions = {}): ParsedPost[] {
  const source = options.fileName ?? 'the input';
  if (text.trim() === '') throw new JournalError('IMPORT_FAILED', `${source} is empty.`);
  checkInputSize(source, Buffer.byteLength(text, 'utf8'));
  checkIsText(source, text);
  return assemblePosts(blocksOf(text.replace(/^\uFEFF/, ''), source), options.date ?? null);
}
