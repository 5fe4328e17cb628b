import * as z from 'zod';

/**
 * Every error the API can answer with. Each code maps to one HTTP status in `errorStatus`;
 * the web app and the API client branch on the code, never on the message.
 */
export const errorCodes = [
  /** The body or query failed its zod schema; `issues` lists the fields. */
  'VALIDATION_FAILED',
  /** The body is not parseable JSON. */
  'MALFORMED_JSON',
  /** No session cookie, or the session expired or was revoked. */
  'UNAUTHENTICATED',
  /** E-mail and password do not match an account (same message whether or not the e-mail exists). */
  'INVALID_CREDENTIALS',
  /** Signed in, but the role does not allow this. */
  'FORBIDDEN',
  /** A cookie-authenticated mutation came from a foreign or missing Origin. */
  'CSRF_REJECTED',
  /** No such route, or no such object visible to the caller. */
  'NOT_FOUND',
  /** The e-mail already has an account. */
  'EMAIL_TAKEN',
  /** A conditional write lost a race or the object is in the wrong state. */
  'CONFLICT',
  /** The project is not published or funded, or its deadline passed: no pledges now. */
  'PROJECT_NOT_ACCEPTING_PLEDGES',
  /** An Idempotency-Key was reused with a different request body. */
  'IDEMPOTENCY_KEY_REUSED',
  /** A webhook's signature is missing, wrong or older than the tolerance. */
  'INVALID_SIGNATURE',
  /** The payment provider (Stripe) failed or timed out; retrying with the same Idempotency-Key is safe. */
  'PAYMENT_PROVIDER_UNAVAILABLE',
  /** The request body is larger than the route accepts. */
  'PAYLOAD_TOO_LARGE',
  /** Too many attempts; `Retry-After` says when to try again. */
  'RATE_LIMITED',
  /** A dependency (the table) is unavailable. */
  'SERVICE_UNAVAILABLE',
  /** Anything unexpected; the cause is logged with the request id. */
  'INTERNAL',
] as const;

export const ZErrorCode = z.enum(errorCodes);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  PROJECT_NOT_ACCEPTING_PLEDGES: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_SIGNATURE: 400,
  PAYMENT_PROVIDER_UNAVAILABLE: 502,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<TErrorCode, number>;

/** One field problem: `path` is the dotted field path, `message` is for humans. */
export const ZFieldIssue = z.object({ path: z.string(), message: z.string(), code: z.string() });
export type TFieldIssue = z.infer<typeof ZFieldIssue>;

/** The JSON body of every error reply. */
export const ZErrorBody = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    issues: z.array(ZFieldIssue).optional(),
    requestId: z.string(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

/** The one exception type of the app. Thrown by use cases, turned into `TErrorBody` by the API. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly issues: TFieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: TErrorCode,
    message: string,
    options: { issues?: TFieldIssue[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Turns zod issues into our wire shape. */
export function toFieldIssues(error: z.ZodError): TFieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}
