import os from 'node:os';
import type { SqliteDatabase } from '../../store/database.ts';
import { codexReader } from './codex.ts';
import { geminiReader } from './gemini.ts';
import { opencodeReader } from './opencode.ts';
import { scanSources, type SourceScanResult } from './scanSources.ts';
import type { AgentId, SourceReader } from './types.ts';

export { AGENT_IDS, AGENT_NAMES, type AgentId } from './types.ts';

/** The readers of the agents other than Claude Code (whose reader is ../scanLogs.ts). */
export const SOURCE_READERS: Record<Exclude<AgentId, 'claude'>, SourceReader> = {
  codex: codexReader,
  gemini: geminiReader,
  opencode: opencodeReader,
};

/** Scans one agent's folders (`roots` replaces its default folders). */
export function scanAgent(db: SqliteDatabase, agent: Exclude<AgentId, 'claude'>, roots?: readonly string[], env: NodeJS.ProcessEnv = process.env): SourceScanResult {
  const reader = SOURCE_READERS[agent];
  return scanSources(db, reader, roots && roots.length > 0 ? roots : reader.defaultRoots(env, os.homedir()));
}
