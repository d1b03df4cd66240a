import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { translate, translateValidationMessage } from "@/lib/i18n/translate";
import { isTranslatable, type Translatable } from "@/lib/i18n/translatable";

// One application error type. Codes map to HTTP statuses in one table; anything that is not an AppError becomes a
// generic 500 whose details stay in the server log. The message is a catalogue key with values (or, until every
// message has one, plain English): `message` is its English for logs, `toPublicError` puts it in the caller's language.

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
  readonly translatable: Translatable | undefined;

  constructor(
    code: AppErrorCode,
    message: string | Translatable,
    options?: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(isTranslatable(message) ? translate(message, defaultLocale) : message, { cause: options?.cause });
    this.translatable = isTranslatable(message) ? message : undefined;
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

export function toPublicError(error: unknown, locale: Locale = defaultLocale): { status: number; body: PublicError } {
  if (isAppError(error)) {
    const message = error.translatable ? translate(error.translatable, locale) : error.message;
    const body: PublicError = { code: error.code, message };
    if (error.fieldErrors) body.fieldErrors = translateFieldErrors(error.fieldErrors, locale);
    if (error.retryAfterSeconds !== undefined) body.retryAfterSeconds = error.retryAfterSeconds;
    return { status: error.status, body };
  }
  return { status: 500, body: { code: "INTERNAL", message: translate({ key: "errors.INTERNAL" }, locale) } };
}

function translateFieldErrors(fieldErrors: FieldErrors, locale: Locale): FieldErrors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((message) => translateValidationMessage(message, locale)),
    ]),
  );
}
