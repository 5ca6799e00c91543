/**
 * The only places a link in the app may open, in the user's browser. Everything else is dropped:
 * a renderer compromised through imported data must not be able to launch arbitrary URLs or
 * local files through the OS.
 */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [
  'https://github.com/',
  'https://docs.anthropic.com/',
  'https://www.anthropic.com/',
  'https://www.electronjs.org/',
];

export function isAllowedExternalUrl(raw: string, allowlist: readonly string[] = EXTERNAL_LINK_ALLOWLIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return allowlist.some((prefix) => {
    const allowed = new URL(prefix);
    return url.origin === allowed.origin && url.pathname.startsWith(allowed.pathname);
  });
}
