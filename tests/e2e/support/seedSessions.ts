import { resolve } from 'node:path';
import { scanAgentLogs, type ScanResult } from '../../../src/core/agentLogs/scanLogs.ts';
import type { Journal } from '../../../src/core/journal.ts';

/** The fixture Claude Code corpus (two roots, four sessions): what "Scan now" reads in the tests. */
export const FIXTURE_CLAUDE_ROOTS = ['root-a', 'root-b'].map((root) => resolve(import.meta.dirname, '../../fixtures/claude', root));

/** Stores the fixture sessions through the core's scanner, as a scan of the user's logs would. */
export function seedAgentSessions(journal: Journal): ScanResult {
  return scanAgentLogs(journal.db, FIXTURE_CLAUDE_ROOTS);
}
