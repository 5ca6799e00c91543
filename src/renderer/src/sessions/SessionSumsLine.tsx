import { formatMinutes } from '../../../shared/units/duration.ts';
import { formatTokens } from '../../../shared/units/tokens.ts';
import { plural } from '../lib/mutations.ts';
import type { SessionSums } from './sessionFigures.ts';

/** "2 sessions: 12.7min agent, 11.4k fresh tokens (14.9k cache reads)". */
export function SessionSumsLine({ sums }: { sums: SessionSums }) {
  return (
    <span className="session-sums" aria-live="polite">
      <strong>{plural(sums.count, 'session')}</strong>: {formatMinutes(sums.agentSeconds)} agent, {formatTokens(sums.freshTokens) || '0'} fresh tokens ({formatTokens(sums.cacheReadTokens) || '0'} cache reads)
    </span>
  );
}
