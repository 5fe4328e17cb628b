import { createHash } from 'node:crypto';
import type { TPaymentEvent, TPayments } from '../domain/ports.ts';
import { signStripePayload, verifyStripeEvent } from './stripe-payments.ts';
import { simulatedPaymentIntentPrefix, simulatedSessionId } from './simulated-ids.ts';

export type TSimulatedPayments = TPayments & {
  readonly provider: 'simulated';
  /** Signs an event exactly as Stripe signs a webhook; `verifyEvent` accepts the result. */
  signEvent(event: TPaymentEvent): { rawBody: string; signature: string };
};

const paymentIntentPrefix = simulatedPaymentIntentPrefix;

export { simulatedChargeId, simulatedPaymentIntentId, simulatedSessionId } from './simulated-ids.ts';

/**
 * The local platform's payments when no Stripe keys are set: no network at all. Checkout is the
 * web app's TEST MODE page; its confirm and decline buttons produce events signed here with
 * Stripe's own scheme, and they go through the same verification and processing as Stripe's
 * webhooks. Refunds "succeed" at once.
 */
export function createSimulatedPayments(options: { webhookSecret: string; publicOrigin: string }): TSimulatedPayments {
  if (!options.webhookSecret) throw new Error('createSimulatedPayments: webhookSecret is required');
  const { webhookSecret } = options;
  const origin = new URL(options.publicOrigin).origin;

  return {
    provider: 'simulated',

    async createCheckout(input) {
      // The caller appends the pledge's access token to the url; we add no query here.
      return {
        sessionId: simulatedSessionId(input.pledgeId),
        url: `${origin}/pledges/${encodeURIComponent(input.pledgeId)}/checkout`,
      };
    },

    async refund(input) {
      const digest = createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 24);
      return { refundId: `re_sim_${digest}`, status: 'succeeded' };
    },

    async findPledgeIdForPaymentIntent(paymentIntentId) {
      if (!paymentIntentId.startsWith(paymentIntentPrefix)) return undefined;
      const pledgeId = paymentIntentId.slice(paymentIntentPrefix.length);
      return pledgeId === '' ? undefined : pledgeId;
    },

    verifyEvent(rawBody, signature) {
      return verifyStripeEvent(rawBody, signature, webhookSecret);
    },

    signEvent(event) {
      const rawBody = JSON.stringify(event);
      return { rawBody, signature: signStripePayload(rawBody, webhookSecret) };
    },
  };
}
