/** Files the import dialog takes: published posts (markdown or copied text) and the app's own data exports. */
export type ImportFileKind = 'post' | 'data' | 'unknown';

export const POST_EXTENSIONS = ['md', 'markdown', 'txt', 'html', 'htm'] as const;
export const DATA_EXTENSIONS = ['csv', 'json'] as const;
export const ACCEPT = [...POST_EXTENSIONS, ...DATA_EXTENSIONS].map((extension) => `.${extension}`).join(',');

/** The IPC contract's limit on a post's text (20 million characters); files above it are refused before reading. */
export const MAX_POST_BYTES = 20_000_000;

export function importFileKind(name: string): ImportFileKind {
  const extension = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if ((POST_EXTENSIONS as readonly string[]).includes(extension)) return 'post';
  if ((DATA_EXTENSIONS as readonly string[]).includes(extension)) return 'data';
  return 'unknown';
}

/** Reads a post's text, or says in words why it cannot be imported. */
export async function readPostFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (importFileKind(file.name) !== 'post') {
    return { ok: false, error: `${file.name} is not a post: drop a .md, .html or .txt file (a Leverage Record as markdown, a saved page, or text copied from the page).` };
  }
  if (file.size > MAX_POST_BYTES) return { ok: false, error: `${file.name} is larger than 20 MB; a post file is a few kilobytes.` };
  try {
    const text = await file.text();
    if (text.includes('\u0000')) return { ok: false, error: `${file.name} is not a text file.` };
    return { ok: true, text };
  } catch (error) {
    return { ok: false, error: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The core asks for a date when a pasted copy lacks its title line; the app asks the user instead of `--date`. */
export function needsDate(errors: readonly string[]): boolean {
  return errors.some((error) => error.includes('has no "Leverage Record: <date>" title'));
}
