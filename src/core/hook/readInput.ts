/** Reads a whole stream (the hook's stdin) as UTF-8, refusing more than `maxBytes`. */
export async function readAll(stream: AsyncIterable<unknown>, maxBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new Error(`The hook input is larger than ${Math.round(maxBytes / 1000)} kB.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
