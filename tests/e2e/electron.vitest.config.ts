import { defineConfig } from 'vitest/config';

/** Only the Electron smoke test: `npm run test:electron` (skips itself where there is no Electron binary). */
export default defineConfig({
  test: {
    root: `${import.meta.dirname}/../..`,
    include: ['tests/e2e/electron-smoke.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
