/**
 * Ports: what the domain needs from the outside world, as plain types. Adapters in
 * `api/src/adapters/` implement them for local runs and AWS; tests inject their own.
 */

/** Time comes from here so that tests and schedules can control it. */
export type TClock = { now(): Date };

/**
 * Structured logging, pino's call shapes: `log.info({ userId }, 'user registered')` or
 * `log.info('message')`. An `err` field holding an Error is logged with its type, message and stack.
 */
export type TLogFn = {
  (fields: object, message?: string): void;
  (message: string): void;
};
export type TLogger = {
  error: TLogFn;
  warn: TLogFn;
  info: TLogFn;
  debug: TLogFn;
  /** The same logger with `fields` on every line (the request id, say). */
  child(fields: object): TLogger;
};

export type TMailMessage = { to: string; subject: string; text: string; html?: string };
/** Sends e-mail: the local outbox on a laptop, SES in AWS. */
export type TMailer = { send(message: TMailMessage): Promise<void> };

export type TStoredFile = { body: Uint8Array; contentType: string };
/** A request a browser may make without us in the middle: the URL carries the permission. */
export type TPresignedRequest = { url: string; headers: Record<string, string> };
/** What a presigned GET answers with (S3's `response-*` overrides). */
export type TDeliveryHeaders = { contentType: string; contentDisposition: string; cacheControl: string };
/** The PUT a browser made to a URL from `presignPut`, as the local store receives it. */
export type TSignedPut = {
  key: string;
  /** The URL's query (the local store signs `expires` and `sig`). */
  query: Record<string, string>;
  contentType: string | undefined;
  contentLength: number | undefined;
  body: ReadableStream<Uint8Array> | null;
};
/** `forbidden`: bad or expired signature, or another type or length than signed (as S3 answers 403). */
export type TSignedPutResult = 'stored' | 'forbidden' | 'too_large' | 'incomplete';
/** Stores uploads: a folder under `.data/` locally, S3 in AWS. Keys are opaque paths. */
export type TFileStore = {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<TStoredFile | undefined>;
  /** Removes an object; a missing one is no error. */
  delete(key: string): Promise<void>;
  /**
   * A URL the browser PUTs the bytes to directly (S3: SigV4 query-string signing; locally: our own
   * capability-signed route). Only that content type and exactly that length are accepted.
   */
  presignPut(key: string, options: { contentType: string; contentLength: number; expiresInSeconds: number }): Promise<TPresignedRequest>;
  /** A short-lived URL to redirect a reader to, or undefined when the API serves the bytes itself (local disk). */
  presignGet(key: string, options: TDeliveryHeaders & { expiresInSeconds: number }): Promise<string | undefined>;
  /** Only for stores whose presigned PUTs land on our own API (local disk); S3 takes them itself. */
  receiveSignedPut?(put: TSignedPut): Promise<TSignedPutResult>;
};

/** A Stripe-shaped event after its signature was verified (only the fields we read). */
export type TPaymentEvent = {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> & { id: string } };
};

/**
 * Payments: Stripe Checkout in production and tests (tests point the real SDK at a local fake),
 * or the labelled simulated checkout of the local platform. Both produce signed events that
 * go through the same `processPaymentEvent` use case.
 */
export type TPayments = {
  readonly provider: 'stripe' | 'simulated';
  /** Creates a hosted checkout; `idempotencyKey` makes a retry return the same session. */
  createCheckout(input: {
    pledgeId: string;
    amount: { value: number; currency: string };
    description: string;
    email: string;
    successUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ sessionId: string; url: string }>;
  /** Refunds (part of) a card payment. The same `idempotencyKey` never refunds twice. */
  refund(input: { paymentIntentId: string; amountMinor: number; idempotencyKey: string; pledgeId: string }): Promise<{ refundId: string; status: string }>;
  /** Which pledge a payment intent belongs to, asked of Stripe (for a refund that overtakes its completion). */
  findPledgeIdForPaymentIntent(paymentIntentId: string): Promise<string | undefined>;
  /** Verifies the signature over the raw body (300 s tolerance); throws on a bad or stale one. */
  verifyEvent(rawBody: string, signature: string | undefined): TPaymentEvent;
};

/** Today's official rates to KGS (the National Bank's daily XML in production, a fixture in tests). */
export type TRatesSource = {
  fetchDaily(): Promise<{ date: string; rates: { currency: string; kgsPerUnit: string }[] }>;
};
