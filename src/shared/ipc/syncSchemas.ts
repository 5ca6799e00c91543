import { z } from 'zod';

/** What sync reports, as zod schemas: the IPC contract checks them and the core's types come from them. */

export const syncReportSchema = z.object({
  /** Local changes (outbox rows) folded into this device's documents. */
  outboxFolded: z.number(),
  /** Fields assigned in this device's documents. */
  fieldsWritten: z.number(),
  partitionsWritten: z.number(),
  /** Other devices' files merged (conflict copies made by a sync tool included). */
  filesMerged: z.number(),
  conflictCopiesMerged: z.number(),
  /** Rows the merge added to or changed in this journal. */
  inserted: z.number(),
  updated: z.number(),
  /** Fields in conflict after this sync. */
  conflicts: z.number(),
  /** Files skipped (truncated, damaged, from a newer version, wrong key), retried at the next sync. */
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** Rows the journal refused (a value this version does not accept). */
  refused: z.array(z.string()),
  durationMs: z.number(),
});
export type SyncReport = z.infer<typeof syncReportSchema>;

export const syncPeerSchema = z.object({
  deviceId: z.string(),
  name: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** When the device last wrote its files, by its own clock. */
  lastSavedAt: z.string().nullable(),
  problem: z.string().nullable(),
});
export type SyncPeer = z.infer<typeof syncPeerSchema>;

export const syncStatusSchema = z.object({
  enabled: z.boolean(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  folder: z.string().nullable(),
  encrypted: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** Local changes not yet folded into this device's documents. */
  pendingChanges: z.number(),
  conflicts: z.number(),
  /** Bytes of this device's files in the folder. */
  ownBytes: z.number().nullable(),
  peers: z.array(syncPeerSchema),
  lastReport: syncReportSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const conflictValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ConflictValue = z.infer<typeof conflictValueSchema>;

export const syncConflictSchema = z.object({
  table: z.enum(['task', 'day', 'setting']),
  gid: z.string(),
  /** The task's id in this journal (the CLI's short id). */
  localId: z.number().nullable(),
  /** What the CLI and the app name it by: the task id, the date, or the setting. */
  key: z.string(),
  field: z.string(),
  /** The value every device shows (the deterministic winner). */
  value: conflictValueSchema,
  /** The other value(s) written at the same time on another device. */
  otherValues: z.array(conflictValueSchema),
  detectedAt: z.string(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const syncSetupInputSchema = z.strictObject({
  folder: z.string().trim().min(1, { error: 'is required' }).max(4096),
  deviceName: z.string().trim().min(1, { error: 'is required' }).max(100),
  passphrase: z.string().max(1024).optional(),
});

export const syncResolveInputSchema = z.strictObject({
  table: z.enum(['task', 'day', 'setting']),
  key: z.string().min(1).max(200),
  field: z.string().min(1).max(100),
  keep: conflictValueSchema,
});
