import fs from 'node:fs';
import path from 'node:path';
import { JournalError } from '../errors.ts';
import { writeTransaction, type SqliteDatabase } from '../store/database.ts';
import { applyTouched, checkFoldedConflicts, readLocalRow, SYNCED_TABLES } from './applyRows.ts';
import { cryptoReady, fromBase64, newKeyDerivation, toBase64, unlockKey } from './crypto.ts';
import { A, foldChanges, genesisDoc, loadDoc, markIncomingFields, newActor, touchedObjects, DOC_FORMAT, type Collection, type Doc, type FoldEntry, type Row } from './documents.ts';
import { META_PARTITION, monthPartition, SYNCED_SETTING_KEYS, TASK_COLUMNS } from './fields.ts';
import { decodeSyncFile, describeFailure, encodeSyncFile } from './fileFormat.ts';
import {
  classifyFileName,
  DEVICE_FILE,
  deviceFolder,
  deviceInfoSchema,
  DEVICES_FOLDER,
  fileSignature,
  FOLDER_FORMAT,
  MANIFEST_NAME,
  manifestSchema,
  partitionFile,
  type Manifest,
} from './folder.ts';
import { writeFileAtomicSync } from '../files/atomicWrite.ts';
import { installSyncTriggers, queueExistingRows, TRIGGER_VERSION } from './triggers.ts';
import type { SyncConflict, SyncPeer, SyncReport, SyncStatus } from './syncTypes.ts';

export interface SyncConfig {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly folder: string;
  readonly journalId: string;
  readonly key: Uint8Array | null;
}

export interface InitOptions {
  readonly folder: string;
  readonly deviceName: string;
  readonly passphrase?: string | undefined;
}

export interface EngineOptions {
  /** The clock (tests move it to simulate a device whose clock is off). */
  readonly now?: () => number;
}

interface PeerFile {
  readonly deviceId: string;
  readonly name: string;
  readonly path: string;
  readonly partition: string;
  readonly signature: string;
  readonly conflictCopy: boolean;
}

interface OwnDoc {
  doc: Doc;
  existed: boolean;
  signature: string | null;
}

function readConfigRows(db: SqliteDatabase): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM sync_config').all() as { key: string; value: string }[];
  return new Map(rows.map((row) => [row.key, row.value]));
}

