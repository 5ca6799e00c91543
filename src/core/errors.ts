import type { ErrorCode } from '../shared/errorCodes.ts';

export { ERROR_CODES, type ErrorCode } from '../shared/errorCodes.ts';

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
