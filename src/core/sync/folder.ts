import type fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { KeyDerivation } from './crypto.ts';
import { PARTITION_PATTERN } from './fields.ts';

/**
 * The sync folder, which the person syncs with any tool (Syncthing, Dropbox, iCloud Drive, OneDrive,
 * a network share) or copies (rsync, scp):
 *   leverage-journal.sync.json        the journal's id, format and (when encrypted) key derivation
 *   devices/<device id>/device.json   a device's name and when it last wrote
 *   devices/<device id>/<partition>.ljsync   its documents, one per month and one for settings
 * Each device writes only its own folder, each file atomically; it reads every other device's files.
 */
export const MANIFEST_NAME = 'leverage-journal.sync.json';
export const DEVICES_FOLDER = 'devices';
export const DEVICE_FILE = 'device.json';
export const PARTITION_EXTENSION = '.ljsync';
export const FOLDER_FORMAT = 1;

const keyDerivationSchema = z.object({
  kdf: z.literal('argon2id13'),
  salt: z.string().min(1),
  opslimit: z.number().int().positive(),
  memlimit: z.number().int().positive(),
  check: z.string().min(1),
});

export const manifestSchema = z.object({
  format: z.number().int().positive(),
  journalId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string(),
  encryption: keyDerivationSchema.nullable(),
});
export type Manifest = z.infer<typeof manifestSchema> & { encryption: KeyDerivation | null };

export const deviceInfoSchema = z.object({
  format: z.number().int().positive(),
  deviceId: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string().max(200),
  savedAt: z.string(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export function deviceFolder(folder: string, deviceId: string): string {
  return path.join(folder, DEVICES_FOLDER, deviceId);
}

export function partitionFile(folder: string, deviceId: string, partition: string): string {
  return path.join(deviceFolder(folder, deviceId), `${partition}${PARTITION_EXTENSION}`);
}

/** What a file name in a device folder is. Sync tools rename copies they could not reconcile. */
export type FileKind =
  | { readonly kind: 'partition'; readonly partition: string }
  | { readonly kind: 'conflict-copy'; readonly partition: string }
  | { readonly kind: 'other' };

const CONFLICT_COPY_PATTERNS = [
  /^(.+)\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}$/, // Syncthing
  /^(.+) \([^)]*conflicted copy[^)]*\)$/i, // Dropbox
  /^(.+) \(\d+\)$/, // iCloud Drive, OneDrive ("name (1)")
  /^(.+)-[A-Za-z0-9_-]+-conflict(?:-\d+)?$/i, // OneDrive "name-DEVICE" style and others
];

export function classifyFileName(name: string): FileKind {
  if (!name.endsWith(PARTITION_EXTENSION) || name.startsWith('.')) return { kind: 'other' };
  const base = name.slice(0, -PARTITION_EXTENSION.length);
  if (PARTITION_PATTERN.test(base)) return { kind: 'partition', partition: base };
  for (const pattern of CONFLICT_COPY_PATTERNS) {
    const match = pattern.exec(base);
    if (match?.[1] && PARTITION_PATTERN.test(match[1])) return { kind: 'conflict-copy', partition: match[1] };
  }
  return { kind: 'other' };
}

/** A file's signature: when it changes, the file is read and merged again. */
export function fileSignature(stat: fs.Stats): string {
  return `${stat.size}:${Math.round(stat.mtimeMs)}`;
}
