import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './externalLinks.ts';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks a web contents down: it never navigates or redirects away from the page main loaded,
 * never opens windows, never attaches a <webview>. Allowed external links go to the browser.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (isAllowedExternalUrl(url)) openExternal(url);
  });
  contents.on('will-frame-navigate', (event) => {
    // Covers sub-frames too; main's own loadURL/loadFile does not emit it, so this denies only page-initiated navigation.
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** No page in this app needs a camera, notifications, clipboard-read, geolocation, HID, … */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
