import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': 'off',
    },
  },
  // The layers (VS Code's layering rule): shared ← core ← cli / main; shared ← renderer. Each layer
  // names what it may not import; a later block for the same files replaces the rule, so each layer
  // lists everything it forbids.
  layer(['src/shared/**/*.ts'], ['core', 'main', 'cli', 'preload', 'renderer'], 'shared code runs in every process and imports only shared code'),
  layer(['src/core/**/*.ts'], ['main', 'cli', 'preload', 'renderer'], 'the domain core is imported by the shells, never the other way round'),
  layer(['src/cli/**/*.ts'], ['main', 'preload', 'renderer'], 'the CLI is a shell around the core'),
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['src/renderer/**/*.{ts,tsx}'], ['core', 'main', 'cli'], 'the renderer reaches the journal only through window.api', { electron: false }),
);

/** Forbids `files` to import from the named src folders (and, unless told, from Electron). */
function layer(files, forbidden, reason, { electron = true } = {}) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electron ? [{ name: 'electron', message: 'The domain core, the CLI and shared code import no Electron.' }] : [],
          patterns: [{ group: forbidden.flatMap((folder) => [`**/${folder}/**`, `**/src/${folder}/**`]), message: `Layering: ${reason}.` }],
        },
      ],
    },
  };
}
