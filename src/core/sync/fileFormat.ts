import { createHash } from 'node:crypto';
import { open, seal } from './crypto.ts';

/**
 * One partition file in the sync folder:
 *   "LJSYNC" (6 bytes) · format version (1 byte) · flags (1 byte; bit 0 = encrypted) ·
 *   payload length (4 bytes, big endian) · SHA-256 of the payload (32 bytes) · payload.
 * The payload is an Automerge document (A.save), sealed with the folder key when encrypted.
 * The length and checksum let a truncated or damaged file be refused before Automerge reads it.
 */
export const SYNC_FILE_FORMAT = 1;
const MAGIC = Buffer.from('LJSYNC', 'latin1');
const HEADER_BYTES = MAGIC.length + 1 + 1 + 4 + 32;
const FLAG_ENCRYPTED = 1;

export type DecodeFailure =
  | { readonly kind: 'not-sync-file' }
  | { readonly kind: 'newer-format'; readonly format: number }
  | { readonly kind: 'truncated'; readonly expected: number; readonly actual: number }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'encrypted-without-key' }
  | { readonly kind: 'not-encrypted-but-key' }
  | { readonly kind: 'wrong-key' };

export type Decoded = { readonly ok: true; readonly document: Uint8Array } | { readonly ok: false; readonly failure: DecodeFailure };

function associatedData(deviceId: string, partition: string): string {
  return `leverage-journal/${SYNC_FILE_FORMAT}/${deviceId}/${partition}`;
}

export function encodeSyncFile(document: Uint8Array, deviceId: string, partition: string, key: Uint8Array | null): Buffer {
  const payload = key ? seal(key, document, associatedData(deviceId, partition)) : document;
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(SYNC_FILE_FORMAT, MAGIC.length);
  header.writeUInt8(key ? FLAG_ENCRYPTED : 0, MAGIC.length + 1);
  header.writeUInt32BE(payload.length, MAGIC.length + 2);
  createHash('sha256').update(payload).digest().copy(header, MAGIC.length + 6);
  return Buffer.concat([header, payload]);
}

export function decodeSyncFile(bytes: Uint8Array, deviceId: string, partition: string, key: Uint8Array | null): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < MAGIC.length + 2 || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, failure: { kind: 'not-sync-file' } };
  const format = buffer.readUInt8(MAGIC.length);
  if (format > SYNC_FILE_FORMAT) return { ok: false, failure: { kind: 'newer-format', format } };
  if (buffer.length < HEADER_BYTES) return { ok: false, failure: { kind: 'truncated', expected: HEADER_BYTES, actual: buffer.length } };
  const flags = buffer.readUInt8(MAGIC.length + 1);
  const length = buffer.readUInt32BE(MAGIC.length + 2);
  const payload = buffer.subarray(HEADER_BYTES);
  if (payload.length !== length) return { ok: false, failure: { kind: 'truncated', expected: HEADER_BYTES + length, actual: buffer.length } };
  const checksum = buffer.subarray(MAGIC.length + 6, HEADER_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(checksum)) return { ok: false, failure: { kind: 'corrupt' } };
  const encrypted = (flags & FLAG_ENCRYPTED) !== 0;
  if (encrypted && !key) return { ok: false, failure: { kind: 'encrypted-without-key' } };
  if (!encrypted && key) return { ok: false, failure: { kind: 'not-encrypted-but-key' } };
  if (!key) return { ok: true, document: new Uint8Array(payload) };
  const opened = open(key, new Uint8Array(payload), associatedData(deviceId, partition));
  return opened ? { ok: true, document: opened } : { ok: false, failure: { kind: 'wrong-key' } };
}

export function describeFailure(failure: DecodeFailure): string {
  switch (failure.kind) {
    case 'not-sync-file':
      return 'not a Leverage Journal sync file';
    case 'newer-format':
      return `written by a newer version of Leverage Journal (sync format ${failure.format}, this version reads ${SYNC_FILE_FORMAT}): update to merge it`;
    case 'truncated':
      return `truncated (${failure.actual} of ${failure.expected} bytes; it may still be arriving)`;
    case 'corrupt':
      return 'damaged (its checksum does not match)';
    case 'encrypted-without-key':
      return 'encrypted, but this device has no key for the folder';
    case 'not-encrypted-but-key':
      return 'not encrypted, but the folder is: refused';
    case 'wrong-key':
      return 'cannot be decrypted with the folder key (wrong passphrase, or the file was changed)';
  }
}
