import * as A from '@automerge/automerge';
import { DAY_COLUMNS, META_PARTITION, SNAPSHOT_COLUMNS, TASK_COLUMNS, type SyncedColumn } from './fields.ts';

/**
 * The Automerge documents: one per month (that month's tasks, days and published snapshots, by the
 * work date a row had when it was created) and one for settings. Every device starts each document
 * from the same genesis change (a fixed actor, time and content, so it has the same hash everywhere):
 * two devices that each made their own empty root would each have their own `tasks` map, and a merge
 * would show only one of them. Days are created in the genesis too, so two devices writing the same
 * day's intro merge the text instead of replacing each other's day object.
 */

export type Scalar = string | number | boolean | null;
export type Row = Record<string, Scalar>;

export interface PartitionDoc {
  format: number;
  partition: string;
  tasks: Record<string, Record<string, unknown>>;
  days: Record<string, Record<string, unknown>>;
  snapshots: Record<string, Record<string, unknown>>;
  settings: Record<string, unknown>;
}

export type Doc = A.Doc<PartitionDoc>;
export const DOC_FORMAT = 1;
const GENESIS_ACTOR = '00000000000000000000000000000000';

export type Collection = 'tasks' | 'days' | 'snapshots' | 'settings';

export const COLLECTION_COLUMNS: Record<Exclude<Collection, 'settings'>, readonly SyncedColumn[]> = {
  tasks: TASK_COLUMNS,
  days: DAY_COLUMNS,
  snapshots: SNAPSHOT_COLUMNS,
};

function daysOfMonth(partition: string): string[] {
  const [year, month] = partition.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => `${partition}-${String(index + 1).padStart(2, '0')}`);
}

function emptyDay(): Record<string, unknown> {
  return { intro: '', analysis: '', publicationDate: null, dayTokens: null };
}

const genesisCache = new Map<string, Uint8Array>();

/** The saved bytes of a partition's genesis document: identical on every device. */
export function genesisBytes(partition: string): Uint8Array {
  let bytes = genesisCache.get(partition);
  if (!bytes) {
    const genesis = A.change(A.init<PartitionDoc>({ actor: GENESIS_ACTOR }), { time: 0, message: `genesis ${partition}` }, (doc) => {
      doc.format = DOC_FORMAT;
      doc.partition = partition;
      doc.tasks = {};
      doc.snapshots = {};
      doc.settings = {};
      doc.days = {};
      if (partition !== META_PARTITION) for (const day of daysOfMonth(partition)) doc.days[day] = emptyDay();
    });
    bytes = A.save(genesis);
    genesisCache.set(partition, bytes);
  }
  return bytes;
}

export function newActor(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
}

export function loadDoc(bytes: Uint8Array, actor: string): Doc {
  return A.load<PartitionDoc>(bytes, { actor });
}

export function genesisDoc(partition: string, actor: string): Doc {
  return loadDoc(genesisBytes(partition), actor);
}

/** A document value as a plain scalar (scalar strings are stored as ImmutableString). */
export function plain(value: unknown): Scalar {
  if (value === undefined) return null;
  if (A.isImmutableString(value)) return (value as A.ImmutableString).val;
  return value as Scalar;
}

function stored(value: Scalar): unknown {
  return typeof value === 'string' ? new A.ImmutableString(value) : value;
}

/** The other values of a field changed concurrently on two devices (none when there is no conflict). */
export function conflictValues(object: unknown, field: string): Scalar[] {
  if (!object) return [];
  const conflicts = A.getConflicts(object as A.Doc<Record<string, unknown>>, field);
  if (!conflicts) return [];
  return Object.values(conflicts).map((value) => plain(value));
}

export interface FoldEntry {
  readonly collection: Collection;
  readonly key: string;
  /** The row now (null when it was removed). */
  readonly row: Row | null;
  /** The fields changed locally; null for the whole row. */
  readonly fields: ReadonlySet<string> | null;
  /** Fields to assign even when the value is one of a conflict's values (the person kept that value). */
  readonly forced: ReadonlySet<string>;
}

/**
 * Puts local changes into the document, one Automerge change per sync. A field is assigned only when
 * its value differs from the document's (and is not one of a conflict's values, unless the person
 * chose it), so folding the same change twice (after a crash) adds nothing.
 */
