import type { Configuration } from 'electron-builder';

/**
 * Packaging for Linux (deb — the recommended target — and AppImage), macOS (dmg) and Windows (nsis):
 * `npm run dist`. Offline builds: point LEVERAGE_ELECTRON_DIST at an unpacked Electron (the folder
 * holding the `electron` binary) and electron-builder uses it instead of downloading one.
 *
 * Read from the environment:
 * - signing on macOS: CSC_LINK/CSC_NAME (a Developer ID certificate); without one the app is signed
 *   ad hoc ("-") after the fuses are flipped, since Apple Silicon refuses to launch a binary whose
 *   signature the fuse flip broke (@electron/fuses README, "Apple Silicon");
 * - notarization: APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID +
 *   APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_KEYCHAIN + APPLE_KEYCHAIN_PROFILE;
 * - LEVERAGE_TEST_BUILD=1: the build Playwright drives (`npm run dist:test`): the inspect fuse on,
 *   everything else as shipped, into release/test-build.
 */

/** better-sqlite3's C sources, build files and every prebuilt binary but the target's own. */
const BETTER_SQLITE3_EXCLUDES = [
  '!**/node_modules/better-sqlite3/{deps,src,build}/**',
  '!**/node_modules/better-sqlite3/binding.gyp',
  '!**/node_modules/better-sqlite3/prebuilds/!(${platform}-${arch}).node',
  // Only headers, for compiling: nothing of it runs.
  '!**/node_modules/node-addon-api/**',
];

function hasAll(env: NodeJS.ProcessEnv, names: string[]): boolean {
  return names.every((name) => Boolean(env[name]?.trim()));
}

/** Whether the environment carries one of the credential sets electron-builder's notarize step accepts. */
export function notarizationConfigured(env: NodeJS.ProcessEnv): boolean {
  return (
    hasAll(env, ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) ||
    hasAll(env, ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) ||
    hasAll(env, ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'])
  );
}

export function builderConfig(env: NodeJS.ProcessEnv = process.env) {
  const signingIdentity = Boolean(env.CSC_LINK?.trim() || env.CSC_NAME?.trim());
  const testBuild = env.LEVERAGE_TEST_BUILD === '1';
  return {
    appId: 'com.leveragejournal.app',
    productName: 'Leverage Journal',
    copyright: 'Copyright © Leverage Journal contributors',
    directories: { output: testBuild ? 'release/test-build' : 'release', buildResources: 'resources' },
    // The built bundles and package.json (the CLI bundle is for npm; the app runs the CLI from its main bundle).
    // Production dependencies are added by electron-builder, minus what never runs.
    files: ['out/**/*', '!out/**/*.map', '!out/cli/**', 'package.json', ...BETTER_SQLITE3_EXCLUDES],
    extraResources: [{ from: 'resources', to: 'resources', filter: ['icon.png', 'tray-*.png', 'trayTemplate*.png'] }],
    asar: true,
    // The native SQLite binding cannot be loaded from inside the archive.
    asarUnpack: ['**/*.node'],
    // better-sqlite3 13 is Node-API: the same binary works in Node and Electron, nothing to rebuild.
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    electronDist: env.LEVERAGE_ELECTRON_DIST || undefined,
    // Electron's recommended fuses: no Node-mode escape hatches, encrypted cookies, only our signed-off asar.
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      // Playwright's _electron attaches through --inspect: only the test build allows it.
      enableNodeCliInspectArguments: testBuild,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The app serves its pages from app://, so file:// needs no special powers.
      grantFileProtocolExtraPrivileges: false,
      // Unsigned macOS builds: re-sign ad hoc after flipping (electron-builder signs right after when it has an identity).
      resetAdHocDarwinSignature: !signingIdentity,
    },
    linux: {
      // The deb is the recommended download: installed system-wide, no FUSE, no AppArmor question.
      // The AppImage runs Chromium's SUID sandbox, which Ubuntu ≥ 23.10 blocks without an AppArmor
      // profile (README: "Linux: deb or AppImage").
      target: ['deb', 'AppImage'],
      category: 'Office',
      icon: 'resources/icon.png',
      maintainer: 'Leverage Journal contributors',
      synopsis: 'A journal of AI-agent leverage',
    },
    mac: {
      target: ['dmg'],
      category: 'public.app-category.productivity',
      icon: 'resources/icon.png',
      // A Developer ID from CSC_LINK/CSC_NAME, else ad hoc; the hardened runtime (required for
      // notarization) would make an ad-hoc app refuse its own frameworks, so it comes with a real identity.
      ...(signingIdentity ? {} : { identity: '-' }),
      hardenedRuntime: signingIdentity,
      notarize: signingIdentity && notarizationConfigured(env),
    },
    win: {
      target: ['nsis'],
      icon: 'resources/icon.png',
    },
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  } satisfies Configuration;
}

export default builderConfig();
