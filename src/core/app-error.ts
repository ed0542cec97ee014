/**
 * The one error type Omni throws for real faults. Codes are stable: front ends map them to
 * responses (HTTP status, CLI exit code, Slack message) and never show raw error text to users.
 */
export const appErrorCodes = {
  INVALID_INPUT: { exitCode: 2, httpStatus: 400 },
  NOT_FOUND: { exitCode: 3, httpStatus: 404 },
  FORBIDDEN: { exitCode: 4, httpStatus: 403 },
  UNAUTHENTICATED: { exitCode: 4, httpStatus: 401 },
  CONFLICT: { exitCode: 2, httpStatus: 409 },
  PAYLOAD_TOO_LARGE: { exitCode: 2, httpStatus: 413 },
  /** A request body that is not the JSON the route reads. */
  UNSUPPORTED_MEDIA_TYPE: { exitCode: 2, httpStatus: 415 },
  RATE_LIMITED: { exitCode: 2, httpStatus: 429 },
  IMPORT_REJECTED: { exitCode: 5, httpStatus: 422 },
  CONFIG_INVALID: { exitCode: 6, httpStatus: 500 },
  STORE_FAILURE: { exitCode: 7, httpStatus: 500 },
  /** The decision log's hash chain does not check out (omni audit verify). */
  CHAIN_BROKEN: { exitCode: 8, httpStatus: 500 },
  /** The language model failed, timed out or could not be reached. */
  MODEL_FAILURE: { exitCode: 9, httpStatus: 502 },
  INTERNAL: { exitCode: 1, httpStatus: 500 },
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Safe, user-facing details (never stack traces or SQL). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options?: { details?: Record<string, unknown>; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
  }

  get exitCode(): number {
    return appErrorCodes[this.code].exitCode;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
