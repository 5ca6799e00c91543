// Runs before the app's modules (a classic script executes while the page parses; modules are deferred).
// zod probes `new Function` when its first object schema is built; under this app's CSP (no
// 'unsafe-eval') Chromium reports that probe as a violation even though zod catches it. zod reads its
// global config from globalThis.__zod_globalConfig, so setting jitless here, before any schema exists,
// turns the probe off.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
