import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/main/security/externalLinks.ts';
import { denyAllPermissions, guardWebContents } from '../../../src/main/security/webContentsGuards.ts';

type OpenHandler = (details: { url: string }) => { action: string };

function guarded() {
  const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (handler: OpenHandler) => void; openHandler?: OpenHandler };
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  const openExternal = vi.fn();
  guardWebContents(contents as never, openExternal);
  const fire = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn(), isMainFrame: true };
    contents.emit(name, event, ...args);
    return event.preventDefault;
  };
  return { contents, openExternal, fire };
}

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { fire } = guarded();
    expect(fire(name, 'https://evil.example/')).toHaveBeenCalled();
  });

  it('denies every window.open, handing only allowlisted links to the browser', () => {
    const { contents, openExternal } = guarded();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://github.com/anthropics' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://github.com/anthropics');
  });

  it('opens an allowlisted link the page tried to navigate to in the browser instead', () => {
    const { fire, openExternal } = guarded();
    expect(fire('will-navigate', 'https://github.com/x/y')).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://github.com/x/y');
  });

  it('allows only https links on the allowlist', () => {
    expect(isAllowedExternalUrl('https://github.com/a')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/a')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('smb://server/share')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    denyAllPermissions(session as never);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]?.[0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]?.[0]({}, 'clipboard-read')).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]?.[0]({})).toBe(false);
  });
});
