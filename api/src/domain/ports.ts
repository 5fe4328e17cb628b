/**
 * Ports: what the domain needs from the outside world, as plain types. Adapters in
 * `api/src/adapters/` implement them for local runs and AWS; tests inject their own.
 */

/** Time comes from here so that tests and schedules can control it. */
export type TClock = { now(): Date };

export type TMailMessage = { to: string; subject: string; text: string; html?: string };
/** Sends e-mail: the local outbox on a laptop, SES in AWS. */
export type TMailer = { send(message: TMailMessage): Promise<void> };

export type TStoredFile = { body: Uint8Array; contentType: string };
/** Stores uploads: a folder under `.data/` locally, S3 in AWS. Keys are opaque paths. */
export type TFileStore = {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<TStoredFile | undefined>;
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
