import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Task } from '../../../shared/domain/task.ts';
import { TASK_SORT_KEYS } from '../../../shared/ipc/contract.ts';
import { taskLeverage } from '../../../shared/metrics/summary.ts';
import { formatHours, formatMinutes } from '../../../shared/units/duration.ts';
import { formatFactor } from '../../../shared/units/factor.ts';
import { formatTokens } from '../../../shared/units/tokens.ts';
import { cellEditText, cellPatch, EDITABLE_COLUMNS, type EditableColumn } from '../lib/taskDraft.ts';
import { deleteTasks, undoDelete, updateTask, plural } from '../lib/mutations.ts';
import { usePagedTasks, type TaskQuery } from '../lib/usePagedTasks.ts';
import { useAppStore } from '../stores/appStore.ts';
import { useSettingsStore } from '../stores/settingsStore.ts';
import './TaskGrid.css';

export const ROW_HEIGHT = 36;
type SortKey = (typeof TASK_SORT_KEYS)[number];

const column = createColumnHelper<Task>();

interface TaskGridProps {
  /** Filters (sorting is the grid's own). */
  filter: Omit<TaskQuery, 'sort' | 'direction'>;
  label: string;
  /** Height of the scrolling body in pixels (the grid virtualizes inside it). */
  height?: number | string;
  emptyText: string;
  hideDate?: boolean;
  initialSort?: SortingState;
}

interface Editing {
  id: number;
  column: EditableColumn;
  text: string;
  error: string | null;
}

/**
 * Tasks in a keyboard-driven grid: sorting and filtering run in SQLite (queryTasks), rows are virtualized
 * and paged, cells edit inline with validation, selected rows delete with undo.
 */
