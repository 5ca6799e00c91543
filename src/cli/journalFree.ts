import type { Command } from 'commander';

/** Commands whose action never opens the journal, so their run loads neither SQLite nor the store. */
const journalFreeCommands = new WeakSet<Command>();

export function withoutJournal(command: Command): Command {
  journalFreeCommands.add(command);
  return command;
}

export function needsJournal(command: Command): boolean {
  return !journalFreeCommands.has(command);
}
