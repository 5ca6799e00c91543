import { backupCommands } from './backup.ts';
import type { CommandModule } from './context.ts';
import { importCommand } from './import.ts';
import { publishingCommands } from './publishing.ts';
import { sessionsCommand } from './sessions.ts';
import { syncCommands } from './sync.ts';

/**
 * Command modules beyond the core set in program.ts. Each feature adds its own file in this
 * folder and one line here.
 */
export const COMMAND_MODULES: readonly CommandModule[] = [
  backupCommands,
  importCommand, sessionsCommand,
  publishingCommands,
  syncCommands,
];
