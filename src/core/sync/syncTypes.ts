/** What sync reports, as plain data (the CLI prints it as JSON; the app's IPC contract mirrors it). */

export interface SyncReport {
  /** Local changes (outbox rows) folded into this device's documents. */
  outboxFolded: number;
  /** Fields assigned in this device's documents. */
  fieldsWritten: number;
  partitionsWritten: number;
  /** Other devices' files merged (and conflict copies made by a sync tool, merged too). */
  filesMerged: number;
  conflictCopiesMerged: number;
  /** Rows the merge added to or changed in this journal. */
  inserted: number;
  updated: number;
  /** Fields in conflict after this sync. */
  conflicts: number;
  /** Files skipped (truncated, damaged, from a newer version, wrong key), retried at the next sync. */
  skipped: { file: string; reason: string }[];
  /** Rows the journal refused (a value this version does not accept). */
  refused: string[];
  durationMs: number;
}

export interface SyncPeer {
  deviceId: string;
  name: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** When the device last wrote its files, by its own clock. */
  lastSavedAt: string | null;
  problem: string | null;
}

export interface SyncStatus {
  enabled: boolean;
  deviceId: string | null;
  deviceName: string | null;
  folder: string | null;
  encrypted: boolean;
  lastSyncAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Local changes not yet folded into this device's documents. */
  pendingChanges: number;
  conflicts: number;
  /** Bytes of this device's files in the folder. */
  ownBytes: number | null;
  peers: SyncPeer[];
  lastReport: SyncReport | null;
}

export type ConflictValue = string | number | boolean | null;

export interface SyncConflict {
  table: 'task' | 'day' | 'setting';
  gid: string;
  /** The task's id in this journal (the CLI's short id). */
  localId: number | null;
  /** What the CLI and the app name it by: the task id, the date, or the setting. */
  key: string;
  field: string;
  /** The value every device shows (the deterministic winner). */
  value: ConflictValue;
  /** The other value(s) written at the same time on another device. */
  otherValues: ConflictValue[];
  detectedAt: string;
}
