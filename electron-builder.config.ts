import type { Configuration } from 'electron-builder';

/**
 * Packaging for Linux (AppImage, deb), macOS (dmg) and Windows (nsis): `npm run dist`.
 * Offline builds: point LEVERAGE_ELECTRON_DIST at an unpacked Electron (the folder holding the
 * `electron` binary) and electron-builder uses it instead of downloading one.
 */
const config = {
  appId: 'com.leveragejournal.app',
  productName: 'Leverage Journal',
  copyright: 'Copyright © Leverage Journal contributors',
  directories: { output: 'release', buildResources: 'resources' },
  // Only the built bundles and package.json; production dependencies (better-sqlite3) are added by electron-builder.
  files: ['out/**/*', '!out/**/*.map', 'package.json'],
  extraResources: [{ from: 'resources', to: 'resources', filter: ['icon.png', 'tray-*.png', 'trayTemplate*.png'] }],
  asar: true,
  // The native SQLite binding cannot be loaded from inside the archive.
  asarUnpack: ['**/*.node'],
  // better-sqlite3 13 is Node-API: the same binary works in Node and Electron, nothing to rebuild.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronDist: process.env.LEVERAGE_ELECTRON_DIST || undefined,
  // Electron's recommended fuses: no Node-mode escape hatches, encrypted cookies, only our signed-off asar.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The app serves its pages from app://, so file:// needs no special powers.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'resources/icon.png',
    maintainer: 'Leverage Journal contributors',
    synopsis: 'A journal of AI-agent leverage',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'resources/icon.png',
    hardenedRuntime: true,
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icon.png',
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
} satisfies Configuration;

export default config;