export function TaskGrid({ filter, label, height = '100%', emptyText, hideDate = false, initialSort }: TaskGridProps) {
  const dataVersion = useAppStore((state) => state.dataVersion);
  const factorFormat = useSettingsStore((state) => state.settings.factorFormat);
  const agentLabel = useSettingsStore((state) => state.settings.agentLabel);
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? [{ id: 'workDate', desc: true }]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [active, setActive] = useState({ row: 0, col: 1 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [visible, setVisible] = useState({ start: 0, end: 60 });
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const gridId = useRef(`grid-${Math.random().toString(36).slice(2, 8)}`).current;

  const sort = sorting[0];
  const query: TaskQuery = useMemo(
    () => ({ ...filter, sort: (sort?.id ?? 'workDate') as SortKey, direction: sort?.desc === false ? 'asc' : 'desc' }),
    [filter, sort],
  );
  const { total, rows, rowAt } = usePagedTasks(query, dataVersion, visible);
  const queryKey = JSON.stringify(query);
  const [shownQuery, setShownQuery] = useState(queryKey);
  if (shownQuery !== queryKey) {
    // A new sort or filter starts at the top, with nothing selected.
    setShownQuery(queryKey);
    setActive((previous) => ({ row: 0, col: previous.col }));
    setRowSelection({});
  }
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);
  const rowCount = total ?? 0;

  const columns = useMemo(
    () => [
      column.display({
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select all loaded rows"
            checked={table.getIsAllRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
            tabIndex={-1}
          />
        ),
        cell: ({ row }) => (
          <input type="checkbox" aria-label={`Select “${row.original.title}”`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} tabIndex={-1} />
        ),
        meta: { width: '36px' },
      }),
      ...(hideDate ? [] : [column.accessor('workDate', { header: 'Date', meta: { width: '104px' } })]),
      column.accessor('title', { header: 'Task', meta: { width: 'minmax(200px, 1fr)' } }),
      column.accessor('workstream', { header: 'Workstream', cell: (info) => info.getValue() ?? '', meta: { width: '116px' } }),
      column.accessor('humanSeconds', { header: 'Human', cell: (info) => formatHours(info.getValue()), meta: { width: '80px', numeric: true } }),
      column.accessor('agentSeconds', { header: agentLabel, cell: (info) => formatMinutes(info.getValue()), meta: { width: '84px', numeric: true } }),
      column.accessor('supervisionSeconds', {
        header: 'Supervision',
        cell: (info) => (info.getValue() === null ? '' : formatMinutes(info.getValue() as number)),
        meta: { width: '108px', numeric: true },
      }),
      column.accessor('tokens', { header: 'Tokens', cell: (info) => formatTokens(info.getValue()), meta: { width: '76px', numeric: true } }),
      column.accessor((task) => taskLeverage(task), {
        id: 'leverage',
        header: 'Factor',
        cell: (info) => formatFactor(info.getValue(), factorFormat),
        meta: { width: '72px', numeric: true },
      }),
      column.accessor('model', { header: 'Model', cell: (info) => info.getValue() ?? '', meta: { width: '100px' } }),
    ],
    [factorFormat, agentLabel, hideDate],
  );

  // TanStack Table is not memoizable by the React Compiler; this component simply opts out of it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, rowSelection },
    getRowId: (task) => String(task.id),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    getCoreRowModel: getCoreRowModel(),
  });

  const leafColumns = table.getVisibleLeafColumns();
  const template = leafColumns.map((col) => (col.columnDef.meta as { width: string }).width).join(' ');

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      const start = items[0]?.index ?? 0;
      const end = items[items.length - 1]?.index ?? 0;
      setVisible((previous) => (previous.start === start && previous.end === end ? previous : { start, end }));
    },
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]).map(Number);
  const activeTask = rowAt(active.row);
  const activeColumn = leafColumns[active.col];

  function moveTo(row: number, col: number) {
    const nextRow = Math.min(Math.max(row, 0), Math.max(rowCount - 1, 0));
    const nextCol = Math.min(Math.max(col, 0), leafColumns.length - 1);
    setActive({ row: nextRow, col: nextCol });
    virtualizer.scrollToIndex(nextRow, { align: 'auto' });
  }

  function startEdit(task: Task | undefined, columnId: string | undefined) {
    if (!task || !columnId || !(EDITABLE_COLUMNS as readonly string[]).includes(columnId)) return;
    const col = columnId as EditableColumn;
    setEditing({ id: task.id, column: col, text: cellEditText(task, col), error: null });
  }

  async function commitEdit(move?: { row: number; col: number }) {
    if (!editing) return;
    const task = rows.find((candidate) => candidate.id === editing.id);
    if (task && editing.text === cellEditText(task, editing.column)) {
      setEditing(null);
    } else {
      const parsed = cellPatch(editing.column, editing.text);
      if (!parsed.ok) {
        setEditing({ ...editing, error: parsed.error });
        return;
      }
      const saved = await updateTask(editing.id, parsed.patch);
      if (!saved) return;
      setEditing(null);
    }
    if (move) moveTo(move.row, move.col);
    gridRef.current?.focus();
  }

  async function removeSelected() {
    const ids = selectedIds.length > 0 ? selectedIds : activeTask ? [activeTask.id] : [];
    const deleted = await deleteTasks(ids);
    if (deleted.length > 0) setRowSelection({});
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing) return;
    const page = Math.max(Math.floor((scrollRef.current?.clientHeight ?? 360) / ROW_HEIGHT) - 1, 1);
    const key = event.key;
    const mod = event.ctrlKey || event.metaKey;
    let handled = true;
    if (key === 'ArrowDown') moveTo(active.row + 1, active.col);
    else if (key === 'ArrowUp') moveTo(active.row - 1, active.col);
    else if (key === 'ArrowRight') moveTo(active.row, active.col + 1);
    else if (key === 'ArrowLeft') moveTo(active.row, active.col - 1);
    else if (key === 'PageDown') moveTo(active.row + page, active.col);
    else if (key === 'PageUp') moveTo(active.row - page, active.col);
    else if (key === 'Home') moveTo(mod ? 0 : active.row, mod ? active.col : 0);
    else if (key === 'End') moveTo(mod ? rowCount - 1 : active.row, mod ? active.col : leafColumns.length - 1);
    else if (key === 'Enter' || key === 'F2') startEdit(activeTask, activeColumn?.id);
    else if (key === ' ' && activeTask) table.getRow(String(activeTask.id), true)?.toggleSelected();
    else if (key === 'Delete' || (key === 'Backspace' && mod)) void removeSelected();
    else if (mod && key.toLowerCase() === 'a') table.toggleAllRowsSelected(true);
    else if (mod && key.toLowerCase() === 'z') void undoDelete();
    else if (key === 'Escape' && selectedIds.length > 0) setRowSelection({});
    else handled = false;
    if (handled) event.preventDefault();
  }

  const cellId = (row: number, col: number) => `${gridId}-r${row}-c${col}`;

  return (
    <div className="grid-wrap">
      <div className="grid-toolbar" aria-live="polite">
        <span className="muted">{total === null ? 'Loading…' : plural(total, 'task')}</span>
        {selectedIds.length > 0 && (
          <>
            <span className="muted">· {selectedIds.length} selected</span>
            <button type="button" className="button danger small" onClick={() => void removeSelected()}>
              Delete selected
            </button>
          </>
        )}
      </div>
      <div
        ref={gridRef}
        className="grid"
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={leafColumns.length}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={rowCount > 0 ? cellId(active.row, active.col) : undefined}
        onKeyDown={onGridKeyDown}
      >
        <div role="rowgroup" className="grid-head">
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} className="grid-row" style={{ gridTemplateColumns: template }} key={group.id}>
              {group.headers.map((header) => {
                const sortable = (TASK_SORT_KEYS as readonly string[]).includes(header.column.id);
                const direction = header.column.getIsSorted();
                const numeric = (header.column.columnDef.meta as { numeric?: boolean }).numeric;
                return (
                  <div
                    role="columnheader"
                    key={header.id}
                    className={`grid-cell head${numeric ? ' num' : ''}`}
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : sortable ? 'none' : undefined}
                  >
                    {sortable ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} title={`Sort by ${String(header.column.columnDef.header)}`}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="sort-mark">
                          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div ref={scrollRef} className="grid-body" style={{ height }} role="rowgroup">
          {total === 0 && <div className="empty">{emptyText}</div>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const task = rowAt(item.index);
              const row = task ? table.getRowModel().rowsById[String(task.id)] : undefined;
              const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template };
              if (!task || !row) {
                return (
                  <div role="row" aria-rowindex={item.index + 2} key={`loading-${item.index}`} className="grid-row body loading" style={style}>
                    <div role="gridcell" className="grid-cell muted">
                      …
                    </div>
                  </div>
                );
              }
              return (
                <div
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={row.getIsSelected()}
                  key={task.id}
                  data-task-id={task.id}
                  className={`grid-row body${row.getIsSelected() ? ' selected' : ''}`}
                  style={style}
                >
                  {row.getVisibleCells().map((cell, colIndex) => {
                    const isActive = active.row === item.index && active.col === colIndex;
                    const isEditing = editing?.id === task.id && editing.column === cell.column.id;
                    const numeric = (cell.column.columnDef.meta as { numeric?: boolean }).numeric;
                    return (
                      <div
                        role="gridcell"
                        id={cellId(item.index, colIndex)}
                        key={cell.id}
                        data-column={cell.column.id}
                        className={`grid-cell${numeric ? ' num' : ''}${isActive ? ' active' : ''}${isEditing ? ' editing' : ''}`}
                        onClick={() => setActive({ row: item.index, col: colIndex })}
                        onDoubleClick={() => startEdit(task, cell.column.id)}
                        title={cell.column.id === 'title' ? task.title : undefined}
                      >
                        {isEditing && editing ? (
                          <CellEditor
                            label={`Edit ${String(cell.column.columnDef.header)}`}
                            editing={editing}
                            onChange={(text) => setEditing({ ...editing, text, error: null })}
                            onCancel={() => {
                              setEditing(null);
                              gridRef.current?.focus();
                            }}
                            onCommit={(direction) =>
                              void commitEdit(
                                direction === 'down' ? { row: item.index + 1, col: colIndex } : direction === 'right' ? { row: item.index, col: colIndex + 1 } : undefined,
                              )
                            }
                          />
                        ) : (
                          <span className="cell-text">{flexRender(cell.column.columnDef.cell, cell.getContext())}</span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function CellEditor({
  label,
  editing,
  onChange,
  onCancel,
  onCommit,
}: {
  label: string;
  editing: Editing;
  onChange: (text: string) => void;
  onCancel: () => void;
  onCommit: (direction?: 'down' | 'right') => void;
}) {
  return (
    <span className="cell-editor">
      <input
        autoFocus
        aria-label={label}
        aria-invalid={editing.error !== null}
        aria-describedby={editing.error ? 'cell-error' : undefined}
        value={editing.text}
        type={editing.column === 'workDate' ? 'date' : 'text'}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            onCommit('down');
          } else if (event.key === 'Tab') {
            event.preventDefault();
            onCommit('right');
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {editing.error && (
        <span id="cell-error" role="alert" className="cell-error">
          {editing.error}
        </span>
      )}
    </span>
  );
}
