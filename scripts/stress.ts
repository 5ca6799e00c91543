// `npm run stress`: the long versions of the reliability suites (tests/node/reliability), with the
// same figures the CI versions print. Exits non-zero when anything was lost, damaged or crashed.
import { runConcurrentWriters } from '../tests/node/reliability/scenarios/concurrentWriters.ts';
import { runCrashImport } from '../tests/node/reliability/scenarios/crashImport.ts';
import { runCrashMigration } from '../tests/node/reliability/scenarios/crashMigration.ts';
import { runCrashWrites } from '../tests/node/reliability/scenarios/crashWrites.ts';
import { runImportFuzz } from '../tests/node/reliability/scenarios/importFuzz.ts';
import { runIpcFuzz } from '../tests/node/reliability/scenarios/ipcFuzz.ts';
import { runCrashSync } from '../tests/node/sync/scenarios/crashSync.ts';
import { runOverSyncthing } from '../tests/node/sync/scenarios/overSyncthing.ts';
import { runThreeDevices } from '../tests/node/sync/scenarios/threeDevices.ts';

const scale = Number(process.env.STRESS_SCALE ?? '1');
const count = (n: number) => Math.max(1, Math.round(n * scale));
let failed = false;

async function suite<T extends { problems: string[] }>(name: string, run: () => Promise<T> | T, line: (figures: T) => string): Promise<void> {
  const started = Date.now();
  const figures = await run();
  console.log(`${name}: ${line(figures)} seconds=${((Date.now() - started) / 1000).toFixed(1)}`);
  if (figures.problems.length > 0) {
    failed = true;
    for (const problem of figures.problems.slice(0, 10)) console.log(`  ✗ ${problem}`);
  }
}

await suite('crash-writes', () => runCrashWrites(count(200), { maxKillDelayMs: 1500 }), (f) =>
  `rounds=${f.rounds} writesAcknowledged=${f.writesAcknowledged} writesLost=${f.writesLost} damagedRounds=${f.damagedRounds}`);
await suite('crash-migration', () => runCrashMigration(count(200), { tasks: 200_000 }), (f) =>
  `rounds=${f.rounds} killedDuringMigration=${f.killedDuringMigration} leftOld=${f.leftOld} leftNew=${f.leftNew} tasksPerDatabase=${f.tasksPerDatabase} migrationMs=${f.migrationMs} damagedRounds=${f.damagedRounds}`);
await suite('crash-import', () => runCrashImport(count(200), { maxKillDelayMs: 1500 }), (f) =>
  `rounds=${f.rounds} importsAcknowledged=${f.importsAcknowledged} importsLost=${f.importsLost} partialImports=${f.partialImports} damagedRounds=${f.damagedRounds}`);
await suite('concurrent-writers', () => runConcurrentWriters(count(60), { parallelCli: 3 }), (f) =>
  `cliWrites=${f.cliWrites} appWrites=${f.appWrites} writesAcknowledged=${f.writesAcknowledged} writesLost=${f.writesLost} errors=${f.errors} changesUnseen=${f.changesUnseen}`);
await suite('ipc-fuzz', () => runIpcFuzz(count(20_000)), (f) =>
  `channels=${f.channels} payloadsTried=${f.payloadsTried} accepted=${f.accepted} rejected=${f.rejected} crashes=${f.crashes} rejectedButChanged=${f.rejectedButChanged} prototypesPolluted=${f.prototypesPolluted}`);
await suite('import-fuzz', () => runImportFuzz(count(3000), count(50_000)), (f) =>
  `postsTried=${f.postsTried} committed=${f.committed} refused=${f.refused} logLinesTried=${f.logLinesTried} crashes=${f.crashes + f.logCrashes} writesWhenRefused=${f.writesWhenRefused}`);

await suite('crash-sync', () => runCrashSync(count(100)), (f) =>
  `rounds=${f.rounds} killedDuringSync=${f.killedDuringSync} writesAcknowledged=${f.writesAcknowledged} writesLost=${f.writesLost} lostAtPeer=${f.lostAtPeer} damagedOwnFiles=${f.damagedOwnFiles} damagedRounds=${f.damagedRounds}`);
for (let run = 1; run <= count(5); run += 1) {
  await suite(`sync-three-devices #${run}`, () => runThreeDevices(), (f) =>
    `orders=${f.orders} processes=${f.processes} acknowledged=${f.acknowledged} lost=${f.lost} conflictsShown=${f.conflictsShown} finalHashes=${[...new Set(f.hashes)].join(',')}`);
}
await suite('sync-syncthing', () => runOverSyncthing(count(10), 120_000), (f) =>
  `offlineRounds=${f.offlineRounds} acknowledged=${f.acknowledged} lost=${f.lost} conflictsShown=${f.conflictsShown} hashesEqual=${f.hashesEqual}`);

process.exitCode = failed ? 1 : 0;
