/**
 * Turns a key press into an Electron accelerator ("CommandOrControl+Shift+L") for the global
 * quick-add shortcut, or says why the combination cannot be one. Reads `code` (the physical key),
 * so Shift+1 records "Shift+1", not "!".
 */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Recorded = { accelerator: string } | { error: string } | { pending: true };

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Return',
  NumpadEnter: 'Return',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$/;

/** Combinations every app uses for editing: taking them globally would break copy and paste everywhere. */
const RESERVED: Record<string, string> = {
  'CommandOrControl+C': 'copy',
  'CommandOrControl+V': 'paste',
  'CommandOrControl+X': 'cut',
  'CommandOrControl+Z': 'undo',
  'CommandOrControl+A': 'select all',
  'CommandOrControl+S': 'save',
  'CommandOrControl+Q': 'quit',
  'CommandOrControl+W': 'close window',
  'Alt+F4': 'close window',
  'Alt+Tab': 'switching windows',
};

function keyName(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (/^Numpad[0-9]$/.test(code)) return `num${code.slice(6)}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

export function recordAccelerator(press: KeyPress): Recorded {
  if (MODIFIER_CODES.test(press.code) || ['Control', 'Shift', 'Alt', 'Meta'].includes(press.key)) return { pending: true };
  const key = keyName(press.code);
  if (key === null) return { error: `${press.key || press.code} cannot be part of a shortcut: use a letter, a digit, a function key or an arrow.` };
  const modifiers = [press.ctrlKey || press.metaKey ? 'CommandOrControl' : null, press.altKey ? 'Alt' : null, press.shiftKey ? 'Shift' : null].filter((item): item is string => item !== null);
  const functionKey = /^F\d+$/.test(key);
  if (!functionKey && !press.ctrlKey && !press.metaKey && !press.altKey) {
    return { error: `${[...modifiers, key].join('+')} needs Ctrl (⌘ on macOS) or Alt as well: on its own it would take that key from every app.` };
  }
  const accelerator = [...modifiers, key].join('+');
  const reserved = RESERVED[accelerator];
  if (reserved) return { error: `${accelerator.replace('CommandOrControl', 'Ctrl')} is ${reserved} in every app: choose another combination.` };
  return { accelerator };
}

/** An accelerator as people read it on this machine's keyboard. */
export function showAccelerator(accelerator: string, mac = /Mac/.test(globalThis.navigator?.platform ?? '')): string {
  return accelerator.replace('CommandOrControl', mac ? '⌘' : 'Ctrl').replaceAll('+', ' + ');
}
