import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../src/main/security/appProtocol.ts';
import { guardWebContents } from '../../../src/main/security/webContentsGuards.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

describe('frame-ancestors', () => {
  it('is sent as a response header with every page and script, since a meta tag cannot carry it', async () => {
    const root = tempFolder();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'app.js'), '1');
    const handler = createAppProtocolHandler(root);
    for (const url of ['app://renderer/index.html', 'app://renderer/app.js']) {
      const policy = (await handler(new Request(url))).headers.get('content-security-policy') ?? '';
      expect(policy.split('; ')).toContain("frame-ancestors 'none'");
    }
  });

  it.each(['index.html', 'quick-add.html'])('%s keeps a meta policy without frame-ancestors (browsers ignore it there)', (page) => {
    const html = fs.readFileSync(path.resolve('src/renderer', page), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('frame-ancestors');
  });
});

describe('a file dropped on a window', () => {
  it('does not navigate the window to the file, and is not handed to the OS', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    const openExternal = vi.fn();
    guardWebContents(contents as never, openExternal);
    for (const url of ['file:///home/someone/leverage-record-2026-03-01.md', 'file:///C:/Users/someone/export.csv']) {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
