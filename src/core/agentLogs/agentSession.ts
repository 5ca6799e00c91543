import type { z } from 'zod';
import type { agentSessionSchema } from '../../shared/ipc/schemas.ts';

/** A Claude Code session's figures, as stored (the IPC schema's type, so the two cannot drift). */
export type AgentSession = z.infer<typeof agentSessionSchema>;
