import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveRendererFile } from '../../../src/main/security/appProtocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/contentSecurityPolicy.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

/** out/renderer with a page, and a secret next to it that must never be served. */
function layout() {
  const base = tempFolder();
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  return { base, root, handler: createAppProtocolHandler(root) };
}

const get = (url: string) => new Request(url);

describe('the app:// protocol', () => {
  it('serves renderer files with the CSP header and a content type', async () => {
    const { handler } = layout();
    const page = await handler(get('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>app</title>');
    const script = await handler(get('app://renderer/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handler(get('app://renderer/'))).status).toBe(200);
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/%2E%2E%2Fsecret.txt',
    'app://renderer/assets/..%2F..%2Fsecret.txt',
    'app://renderer/..%5Csecret.txt',
    'app://renderer/%2e%2e%5csecret.txt',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const { handler } = layout();
    const response = await handler(get(url));
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses absolute paths, drive letters, NUL bytes, other hosts and schemes', () => {
    const { root, base } = layout();
    const secret = path.join(base, 'secret.txt');
    for (const url of [
      `app://renderer/${encodeURIComponent(secret)}`,
      `app://renderer//${secret.replace(/^\//, '')}`,
      'app://renderer/%2Fetc%2Fpasswd',
      'app://renderer/C:/Windows/win.ini',
      'app://renderer/c%3A%5CWindows%5Cwin.ini',
      'app://renderer/index.html%00.png',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
      'https://renderer/index.html',
      'app://renderer/%E0%A4%A',
    ]) {
      expect(resolveRendererFile(root, url), url).toBeNull();
    }
  });

  it('maps in-folder URLs to files in the folder', () => {
    const { root } = layout();
    expect(resolveRendererFile(root, 'app://renderer/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, 'app://renderer/quick-add.html?x=1#y')).toBe(path.join(root, 'quick-add.html'));
  });

  it('answers 404 for a missing file and 405 for writes', async () => {
    const { handler } = layout();
    expect((await handler(get('app://renderer/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
