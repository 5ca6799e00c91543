import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is a native Node-API module: it stays in node_modules, loaded at run time.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The post readers' worker thread (src/core/import/readInWorker.ts starts it).
          importReader: resolve(import.meta.dirname, 'src/core/import/readWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot load ES modules or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/renderer/index.html'),
          'quick-add': resolve(import.meta.dirname, 'src/renderer/quick-add.html'),
        },
      },
    },
  },
});
