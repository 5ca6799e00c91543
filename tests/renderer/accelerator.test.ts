import { describe, expect, test } from 'vitest';
import { recordAccelerator, type KeyPress } from '../../src/renderer/src/lib/accelerator.ts';

const press = (code: string, key: string, mods: Partial<Pick<KeyPress, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}): KeyPress => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('the shortcut recorder', () => {
  test.each([
    [press('KeyL', 'L', { ctrlKey: true, shiftKey: true }), { accelerator: 'CommandOrControl+Shift+L' }],
    [press('KeyL', 'l', { metaKey: true, altKey: true }), { accelerator: 'CommandOrControl+Alt+L' }],
    [press('Digit1', '!', { ctrlKey: true, shiftKey: true }), { accelerator: 'CommandOrControl+Shift+1' }],
    [press('Space', ' ', { altKey: true }), { accelerator: 'Alt+Space' }],
    [press('F9', 'F9'), { accelerator: 'F9' }],
    [press('ArrowUp', 'ArrowUp', { ctrlKey: true }), { accelerator: 'CommandOrControl+Up' }],
    [press('ShiftLeft', 'Shift', { shiftKey: true }), { pending: true }],
    [press('ControlLeft', 'Control', { ctrlKey: true }), { pending: true }],
  ])('%o records %o', (keys, expected) => {
    expect(recordAccelerator(keys)).toEqual(expected);
  });

  test.each([
    [press('KeyB', 'b'), 'B needs Ctrl (⌘ on macOS) or Alt as well'],
    [press('KeyB', 'B', { shiftKey: true }), 'Shift+B needs Ctrl'],
    [press('KeyC', 'c', { ctrlKey: true }), 'Ctrl+C is copy in every app'],
    [press('KeyV', 'v', { metaKey: true }), 'Ctrl+V is paste in every app'],
    [press('IntlBackslash', '<', { ctrlKey: true }), '< cannot be part of a shortcut'],
  ])('%o is refused: %s', (keys, reason) => {
    const result = recordAccelerator(keys);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(reason);
  });
});
