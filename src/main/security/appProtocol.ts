import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origins.ts';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.ts';

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: real origins and relative URLs; secure: treated like https. No fetch/CORS/streaming
  // privileges beyond what loading our own bundle needs.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps an app://renderer/… URL to a file inside `rendererRoot`, or null when the URL is not ours
 * or would leave that folder (`..`, encoded `%2e%2e%2f`, backslashes, absolute or drive paths).
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  relative = relative.replace(/^\//, '');
  if (relative === '') relative = 'index.html';
  // After the one leading slash, anything absolute is an attempt to escape the folder.
  if (/^[/\\]/.test(relative) || /^[a-zA-Z]:/.test(relative) || path.isAbsolute(relative)) return null;
  if (relative.split(/[/\\]/).some((segment) => segment === '..')) return null;
  const root = path.resolve(rendererRoot);
  const resolved = path.resolve(root, relative);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

/** The protocol.handle callback: serves files from the built renderer with the CSP header. */
export function createAppProtocolHandler(rendererRoot: string, readFile: ReadFile = (file) => fs.readFile(file)) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveRendererFile(rendererRoot, request.url);
    if (!file) return plain(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Opener-Policy': 'same-origin',
      },
    });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
