import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM } from '../../e2e/support/findChromium.ts';

describe('the browser for the end-to-end tests', () => {
  it('takes LEVERAGE_CHROMIUM, else the usual install places per OS, else says in one line how to get one', () => {
    const only = (...files: string[]) => (file: string) => files.includes(file);
    expect(findChromium('linux', { LEVERAGE_CHROMIUM: '/opt/my/chrome' }, only('/opt/my/chrome', '/usr/bin/chromium'))).toBe('/opt/my/chrome');
    expect(() => findChromium('linux', { LEVERAGE_CHROMIUM: '/nope' }, only('/usr/bin/chromium'))).toThrow(/LEVERAGE_CHROMIUM is \/nope/);
    expect(findChromium('linux', {}, only('/usr/bin/google-chrome-stable'))).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium('darwin', {}, only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium('win32', { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, only(edge))).toBe(edge);
    expect(() => findChromium('linux', {}, only())).toThrow(NO_CHROMIUM);
    expect(NO_CHROMIUM.split('\n')).toHaveLength(1);
  });
});
