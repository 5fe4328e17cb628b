import Stripe from 'stripe';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPaymentEvent, TPayments } from '../domain/ports.ts';

/** Stripe's own default and the issue's rule: a signature older than this is refused. */
export const webhookToleranceSeconds = 300;

export type TStripePaymentsOptions = {
  secretKey: string;
  webhookSecret: string;
  /** Another API origin, e.g. `http://127.0.0.1:4567` for the test fake. Default: api.stripe.com. */
  apiUrl?: string;
  /** Per attempt. Default 8 s: three attempts and their back-off stay under API Gateway's 29 s. */
  timeoutMs?: number;
  /** Default 2. Safe because every POST carries our idempotency key. */
  maxNetworkRetries?: number;
};

/**
 * Stripe Checkout through the official SDK. Checkout and refunds carry the caller's idempotency
 * key, so the SDK's retries (and ours) never create a second session or refund.
 */
export function createStripePayments(options: TStripePaymentsOptions): TPayments & { readonly provider: 'stripe' } {
  if (!options.secretKey) throw new Error('createStripePayments: secretKey is required');
  if (!options.webhookSecret) throw new Error('createStripePayments: webhookSecret is required');
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 8_000,
    telemetry: false,
    appInfo: { name: 'koldoo' },
    ...(options.apiUrl ? stripeAddress(options.apiUrl) : {}),
  });
  const { webhookSecret } = options;

  return {
    provider: 'stripe',

    async createCheckout(input) {
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.amount.currency.toLowerCase(),
                  unit_amount: input.amount.value,
                  product_data: { name: input.description },
                },
              },
            ],
            customer_email: input.email,
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            client_reference_id: input.pledgeId,
            metadata: { pledgeId: input.pledgeId },
            payment_intent_data: { metadata: { pledgeId: input.pledgeId } },
          },
          { idempotencyKey: input.idempotencyKey },
        );
        if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
        return { sessionId: session.id, url: session.url };
      } catch (error) {
        throw providerError('create a checkout session', error);
      }
    },

    async refund(input) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: input.paymentIntentId, amount: input.amountMinor, metadata: { pledgeId: input.pledgeId } },
          { idempotencyKey: input.idempotencyKey },
        );
        return { refundId: refund.id, status: refund.status ?? 'pending' };
      } catch (error) {
        throw providerError('refund', error);
      }
    },

    async findPledgeIdForPaymentIntent(paymentIntentId) {
      try {
        const sessions = await stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
        const session = sessions.data[0];
        return session?.metadata?.pledgeId ?? session?.client_reference_id ?? undefined;
      } catch (error) {
        throw providerError('look up the checkout session of a payment', error);
      }
    },

    verifyEvent(rawBody, signature) {
      return verifyStripeEvent(rawBody, signature, webhookSecret);
    },
  };
}

/**
 * The one verification both adapters use: `stripe.webhooks.constructEvent` over the raw body with
 * a 300 s tolerance. Any signature problem (missing, malformed, wrong secret, tampered body,
 * stale timestamp) becomes `INVALID_SIGNATURE`.
 */
export function verifyStripeEvent(rawBody: string, signature: string | undefined, webhookSecret: string): TPaymentEvent {
  if (!signature) throw new AppError('INVALID_SIGNATURE', 'The Stripe-Signature header is missing.');
  let event: unknown;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret, webhookToleranceSeconds);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new AppError('INVALID_SIGNATURE', 'The webhook signature is invalid or too old.', { cause: error });
    }
    // Correctly signed but not JSON: only a sender holding our secret could do this.
    throw new AppError('VALIDATION_FAILED', 'The webhook body is not a Stripe event.', { cause: error });
  }
  if (!isPaymentEvent(event)) throw new AppError('VALIDATION_FAILED', 'The webhook body is not a Stripe event.');
  return event;
}

/** Signs a payload as Stripe does (`t=…,v1=…`), for the simulated checkout and for tests. */
export function signStripePayload(rawBody: string, webhookSecret: string, timestampSeconds?: number): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload: rawBody,
    secret: webhookSecret,
    ...(timestampSeconds === undefined ? {} : { timestamp: timestampSeconds }),
  });
}

function isPaymentEvent(value: unknown): value is TPaymentEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as { id?: unknown; type?: unknown; created?: unknown; data?: { object?: { id?: unknown } } };
  return (
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.created === 'number' &&
    typeof event.data?.object === 'object' &&
    event.data.object !== null &&
    typeof event.data.object.id === 'string'
  );
}

/** `http://127.0.0.1:4567` → the SDK's host/port/protocol options (its base path is fixed at `/v1/`). */
export function stripeAddress(apiUrl: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`STRIPE_API_URL must be http(s), got ${apiUrl}`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`STRIPE_API_URL must be an origin without a path, got ${apiUrl}`);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
    protocol,
  };
}

/**
 * Transient failures (network, timeout, 5xx, 429) are `PAYMENT_PROVIDER_UNAVAILABLE`: the caller
 * may retry with the same idempotency key. Anything else Stripe refused (invalid request, bad key,
 * reused idempotency key with other parameters) is our bug or configuration: a plain error with
 * the Stripe error as cause, so it is logged and answered as INTERNAL.
 */
function providerError(action: string, error: unknown): Error {
  if (error instanceof AppError) return error;
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode;
    const isTransient =
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      status === undefined ||
      status === 429 ||
      status >= 500;
    if (isTransient) {
      return new AppError('PAYMENT_PROVIDER_UNAVAILABLE', `Stripe is unavailable: could not ${action}. Retrying is safe.`, { cause: error });
    }
    return new Error(`Stripe refused to ${action}: ${error.rawType ?? error.type}${error.code ? ` (${error.code})` : ''}: ${error.message}`, { cause: error });
  }
  return new AppError('PAYMENT_PROVIDER_UNAVAILABLE', `Stripe is unavailable: could not ${action}. Retrying is safe.`, { cause: error });
}
