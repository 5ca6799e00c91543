import { useState } from 'react';

/** A set of selected session ids with toggle and clear (the Sessions screen and the picker share it). */
export function useSelection(initial: Iterable<string> = []) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(initial));
  function toggle(id: string) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
  return { selected, toggle, clear: () => setSelected(new Set()) };
}
