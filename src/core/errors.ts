/** Every failure the domain core reports on purpose carries a stable code and a sentence for people. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'DATABASE_TOO_NEW',
  'DATABASE_CORRUPT',
  'MIGRATION_FAILED',
  'IMPORT_FAILED',
  'IO_FAILED',
  'FORBIDDEN',
  'SYNC_FAILED',
  'WRONG_PASSPHRASE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class JournalError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JournalError';
    this.code = code;
  }
}

export function isJournalError(error: unknown): error is JournalError {
  return error instanceof JournalError;
}
