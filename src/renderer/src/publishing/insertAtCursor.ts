/** The text after inserting `insert` over the selection [start, end), and where the caret goes. */
export function insertAtCursor(value: string, start: number, end: number, insert: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  const before = value.slice(0, from);
  const after = value.slice(to);
  // A fact is a sentence: keep one space between it and the words around it, never glue them.
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  const trail = after === '' || /^\s/.test(after) ? '' : ' ';
  const inserted = `${lead}${insert}${trail}`;
  return { value: before + inserted + after, caret: before.length + lead.length + insert.length };
}
