import fs from 'node:fs';
import { Option } from 'commander';
import type { SyncReport, SyncStatus } from '../../core/sync/syncTypes.ts';
import type { CommandContext, CommandModule } from './context.ts';
import { json } from '../format.ts';

// The sync engine (Automerge, libsodium) is imported only when a sync command runs: with sync off,
// no sync code loads. The outbox triggers in the database need no code at all.
async function engineFor(context: CommandContext) {
  const { SyncEngine } = await import('../../core/sync/syncEngine.ts');
  return new SyncEngine(context.journal().db);
}


function reportLines(report: SyncReport): string {
  const lines = [
    `Synced in ${Math.round(report.durationMs)} ms: ${report.outboxFolded} local change(s) folded, ${report.partitionsWritten} document(s) written, ` +
      `${report.filesMerged} file(s) merged from other devices${report.conflictCopiesMerged > 0 ? ` (${report.conflictCopiesMerged} conflict cop${report.conflictCopiesMerged === 1 ? 'y' : 'ies'} made by the sync tool)` : ''}.`,
    `Journal: ${report.inserted} row(s) added, ${report.updated} changed; ${report.conflicts} field(s) in conflict.`,
  ];
  for (const skipped of report.skipped) lines.push(`Skipped ${skipped.file}: ${skipped.reason} (retried at the next sync).`);
  for (const refused of report.refused) lines.push(`Not applied: ${refused}`);
  return `${lines.join('\n')}\n`;
}

function statusLines(status: SyncStatus): string {
  if (!status.enabled) return 'Sync is off. Turn it on: leverage sync init --folder DIR --device NAME\n';
  const lines = [
    `Device: ${status.deviceName} (${status.deviceId})`,
    `Folder: ${status.folder}${status.encrypted ? ' (encrypted)' : ''}`,
    `Last sync: ${status.lastSyncAt ?? 'never'}; changes waiting: ${status.pendingChanges}; conflicts: ${status.conflicts}` +
      (status.ownBytes !== null ? `; this device's files: ${(status.ownBytes / 1_048_576).toFixed(2)} MB` : ''),
  ];
  if (status.lastError) lines.push(`Problem: ${status.lastError}`);
  if (status.peers.length === 0) lines.push('No other device seen yet.');
  for (const peer of status.peers) {
    lines.push(`Peer ${peer.name ?? '(unnamed)'} (${peer.deviceId}): seen ${peer.lastSeenAt}, wrote ${peer.lastSavedAt ?? '?'}${peer.problem ? `; problem: ${peer.problem}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function readPassphrase(context: CommandContext, file: string | undefined): string | undefined {
  if (file) return fs.readFileSync(context.resolvePath(file), 'utf8').replace(/\r?\n$/, '');
  const fromEnv = context.env.LEVERAGE_SYNC_PASSPHRASE;
  return fromEnv && fromEnv.length > 0 ? fromEnv : undefined;
}

/** `leverage sync init | now | status | conflicts | resolve`. */
export const syncCommands: CommandModule = (context: CommandContext) => {
  const sync = context.program.command('sync').description('sync this journal with your other devices through a folder you sync (Syncthing, Dropbox, a share, rsync)');

  sync
    .command('init')
    .description('turn sync on: join the journal already in the folder, or start one there (tasks already here are kept)')
    .requiredOption('--folder <dir>', 'the folder your sync tool carries between devices')
    .requiredOption('--device <name>', "this device's name, e.g. laptop")
    .option('--passphrase-file <file>', 'encrypt the folder (or open an encrypted one) with the passphrase in this file; or set LEVERAGE_SYNC_PASSPHRASE')
    .option('--json', 'print the first sync as JSON')
    .action(async (flags: { folder: string; device: string; passphraseFile?: string; json?: boolean }) => {
      const engine = await engineFor(context);
      const report = await engine.init({ folder: context.resolvePath(flags.folder), deviceName: flags.device, passphrase: readPassphrase(context, flags.passphraseFile) });
      context.stdout(flags.json ? json(report) : `Sync is on for device "${flags.device}".\n${reportLines(report)}`);
    });

  sync
    .command('now')
    .description("write this device's changes to the folder and merge the other devices'")
    .option('--json', 'print what happened as JSON')
    .action(async (flags: { json?: boolean }) => {
      const report = await (await engineFor(context)).syncNow();
      context.stdout(flags.json ? json(report) : reportLines(report));
    });

  sync
    .command('status')
    .description('device, folder, last sync, peers seen and when, conflicts')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const status = (await engineFor(context)).status();
      context.stdout(flags.json ? json(status) : statusLines(status));
    });

  sync
    .command('conflicts')
    .description('fields changed on two devices at once: the value shown and the other one')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const conflicts = (await engineFor(context)).conflicts();
      if (flags.json) context.stdout(json(conflicts));
      else if (conflicts.length === 0) context.stdout('No conflicts.\n');
      else {
        context.stdout(
          `${conflicts
            .map((conflict) => `${conflict.table} ${conflict.key} ${conflict.field}: ${JSON.stringify(conflict.value)} (other: ${conflict.otherValues.map((value) => JSON.stringify(value)).join(', ')})`)
            .join('\n')}\n`,
        );
      }
    });

  sync
    .command('resolve')
    .description('keep one value of a conflict (on every device after the next sync)')
    .argument('<key>', 'the task id (or the date for a day, the setting name for a setting)')
    .argument('<field>', 'the field, e.g. title')
    .addOption(new Option('--keep <which>', 'current: the value shown; other: the other device\'s value').choices(['current', 'other']).makeOptionMandatory())
    .addOption(new Option('--table <table>', 'what the key names').choices(['task', 'day', 'setting']).default('task'))
    .action(async (key: string, field: string, flags: { keep: 'current' | 'other'; table: 'task' | 'day' | 'setting' }) => {
      const engine = await engineFor(context);
      const conflict = engine.conflicts().find((entry) => entry.table === flags.table && entry.key === key && entry.field === field);
      if (!conflict) throw new Error(`There is no sync conflict on ${flags.table} ${key} ${field} (see leverage sync conflicts).`);
      const value = flags.keep === 'current' ? conflict.value : conflict.otherValues[0];
      engine.resolve(flags.table, key, field, value ?? null);
      const report = await engine.syncNow();
      context.stdout(`Kept ${JSON.stringify(value)} for ${flags.table} ${key} ${field}.\n${reportLines(report)}`);
    });
};
