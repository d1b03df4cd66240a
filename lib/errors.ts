// One application error type. Codes map to HTTP statuses in one table; anything that is not an AppError becomes a
// generic 500 whose details stay in the server log.

export const appErrorStatus = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

/** Field-level problems, keyed by the dotted path of the field ("source.port"). */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors | undefined;
  /** For RATE_LIMITED: when the client may try again (sent as the Retry-After header too). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a client may see of an error: the message of an AppError, nothing of anything else. */
export type PublicError = {
  code: AppErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
};

export function toPublicError(error: unknown): { status: number; body: PublicError } {
  if (isAppError(error)) {
    const body: PublicError = { code: error.code, message: error.message };
    if (error.fieldErrors) body.fieldErrors = error.fieldErrors;
    if (error.retryAfterSeconds !== undefined) body.retryAfterSeconds = error.retryAfterSeconds;
    return { status: error.status, body };
  }
  return { status: 500, body: { code: "INTERNAL", message: "Something went wrong on our side. It has been logged." } };
}
