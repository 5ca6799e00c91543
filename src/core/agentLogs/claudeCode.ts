import type { AgentLogFormat } from './logEvents.ts';
import { listLogFiles } from './logFiles.ts';
import { readLogLine } from './logLine.ts';

/** Claude Code's transcripts: `<root>/projects/<project>/<session>.jsonl` and its subagents' files. */
export const claudeCodeFormat: AgentLogFormat = {
  name: 'Claude Code',
  listFiles: listLogFiles,
  readLine: readLogLine,
};
