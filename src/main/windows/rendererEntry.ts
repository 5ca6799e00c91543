import { APP_ORIGIN } from '../security/origins.ts';

/** The renderer's two pages (src/renderer/index.html and quick-add.html). */
export type RendererEntry = 'index' | 'quick-add';

/** app://renderer/<entry>.html in production; the electron-vite dev server in development. */
export function rendererUrl(entry: RendererEntry, devServerUrl: string | undefined): string {
  if (devServerUrl) return new URL(`${entry}.html`, devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`).toString();
  return `${APP_ORIGIN}/${entry}.html`;
}