export function foldChanges(doc: Doc, entries: readonly FoldEntry[], time: number): { doc: Doc; assigned: number } {
  let assigned = 0;
  const plans: { entry: FoldEntry; create: boolean; fields: SyncedColumn[] }[] = [];
  for (const entry of entries) {
    if (entry.collection === 'settings') {
      const value = entry.row?.value ?? null;
      const current = plain(doc.settings[entry.key]);
      const forced = entry.forced.has('value');
      if (value !== null && (forced || (current !== value && !conflictValues(doc.settings, entry.key).includes(value)))) {
        plans.push({ entry, create: false, fields: [{ column: 'value', field: 'value', kind: 'scalar' }] });
      }
      continue;
    }
    const columns = COLLECTION_COLUMNS[entry.collection];
    const existing = doc[entry.collection][entry.key];
    if (!existing) {
      if (entry.row) plans.push({ entry, create: true, fields: [...columns] });
      continue;
    }
    if (entry.collection === 'snapshots') continue; // immutable once written
    const fields = columns.filter((column) => {
      if (entry.fields && !entry.fields.has(column.field)) return false;
      const value = entry.row ? (entry.row[column.field] ?? null) : column.field === 'deletedAt' ? new Date(time).toISOString() : undefined;
      if (value === undefined) return false;
      if (column.field === 'deletedAt' && !entry.row && plain(existing.deletedAt) !== null) return false;
      if (entry.forced.has(column.field)) return true;
      if (plain(existing[column.field]) === value) return false;
      return column.kind === 'text' || !conflictValues(existing, column.field).includes(value);
    });
    if (fields.length > 0) plans.push({ entry, create: false, fields });
  }
  if (plans.length === 0) return { doc, assigned };
  const next = A.change(doc, { time: Math.floor(time / 1000) }, (draft) => {
    for (const { entry, create, fields } of plans) {
      if (entry.collection === 'settings') {
        draft.settings[entry.key] = stored(entry.row?.value ?? null);
        assigned += 1;
        continue;
      }
      const collection = draft[entry.collection];
      if (create) {
        const object: Record<string, unknown> = {};
        for (const column of fields) {
          const value = entry.row?.[column.field] ?? null;
          object[column.field] = column.kind === 'text' ? String(value ?? '') : stored(value);
        }
        collection[entry.key] = object;
        assigned += fields.length;
        continue;
      }
      const target = collection[entry.key] as Record<string, unknown>;
      for (const column of fields) {
        const value = entry.row ? (entry.row[column.field] ?? null) : new Date(time).toISOString();
        if (column.kind === 'text') A.updateText(draft, [entry.collection, entry.key, column.field], String(value ?? ''));
        else target[column.field] = stored(value);
        assigned += 1;
      }
    }
  });
  return { doc: next, assigned };
}

/** The objects a change between two sets of heads touched (key → the fields the change left in conflict). */
export type Touched = Map<Collection, Map<string, Set<string>>>;

export function touchedObjects(doc: Doc, fromHeads: readonly string[] | null): Touched {
  const touched: Touched = new Map();
  const heads = A.getHeads(doc);
  const before = fromHeads && fromHeads.every((head) => A.hasHeads(doc, [head])) ? [...fromHeads] : [];
  for (const patch of A.diff(doc, before, heads)) {
    const [collection, key, field] = patch.path;
    if (typeof collection !== 'string' || typeof key !== 'string') continue;
    if (collection !== 'tasks' && collection !== 'days' && collection !== 'snapshots' && collection !== 'settings') continue;
    let keys = touched.get(collection);
    if (!keys) touched.set(collection, (keys = new Map()));
    let conflicted = keys.get(key);
    if (!conflicted) keys.set(key, (conflicted = new Set()));
    const inConflict = (patch as { conflict?: boolean }).conflict === true;
    if (inConflict && collection === 'settings') conflicted.add(key);
    else if (inConflict && typeof field === 'string' && patch.path.length === 3) conflicted.add(field);
  }
  return touched;
}

/**
 * Marks the fields that changes merged since `beforeHeads` wrote, so each is checked for a conflict:
 * when this device's value wins, the merge changes nothing visible here and the diff shows no patch.
 */
export function markIncomingFields(doc: Doc, beforeHeads: readonly string[], touched: Touched): void {
  const fieldsByObject = new Map<string, Set<string>>();
  for (const change of A.getChangesSince(doc, [...beforeHeads])) {
    for (const op of A.decodeChange(change).ops) {
      if (op.obj === '_root' || typeof op.key !== 'string') continue;
      let fields = fieldsByObject.get(op.obj);
      if (!fields) fieldsByObject.set(op.obj, (fields = new Set()));
      fields.add(op.key);
    }
  }
  if (fieldsByObject.size === 0) return;
  const mark = (collection: Collection, key: string, fields: Iterable<string>) => {
    let keys = touched.get(collection);
    if (!keys) touched.set(collection, (keys = new Map()));
    let flagged = keys.get(key);
    if (!flagged) keys.set(key, (flagged = new Set()));
    for (const field of fields) flagged.add(field);
  };
  for (const collection of ['tasks', 'days'] as const) {
    const scalar = new Set(COLLECTION_COLUMNS[collection].filter((column) => column.kind === 'scalar').map((column) => column.field));
    for (const key of Object.keys(doc[collection])) {
      const id = A.getObjectId(doc[collection], key);
      const fields = id ? fieldsByObject.get(id) : undefined;
      if (fields) mark(collection, key, [...fields].filter((field) => scalar.has(field)));
    }
  }
  const settingsId = A.getObjectId(doc, 'settings');
  for (const key of (settingsId ? fieldsByObject.get(settingsId) : undefined) ?? []) mark('settings', key, [key]);
}

/** A synced object as a plain row of its fields. */
export function objectRow(object: Record<string, unknown>, columns: readonly SyncedColumn[]): Row {
  const row: Row = {};
  for (const column of columns) row[column.field] = column.kind === 'text' ? String(object[column.field] ?? '') : plain(object[column.field]);
  return row;
}

export { A };
