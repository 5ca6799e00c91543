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

/** What an IPC failure can say: a core error code, or a channel the contract does not know. */
export type IpcErrorCode = ErrorCode | 'UNKNOWN_CHANNEL';
/** What the renderer's client can say besides: the preload bridge is missing or failed. */
export type ClientErrorCode = IpcErrorCode | 'NO_BRIDGE' | 'BRIDGE';
