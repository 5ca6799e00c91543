import type { EditConflict } from '../../shared/domain/editConflict.ts';
import { JournalError } from '../errors.ts';
import type { SqliteDatabase } from './database.ts';

interface ConflictRow {
  id: number;
  entity: 'day';
  entity_key: string;
  field: string;
  base: string;
  local: string;
  remote: string;
  created_at: string;
  resolved_at: string | null;
}

const COLUMNS = 'id, entity, entity_key, field, base, local, remote, created_at, resolved_at';

function toConflict(row: ConflictRow): EditConflict {
  return { id: row.id, entity: row.entity, key: row.entity_key, field: row.field, base: row.base, local: row.local, remote: row.remote, createdAt: row.created_at, resolvedAt: row.resolved_at };
}

/** Conflict records: a field changed in two places, both versions kept until the person chooses. */
export class EditConflictStore {
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
  }

  /** Records a conflict; call inside the transaction that saved `local` over `remote`. */
  record(conflict: Pick<EditConflict, 'entity' | 'key' | 'field' | 'base' | 'local' | 'remote'>): EditConflict {
    const createdAt = new Date().toISOString();
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO edit_conflicts (entity, entity_key, field, base, local, remote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(conflict.entity, conflict.key, conflict.field, conflict.base, conflict.local, conflict.remote, createdAt);
    return { ...conflict, id: Number(lastInsertRowid), createdAt, resolvedAt: null };
  }

  /** The conflicts not yet resolved, oldest first (of one record when `key` is given). */
  open(entity: EditConflict['entity'], key?: string): EditConflict[] {
    const rows = (
      key === undefined
        ? this.db.prepare(`SELECT ${COLUMNS} FROM edit_conflicts WHERE entity = ? AND resolved_at IS NULL ORDER BY id`).all(entity)
        : this.db.prepare(`SELECT ${COLUMNS} FROM edit_conflicts WHERE entity = ? AND entity_key = ? AND resolved_at IS NULL ORDER BY id`).all(entity, key)
    ) as ConflictRow[];
    return rows.map(toConflict);
  }

  get(id: number): EditConflict {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM edit_conflicts WHERE id = ?`).get(id) as ConflictRow | undefined;
    if (!row) throw new JournalError('NOT_FOUND', `There is no conflict record ${id}.`);
    return toConflict(row);
  }

  markResolved(id: number): void {
    this.db.prepare('UPDATE edit_conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run(new Date().toISOString(), id);
  }
}
