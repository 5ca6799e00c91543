/**
 * Runs the journal's start-up open (openJournalWithRecovery) on a file and prints the outcome as one
 * JSON line. The fault tests start it as another user (setpriv) so that permissions bite even when
 * the suite runs as root.
 */
import { openJournalWithRecovery } from '../../../../src/core/store/recovery.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: recoverAsUser.ts FILE');
const outcome = openJournalWithRecovery(file);
if (outcome.status === 'opened') outcome.journal.close();
process.stdout.write(
  `${JSON.stringify({ status: outcome.status, code: 'code' in outcome ? outcome.code : null, message: 'message' in outcome ? outcome.message : null })}\n`,
);
