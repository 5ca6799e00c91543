import type { WebFrameMain } from 'electron';

/** The privileged scheme that serves the built renderer in production (see appProtocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** Chromium's origin string for app://renderer/… once the scheme is registered as standard. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The origins allowed to call IPC and to be navigated to: the app's own `app://` origin, plus
 * the dev server's origin only in development (`devServerUrl` is undefined when packaged).
 */
export function trustedOrigins(devServerUrl: string | undefined): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN]);
  if (devServerUrl) origins.add(new URL(devServerUrl).origin);
  return origins;
}

export type SenderFrame = Pick<WebFrameMain, 'origin' | 'url' | 'parent'>;

/**
 * Only the top-level frame of a page served from a trusted origin may call the main process: an
 * iframe (even same-origin) or a frame that navigated away has no business with the journal.
 */
export function isTrustedFrame(frame: SenderFrame | null | undefined, origins: ReadonlySet<string>): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return origins.has(frame.origin) && origins.has(originOfUrl(frame.url));
}

/** The origin of a URL, computed the way Chromium does for our standard `app:` scheme too. */
export function originOfUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // Node's URL reports "null" as the origin of non-special schemes such as app:.
    if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host}`;
    return parsed.origin;
  } catch {
    return 'null';
  }
}
