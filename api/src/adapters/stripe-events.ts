import type Stripe from 'stripe';
import type { TPaymentEvent } from '../domain/ports.ts';

/**
 * Pure builders of Stripe-shaped webhook events (the JSON Stripe POSTs to us), for the simulated
 * checkout of the local platform and for tests. Only the fields we read or that tell events apart
 * are filled, with Stripe's real names; `satisfies Partial<Stripe.…>` makes the compiler check the
 * names and value types against the SDK's own types. Type-only import: no SDK code runs here.
 */

/** The envelope of every v1 event. */
export type TStripeEventJson = TPaymentEvent & {
  object: 'event';
  api_version: string | null;
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
};

export type TCheckoutEventType =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired';

function envelope(eventId: string, type: string, created: number, object: Record<string, unknown> & { id: string }): TStripeEventJson {
  return {
    id: eventId,
    object: 'event',
    api_version: null,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/**
 * A `checkout.session.*` event. `created` is in Unix seconds, amounts in minor units, currency in
 * any case (Stripe's JSON is lower-case). `status` follows from the type: `expired` for
 * `checkout.session.expired`, `complete` otherwise.
 */
export function checkoutCompletedEvent(input: {
  eventId: string;
  sessionId: string;
  pledgeId: string;
  /** `null` for a session that expired before a payment intent existed. */
  paymentIntentId: string | null;
  amountTotal: number;
  currency: string;
  paymentStatus: 'paid' | 'unpaid';
  type?: TCheckoutEventType;
  created: number;
  customerEmail?: string;
}): TStripeEventJson {
  const type = input.type ?? 'checkout.session.completed';
  const session = {
    id: input.sessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: type === 'checkout.session.expired' ? 'expired' : 'complete',
    payment_status: input.paymentStatus,
    payment_intent: input.paymentIntentId,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    currency: input.currency.toLowerCase(),
    client_reference_id: input.pledgeId,
    customer_email: input.customerEmail ?? null,
    metadata: { pledgeId: input.pledgeId },
    created: input.created,
    livemode: false,
    url: null,
  } satisfies Partial<Stripe.Checkout.Session>;
  return envelope(input.eventId, type, input.created, session);
}

/**
 * A `charge.refunded` event: `amount` is what was charged, `amountRefunded` the total refunded so
 * far (Stripe sends the running total, not this refund's amount); `refunded` is true once it
 * is all refunded. Without `pledgeId` the charge carries no metadata, as when the payment intent's
 * metadata was not copied: the receiver must then ask Stripe which pledge it belongs to.
 */
export function chargeRefundedEvent(input: {
  eventId: string;
  chargeId: string;
  paymentIntentId: string;
  pledgeId?: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  created: number;
}): TStripeEventJson {
  const charge = {
    id: input.chargeId,
    object: 'charge',
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: input.amountRefunded,
    refunded: input.amountRefunded >= input.amount,
    captured: true,
    paid: true,
    status: 'succeeded',
    currency: input.currency.toLowerCase(),
    payment_intent: input.paymentIntentId,
    metadata: input.pledgeId === undefined ? {} : { pledgeId: input.pledgeId },
    created: input.created,
    livemode: false,
  } satisfies Partial<Stripe.Charge>;
  return envelope(input.eventId, 'charge.refunded', input.created, charge);
}
