import { useEffect, useSyncExternalStore } from 'react';
import { call, subscribe } from '../api/client.ts';

/**
 * The one save model for text typed in the app (the day's intro and analysis, the post template,
 * the general settings): a field saves shortly after typing stops, and always before a screen
 * switch, a day change, a window close or a quit (`flushEdits`). A field being edited is never
 * overwritten by a stored value: a stored value is taken only while the field holds exactly what
 * was last stored, and the save sends that `base` so main can tell when another writer changed the
 * field meanwhile (then it keeps both as a conflict record).
 */
export type SaveState = 'idle' | 'editing' | 'saving' | 'saved' | 'failed';

/** Saves `value` typed over `base`; resolves to false when it failed (the caller said why). */
export type SaveText = (value: string, base: string) => Promise<boolean>;

export const AUTOSAVE_DELAY_MS = 700;

export class AutosavedText {
  value = '';
  /** What the field last agreed with the journal on (null until the stored value first arrives). */
  base: string | null = null;
  state: SaveState = 'idle';
  save: SaveText;
  private readonly delayMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private lastReceived: string | null = null;
  private typedEarly = false;
  private readonly listeners = new Set<() => void>();
  private snapshot: { value: string; state: SaveState; ready: boolean };

  /** Whether two texts mean the same stored value (a list field ignores spacing and a trailing comma). */
  same: (a: string, b: string) => boolean = (a, b) => a === b;

  constructor(save: SaveText, delayMs = AUTOSAVE_DELAY_MS) {
    this.save = save;
    this.delayMs = delayMs;
    this.snapshot = this.makeSnapshot();
  }

  /** True while the field holds text the journal does not have yet. */
  get dirty(): boolean {
    return this.base !== null && this.value !== this.base;
  }

  /**
   * A stored value arrived (first load or a refetch after some write). It replaces the field only
   * when the field is not being edited or saved and the value is new, so an older value read before
   * a save never lands over what was typed.
   */
  receive(stored: string): void {
    if (stored === this.lastReceived) return;
    this.lastReceived = stored;
    if (this.base === null && this.typedEarly) {
      // Typed before the stored text arrived: what was typed stays and is saved over it.
      this.base = stored;
      this.type(this.value);
      return;
    }
    if (this.base !== null && (this.dirty || this.inFlight)) return;
    if (this.base !== null && this.same(this.value, stored)) {
      this.base = this.value;
      return;
    }
    this.value = stored;
    this.base = stored;
    this.emit();
  }

  type(value: string): void {
    this.value = value;
    if (this.base === null) this.typedEarly = true;
    this.state = this.dirty ? 'editing' : this.state === 'editing' ? 'saved' : this.state;
    clearTimeout(this.timer);
    if (this.dirty) this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.emit();
  }

  /** Saves now what is pending (after any save already under way), in typing order. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) await this.inFlight;
    if (this.base === null || !this.dirty) return;
    const value = this.value;
    const base = this.base;
    this.state = 'saving';
    this.emit();
    this.inFlight = this.save(value, base)
      .catch(() => false)
      .then((ok) => {
        if (ok) {
          this.base = value;
          this.lastReceived = value;
          this.state = this.value === value ? 'saved' : 'editing';
        } else {
          this.state = 'failed';
        }
      })
      .finally(() => {
        this.inFlight = null;
        this.emit();
      });
    await this.inFlight;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private makeSnapshot() {
    return { value: this.value, state: this.state, ready: this.base !== null };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }
}

// Every field with text, by id; it outlives the component (a screen switch unmounts it mid-save).
const fields = new Map<string, AutosavedText>();

/** Saves every field's pending text now; resolves when all saves have answered. */
export async function flushEdits(): Promise<void> {
  await Promise.all([...fields.values()].map((field) => field.flush()));
}

/**
 * Answers main's `flushEdits` (sent before a window closes or hides and before quitting) once every
 * pending save is done; also flushes when the page itself is unloaded.
 */
export function answerFlushRequests(): () => void {
  const off = subscribe('flushEdits', ({ requestId }) => {
    void flushEdits().finally(() => void call('editsFlushed', { requestId }));
  });
  const onHide = () => void flushEdits();
  window.addEventListener('pagehide', onHide);
  return () => {
    off();
    window.removeEventListener('pagehide', onHide);
  };
}

/** The field registered under `id` (tests and the flush use it). */
export function autosavedField(id: string, save: SaveText): AutosavedText {
  let field = fields.get(id);
  if (!field) {
    field = new AutosavedText(save);
    fields.set(id, field);
  }
  field.save = save;
  return field;
}

/**
 * A text field under the save model. `stored` is the journal's value (undefined while it loads or
 * while a refetch is under way, so that a value read before a save is never taken for the newest).
 */
export function useAutosavedText(id: string, stored: string | undefined, save: SaveText, same?: (a: string, b: string) => boolean) {
  const field = autosavedField(id, save);
  if (same) field.same = same;
  const snapshot = useSyncExternalStore(field.subscribe, field.getSnapshot);
  useEffect(() => {
    if (stored !== undefined) field.receive(stored);
  }, [field, stored]);
  // Leaving the screen (or the day) saves what was typed, without waiting for the pause.
  useEffect(() => () => void field.flush(), [field]);
  return { value: snapshot.value, state: snapshot.state, ready: snapshot.ready, onChange: (value: string) => field.type(value), flush: () => field.flush() };
}

/** Test hook: forget every field (between renderer tests). */
export function resetAutosavedFields(): void {
  fields.clear();
}