function setConfig(db: SqliteDatabase, values: Record<string, string>): void {
  const statement = db.prepare('INSERT INTO sync_config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(values)) statement.run(key, value);
}

function syncError(message: string, cause?: unknown): JournalError {
  return new JournalError('SYNC_FAILED', message, cause === undefined ? undefined : { cause });
}

function describeIoError(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return `The disk holding the sync folder is full: ${what} was not written. The journal is unchanged; sync will try again.`;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return `The sync folder is read-only here: ${what} could not be written. The journal is unchanged; sync will try again.`;
  if (code === 'ENOENT') return `The sync folder disappeared while ${what} was being written. The journal is unchanged; sync will try again.`;
  return `${what} could not be written: ${(error as Error).message}. The journal is unchanged; sync will try again.`;
}

function readManifest(folder: string): Manifest | null {
  const file = path.join(folder, MANIFEST_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw syncError(`Cannot read ${file}: ${(error as Error).message}`, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw syncError(`${file} is damaged (not JSON). Nothing was written; restore it from another device's copy of the folder.`, error);
  }
  const format = (parsed as { format?: unknown }).format;
  if (typeof format === 'number' && format > FOLDER_FORMAT) {
    throw syncError(`The sync folder was set up by a newer version of Leverage Journal (folder format ${format}, this version knows ${FOLDER_FORMAT}). Nothing was written: update to sync.`);
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw syncError(`${file} is not a Leverage Journal sync manifest. Nothing was written.`);
  return manifest.data as Manifest;
}

/**
 * Sync across devices. The journal stays one local SQLite file per device; sync keeps an Automerge
 * document per month (and one for settings) for each device in a folder the person syncs, folds the
 * local outbox into this device's documents, merges every other device's documents, and writes what
 * changed back into the tables, in one write transaction.
 */
export class SyncEngine {
  private readonly db: SqliteDatabase;
  private readonly now: () => number;
  private readonly actor = newActor();
  private readonly cache = new Map<string, OwnDoc>();

  constructor(db: SqliteDatabase, options: EngineOptions = {}) {
    this.db = db;
    this.now = options.now ?? Date.now;
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  config(): SyncConfig | null {
    const rows = readConfigRows(this.db);
    if (rows.get('enabled') !== '1') return null;
    const key = rows.get('key');
    return {
      deviceId: rows.get('deviceId') ?? '',
      deviceName: rows.get('deviceName') ?? '',
      folder: rows.get('folder') ?? '',
      journalId: rows.get('journalId') ?? '',
      key: key ? fromBase64(key) : null,
    };
  }

  private requireConfig(): SyncConfig {
    const config = this.config();
    if (!config) throw syncError('Sync is off for this journal: turn it on with `leverage sync init --folder DIR --device NAME` or in Settings → Sync.');
    return config;
  }

  /**
   * Turns sync on (or changes the device name or folder): joins the journal already in the folder,
   * or starts one there. Tasks already in this journal are kept and carried by the first sync.
   * A wrong passphrase for an encrypted folder writes nothing.
   */
  async init(options: InitOptions): Promise<SyncReport> {
    const deviceName = options.deviceName.trim();
    if (deviceName.length === 0 || deviceName.length > 100) throw new JournalError('INVALID_INPUT', 'The device name must be 1 to 100 characters.');
    if (!path.isAbsolute(options.folder)) throw new JournalError('INVALID_INPUT', `The sync folder must be an absolute path: ${options.folder}`);
    const folder = path.resolve(options.folder);
    const passphrase = options.passphrase && options.passphrase.length > 0 ? options.passphrase : null;
    await cryptoReady();
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw syncError(`Cannot create the sync folder ${folder}: ${(error as Error).message}`, error);
    }
    const existing = readManifest(folder);
    let manifest: Manifest;
    let key: Uint8Array | null = null;
    if (existing) {
      manifest = existing;
      if (existing.encryption) {
        if (!passphrase) throw syncError(`The journal in ${folder} is encrypted: give its passphrase. Nothing was written.`);
        key = unlockKey(passphrase, existing.encryption);
        if (!key) throw new JournalError('WRONG_PASSPHRASE', `Wrong passphrase for the journal in ${folder}. Nothing was written.`);
      } else if (passphrase) {
        throw syncError(`The journal in ${folder} is not encrypted, so a passphrase cannot be used with it. Nothing was written.`);
      }
    } else {
      const journalId = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
      let encryption = null;
      if (passphrase) {
        const derived = newKeyDerivation(passphrase);
        encryption = derived.derivation;
        key = derived.key;
      }
      manifest = { format: FOLDER_FORMAT, journalId, createdAt: this.isoNow(), encryption };
      try {
        writeFileAtomicSync(path.join(folder, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
      } catch (error) {
        throw syncError(describeIoError(error, 'the sync manifest'), error);
      }
    }
    writeTransaction(this.db, () => {
      const rows = readConfigRows(this.db);
      const wasOn = rows.get('enabled') === '1';
      const sameJournal = wasOn && rows.get('folder') === folder && rows.get('journalId') === manifest.journalId;
      setConfig(this.db, {
        enabled: '1',
        deviceId: rows.get('deviceId') ?? newActor(),
        deviceName,
        folder,
        journalId: manifest.journalId,
        key: key ? toBase64(key) : '',
        triggerVersion: String(TRIGGER_VERSION),
      });
      installSyncTriggers(this.db);
      if (!sameJournal) {
        // A new folder (or the first time): this device's documents there start from the genesis.
        this.db.exec('DELETE FROM sync_partitions; DELETE FROM sync_peers; DELETE FROM sync_outbox;');
        queueExistingRows(this.db);
      }
    });
    this.cache.clear();
    return this.syncNow();
  }

  /** Folds this device's changes into its documents, writes them, and merges every other device's. */
  async syncNow(): Promise<SyncReport> {
    const config = this.requireConfig();
    if (config.key) await cryptoReady();
    const started = performance.now();
    try {
      const manifest = readManifest(config.folder);
      if (!fs.existsSync(config.folder)) throw syncError(`The sync folder ${config.folder} is missing (is its drive mounted?). The journal is unchanged; sync will try again.`);
      if (!manifest) throw syncError(`The sync folder ${config.folder} has no ${MANIFEST_NAME} (is it the right folder, or still arriving?). Nothing was written.`);
      if (manifest.journalId !== config.journalId) {
        throw syncError(`The sync folder ${config.folder} now holds a different journal (${manifest.journalId}, this device joined ${config.journalId}). Nothing was written.`);
      }
      const own = deviceFolder(config.folder, config.deviceId);
      try {
        fs.mkdirSync(own, { recursive: true });
        fs.accessSync(own, fs.constants.W_OK);
      } catch (error) {
        throw syncError(describeIoError(error, "this device's folder"), error);
      }
      const report = writeTransaction(this.db, () => this.runLocked(config));
      try {
        writeFileAtomicSync(
          path.join(own, DEVICE_FILE),
          `${JSON.stringify({ format: FOLDER_FORMAT, deviceId: config.deviceId, name: config.deviceName, savedAt: this.isoNow() }, null, 2)}\n`,
        );
      } catch {
        // The device file only names the device for the others; the documents were written.
      }
      report.durationMs = performance.now() - started;
      setConfig(this.db, { lastSyncAt: this.isoNow(), lastError: '', lastReport: JSON.stringify(report) });
      return report;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      try {
        setConfig(this.db, { lastError: message, lastErrorAt: this.isoNow() });
      } catch {
        // The journal is busy or read-only; the error still reaches the caller.
      }
      if (error instanceof JournalError) throw error;
      throw syncError(message, error);
    }
  }

  private ownDoc(config: SyncConfig, partition: string): OwnDoc {
    const file = partitionFile(config.folder, config.deviceId, partition);
    let stat: fs.Stats | null;
    try {
      stat = fs.statSync(file);
    } catch {
      stat = null;
    }
    const signature = stat ? fileSignature(stat) : null;
    const cached = this.cache.get(partition);
    if (cached && cached.signature === signature) return cached;
    if (!stat) return { doc: genesisDoc(partition, this.actor), existed: false, signature: null };
    const decoded = decodeSyncFile(fs.readFileSync(file), config.deviceId, partition, config.key);
    if (decoded.ok) {
      try {
        return { doc: loadDoc(decoded.document, this.actor), existed: true, signature };
      } catch {
        // falls through: damaged
      }
    } else if (decoded.failure.kind === 'wrong-key' || decoded.failure.kind === 'encrypted-without-key' || decoded.failure.kind === 'newer-format') {
      throw syncError(`This device's own file ${file} is ${describeFailure(decoded.failure)}. Nothing was written.`);
    }
    // Damaged own file: keep it aside and rebuild this partition from the other devices and the journal.
    fs.renameSync(file, `${file}.damaged-${this.now()}`);
    return { doc: genesisDoc(partition, this.actor), existed: false, signature: null };
  }

  private peerFiles(config: SyncConfig): { files: PeerFile[]; devices: Map<string, { name: string | null; savedAt: string | null; problem: string | null }> } {
    const root = path.join(config.folder, DEVICES_FOLDER);
    const merged = new Map(
      (this.db.prepare('SELECT device_id, files FROM sync_peers').all() as { device_id: string; files: string }[]).map((row) => [
        row.device_id,
        JSON.parse(row.files) as Record<string, string>,
      ]),
    );
    const files: PeerFile[] = [];
    const devices = new Map<string, { name: string | null; savedAt: string | null; problem: string | null }>();
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(root, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || !/^[0-9a-f]{32}$/.test(entry.name)) continue;
      const deviceId = entry.name;
      const folder = path.join(root, deviceId);
      const self = deviceId === config.deviceId;
      if (!self) {
        let info = { name: null as string | null, savedAt: null as string | null, problem: null as string | null };
        try {
          const parsed = deviceInfoSchema.safeParse(JSON.parse(fs.readFileSync(path.join(folder, DEVICE_FILE), 'utf8')));
          if (parsed.success && parsed.data.format > FOLDER_FORMAT) info.problem = `written by a newer version (folder format ${parsed.data.format})`;
          else if (parsed.success) info = { name: parsed.data.name, savedAt: parsed.data.savedAt, problem: null };
        } catch {
          // No device file yet (or still arriving): its documents are still merged.
        }
        devices.set(deviceId, info);
      }
      const seen = merged.get(deviceId) ?? {};
      for (const name of fs.readdirSync(folder)) {
        const kind = classifyFileName(name);
        if (kind.kind === 'other' || (self && kind.kind === 'partition')) continue;
        const file = path.join(folder, name);
        let signature: string;
        try {
          signature = fileSignature(fs.statSync(file));
        } catch {
          continue;
        }
        if (seen[name] === signature) continue;
        files.push({ deviceId, name, path: file, partition: kind.partition, signature, conflictCopy: kind.kind === 'conflict-copy' });
      }
    }
    return { files, devices };
  }

  private outboxEntries(): { byPartition: Map<string, FoldEntry[]>; count: number } {
    const rows = this.db.prepare('SELECT tbl, key, fields FROM sync_outbox ORDER BY seq').all() as { tbl: string; key: string; fields: string }[];
    const grouped = new Map<string, { tbl: string; key: string; fields: Set<string> | null; forced: Set<string> }>();
    for (const row of rows) {
      const id = `${row.tbl}\u0000${row.key}`;
      let entry = grouped.get(id);
      if (!entry) grouped.set(id, (entry = { tbl: row.tbl, key: row.key, fields: new Set(), forced: new Set() }));
      for (const field of row.fields.split(',')) {
        if (field === '*') entry.fields = null;
        else if (field.endsWith('!')) {
          entry.forced.add(field.slice(0, -1));
          entry.fields?.add(field.slice(0, -1));
        } else if (field !== '') entry.fields?.add(field);
      }
    }
    const byPartition = new Map<string, FoldEntry[]>();
    const push = (partition: string, entry: FoldEntry) => {
      let list = byPartition.get(partition);
      if (!list) byPartition.set(partition, (list = []));
      list.push(entry);
    };
    for (const entry of grouped.values()) {
      if (entry.tbl === 'setting') {
        if (!SYNCED_SETTING_KEYS.includes(entry.key as never)) continue;
        const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(entry.key) as { value: string } | undefined;
        push(META_PARTITION, { collection: 'settings', key: entry.key, row: value ? { value: value.value } : null, fields: null, forced: entry.forced });
      } else if (entry.tbl === 'day') {
        push(monthPartition(entry.key), { collection: 'days', key: entry.key, row: readLocalRow(this.db, 'days', entry.key), fields: entry.fields, forced: entry.forced });
      } else if (entry.tbl === 'task' || entry.tbl === 'snapshot') {
        const collection = entry.tbl === 'task' ? 'tasks' : 'snapshots';
        const localId = Number(entry.key);
        const row = readLocalRow(this.db, collection, localId);
        let ids = this.db.prepare('SELECT gid, partition FROM sync_ids WHERE tbl = ? AND local_id = ?').get(entry.tbl, localId) as
          | { gid: string; partition: string }
          | undefined;
        if (!ids) {
          if (!row) continue;
          ids = { gid: newActor(), partition: monthPartition(String(row.workDate)) };
          this.db.prepare('INSERT INTO sync_ids (tbl, local_id, gid, partition) VALUES (?, ?, ?, ?)').run(entry.tbl, localId, ids.gid, ids.partition);
        }
        push(ids.partition, { collection, key: ids.gid, row, fields: entry.fields, forced: entry.forced });
      }
    }
    return { byPartition, count: rows.length };
  }

  private loadPeerFile(file: PeerFile, config: SyncConfig): { doc: Doc | null; problem: string | null } {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file.path);
    } catch (error) {
      return { doc: null, problem: `cannot be read: ${(error as Error).message}` };
    }
    const decoded = decodeSyncFile(bytes, file.deviceId, file.partition, config.key);
    if (!decoded.ok) return { doc: null, problem: describeFailure(decoded.failure) };
    let peer: Doc;
    try {
      peer = A.load(decoded.document);
    } catch (error) {
      return { doc: null, problem: `damaged Automerge data (${(error as Error).message})` };
    }
    if (typeof peer.format === 'number' && peer.format > DOC_FORMAT) {
      return { doc: null, problem: `written by a newer version of Leverage Journal (document format ${peer.format}): update to merge it` };
    }
    if (peer.partition !== file.partition) return { doc: null, problem: `holds partition ${String(peer.partition)}, not ${file.partition}` };
    return { doc: peer, problem: null };
  }

  private runLocked(config: SyncConfig): SyncReport {
    const rows = readConfigRows(this.db);
    if (rows.get('triggerVersion') !== String(TRIGGER_VERSION)) {
      installSyncTriggers(this.db);
      setConfig(this.db, { triggerVersion: String(TRIGGER_VERSION) });
    }
    const now = this.isoNow();
    const report: SyncReport = {
      outboxFolded: 0,
      fieldsWritten: 0,
      partitionsWritten: 0,
      filesMerged: 0,
      conflictCopiesMerged: 0,
      inserted: 0,
      updated: 0,
      conflicts: 0,
      skipped: [],
      refused: [],
      durationMs: 0,
    };
    const { files, devices } = this.peerFiles(config);
    const { byPartition, count } = this.outboxEntries();
    report.outboxFolded = count;
    const filesByPartition = new Map<string, PeerFile[]>();
    for (const file of files) {
      let list = filesByPartition.get(file.partition);
      if (!list) filesByPartition.set(file.partition, (list = []));
      list.push(file);
    }
    const partitions = new Set([...byPartition.keys(), ...filesByPartition.keys()]);
    const appliedStatement = this.db.prepare('SELECT applied_heads FROM sync_partitions WHERE partition = ?');
    const mergedFiles: PeerFile[] = [];
    const problems = new Map<string, string>();
    const saved: { partition: string; own: OwnDoc }[] = [];
    for (const partition of [...partitions].sort()) {
      const own = this.ownDoc(config, partition);
      const loadedHeads = A.getHeads(own.doc);
      const peers: Doc[] = [];
      for (const file of filesByPartition.get(partition) ?? []) {
        const result = this.loadPeerFile(file, config);
        if (result.doc) {
          peers.push(result.doc);
          mergedFiles.push(file);
          report.filesMerged += 1;
          if (file.conflictCopy) report.conflictCopiesMerged += 1;
        } else {
          report.skipped.push({ file: path.relative(config.folder, file.path), reason: result.problem ?? 'unreadable' });
          problems.set(file.deviceId, `${file.name}: ${result.problem ?? 'unreadable'}`);
        }
      }
      // Local changes go in before the others' (so a field also changed elsewhere is a visible conflict,
      // and text typed on two devices merges), except a row this device's document lacks but another
      // device's has (this device's file was lost): it is folded after the merge, never created twice.
      const entries = byPartition.get(partition) ?? [];
      const late = entries.filter(
        (entry) => entry.collection !== 'days' && entry.collection !== 'settings' && !own.doc[entry.collection][entry.key] && peers.some((peer) => peer[entry.collection][entry.key]),
      );
      const early = entries.filter((entry) => !late.includes(entry));
      let folded = foldChanges(own.doc, early, this.now());
      let doc = folded.doc;
      const foldedHeads = A.getHeads(doc);
      report.fieldsWritten += folded.assigned;
      const beforeMerge = A.getHeads(doc);
      for (const peer of peers) doc = A.merge(doc, peer);
      const merged = A.getHeads(doc).join() !== beforeMerge.join();
      folded = foldChanges(doc, late, this.now());
      doc = folded.doc;
      report.fieldsWritten += folded.assigned;
      const heads = A.getHeads(doc);
      const changed = heads.join() !== loadedHeads.join() || !own.existed;
      const next: OwnDoc = { doc, existed: true, signature: own.signature };
      if (changed) {
        const file = partitionFile(config.folder, config.deviceId, partition);
        try {
          writeFileAtomicSync(file, encodeSyncFile(A.save(doc), config.deviceId, partition, config.key));
        } catch (error) {
          throw syncError(describeIoError(error, `this device's ${partition} document`), error);
        }
        next.signature = fileSignature(fs.statSync(file));
        report.partitionsWritten += 1;
      }
      saved.push({ partition, own: next });
      if (peers.length > 0 || own.existed) {
        for (const entry of early) {
          if (own.doc[entry.collection][entry.key] || entry.collection === 'settings') checkFoldedConflicts(this.db, doc, entry.collection, entry.key, entry.fields, now);
        }
      }
      const applied = appliedStatement.get(partition) as { applied_heads: string } | undefined;
      const appliedHeads = applied ? (JSON.parse(applied.applied_heads) as string[]) : null;
      if (appliedHeads?.join() !== heads.join()) {
        // When the tables already showed this document before this sync, only what the merge brought
        // needs applying (the folded changes came from the tables); otherwise all since the last apply.
        const current = appliedHeads ? appliedHeads.join() === loadedHeads.join() : !own.existed;
        const from = current ? foldedHeads : appliedHeads;
        const touched = touchedObjects(doc, from);
        if (merged) markIncomingFields(doc, beforeMerge, touched);
        const counts = applyTouched(this.db, doc, partition, touched, now);
        report.inserted += counts.inserted;
        report.updated += counts.updated;
        report.conflicts += counts.conflicts;
        report.refused.push(...counts.refused);
        this.db
          .prepare('INSERT INTO sync_partitions (partition, applied_heads) VALUES (?, ?) ON CONFLICT (partition) DO UPDATE SET applied_heads = excluded.applied_heads')
          .run(partition, JSON.stringify(heads));
      }
    }
    // Everything in the outbox is folded now (rows the merge itself wrote queued themselves too).
    this.db.prepare('DELETE FROM sync_outbox').run();
    this.recordPeers(config, devices, mergedFiles, problems, now);
    for (const { partition, own } of saved) this.cache.set(partition, own);
    return report;
  }

  private recordPeers(
    config: SyncConfig,
    devices: Map<string, { name: string | null; savedAt: string | null; problem: string | null }>,
    mergedFiles: readonly PeerFile[],
    problems: Map<string, string>,
    now: string,
  ): void {
    const read = this.db.prepare('SELECT files FROM sync_peers WHERE device_id = ?');
    const upsert = this.db.prepare(
      `INSERT INTO sync_peers (device_id, name, first_seen_at, last_seen_at, last_saved_at, files, problem) VALUES (@id, @name, @now, @now, @savedAt, @files, @problem)
       ON CONFLICT (device_id) DO UPDATE SET name = coalesce(excluded.name, sync_peers.name), last_seen_at = excluded.last_seen_at,
         last_saved_at = coalesce(excluded.last_saved_at, sync_peers.last_saved_at), files = excluded.files, problem = excluded.problem`,
    );
    const ids = new Set([...devices.keys(), ...mergedFiles.map((file) => file.deviceId)]);
    for (const id of ids) {
      const files = JSON.parse((read.get(id) as { files: string } | undefined)?.files ?? '{}') as Record<string, string>;
      for (const file of mergedFiles) if (file.deviceId === id) files[file.name] = file.signature;
      const info = devices.get(id);
      if (id === config.deviceId && !info) {
        // This device's own conflict copies: remember them so they are merged once.
        this.db
          .prepare(
            `INSERT INTO sync_peers (device_id, name, first_seen_at, last_seen_at, files) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (device_id) DO UPDATE SET files = excluded.files`,
          )
          .run(id, config.deviceName, now, now, JSON.stringify(files));
        continue;
      }
      upsert.run({ id, name: info?.name ?? null, now, savedAt: info?.savedAt ?? null, files: JSON.stringify(files), problem: problems.get(id) ?? info?.problem ?? null });
    }
  }

  status(): SyncStatus {
    const rows = readConfigRows(this.db);
    const enabled = rows.get('enabled') === '1';
    const deviceId = rows.get('deviceId') ?? null;
    const peers = (
      this.db.prepare('SELECT device_id, name, first_seen_at, last_seen_at, last_saved_at, problem FROM sync_peers WHERE device_id IS NOT ? ORDER BY name').all(deviceId) as {
        device_id: string;
        name: string | null;
        first_seen_at: string;
        last_seen_at: string;
        last_saved_at: string | null;
        problem: string | null;
      }[]
    ).map(
      (row): SyncPeer => ({
        deviceId: row.device_id,
        name: row.name,
        firstSeenAt: row.first_seen_at,
        lastSeenAt: row.last_seen_at,
        lastSavedAt: row.last_saved_at,
        problem: row.problem,
      }),
    );
    const pending = (this.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
    const conflicts = (this.db.prepare('SELECT count(*) AS n FROM sync_conflicts').get() as { n: number }).n;
    let ownBytes: number | null = null;
    const folder = rows.get('folder') ?? null;
    if (enabled && folder && deviceId) {
      try {
        const own = deviceFolder(folder, deviceId);
        ownBytes = fs.readdirSync(own).reduce((sum, name) => sum + fs.statSync(path.join(own, name)).size, 0);
      } catch {
        ownBytes = null;
      }
    }
    const lastReport = rows.get('lastReport');
    return {
      enabled,
      deviceId: enabled ? deviceId : null,
      deviceName: enabled ? (rows.get('deviceName') ?? null) : null,
      folder: enabled ? folder : null,
      encrypted: enabled && (rows.get('key') ?? '') !== '',
      lastSyncAt: rows.get('lastSyncAt') ?? null,
      lastError: rows.get('lastError') || null,
      lastErrorAt: rows.get('lastErrorAt') ?? null,
      pendingChanges: pending,
      conflicts,
      ownBytes,
      peers,
      lastReport: lastReport ? (JSON.parse(lastReport) as SyncReport) : null,
    };
  }

  conflicts(): SyncConflict[] {
    const rows = this.db
      .prepare(
        `SELECT c.tbl, c.gid, c.field, c.winner, c.others, c.detected_at, i.local_id
         FROM sync_conflicts c LEFT JOIN sync_ids i ON i.gid = c.gid AND i.tbl = c.tbl ORDER BY c.detected_at, c.gid, c.field`,
      )
      .all() as { tbl: string; gid: string; field: string; winner: string; others: string; detected_at: string; local_id: number | null }[];
    return rows.map((row) => ({
      table: row.tbl as SyncConflict['table'],
      gid: row.gid,
      localId: row.tbl === 'task' ? row.local_id : null,
      key: row.tbl === 'task' ? String(row.local_id ?? row.gid) : row.gid,
      field: row.field,
      value: JSON.parse(row.winner) as SyncConflict['value'],
      otherValues: JSON.parse(row.others) as SyncConflict['otherValues'],
      detectedAt: row.detected_at,
    }));
  }

  /**
   * The person keeps one value of a conflict: it is written to the journal and, at the next sync, to
   * every device (an assignment that has seen both values, so the conflict ends everywhere).
   */
  resolve(table: SyncConflict['table'], key: string, field: string, keep: SyncConflict['value']): void {
    writeTransaction(this.db, () => {
      const conflict = this.conflicts().find((entry) => entry.table === table && entry.key === key && entry.field === field);
      if (!conflict) throw new JournalError('NOT_FOUND', `There is no sync conflict on ${table} ${key} ${field}.`);
      const choices = [conflict.value, ...conflict.otherValues];
      if (!choices.some((choice) => choice === keep)) {
        throw new JournalError('INVALID_INPUT', `Keep one of the conflict's values: ${choices.map((choice) => JSON.stringify(choice)).join(', ')}.`);
      }
      if (table === 'task') {
        const column = TASK_COLUMNS.find((entry) => entry.field === field);
        if (!column || conflict.localId === null) throw new JournalError('NOT_FOUND', `Task ${key} has no field ${field}.`);
        this.db.prepare(`UPDATE tasks SET ${column.column} = ?, updated_at = ? WHERE id = ?`).run(keep, this.isoNow(), conflict.localId);
        this.db.prepare('INSERT INTO sync_outbox (tbl, key, fields) VALUES (?, ?, ?)').run('task', String(conflict.localId), `${field}!`);
      } else if (table === 'day') {
        const column = field === 'publicationDate' ? 'publication_date' : 'day_tokens';
        this.db.prepare(`UPDATE days SET ${column} = ?, updated_at = ? WHERE work_date = ?`).run(keep, this.isoNow(), conflict.gid);
        this.db.prepare('INSERT INTO sync_outbox (tbl, key, fields) VALUES (?, ?, ?)').run('day', conflict.gid, `${field}!`);
      } else {
        this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(conflict.gid, keep);
        this.db.prepare('INSERT INTO sync_outbox (tbl, key, fields) VALUES (?, ?, ?)').run('setting', conflict.gid, 'value!');
      }
      this.db.prepare('DELETE FROM sync_conflicts WHERE tbl = ? AND gid = ? AND field = ?').run(table, conflict.gid, field);
    });
  }
}

export type { Collection, Row };
export { SYNCED_TABLES };
