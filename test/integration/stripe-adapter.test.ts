import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@koldoo/shared/errors.ts';
import { checkoutCompletedEvent } from '@koldoo/api/adapters/stripe-events.ts';
import { signStripeEvent, startStripeFake, stripePaymentsForFake, type TStripeFake } from '../support/stripe-fake.ts';

/**
 * The real `stripe` SDK (through our adapter) against the local fake: what the SDK puts on the
 * wire, idempotency, retries, failures, the payment-intent lookup and webhook signatures.
 * Needs no DynamoDB; it lives with the integration tests because it opens sockets.
 */

let fake: TStripeFake;
/** Every outgoing HTTP request of this worker, seen by Node itself (http and fetch). */
const outgoingHosts: string[] = [];
const onHttp = (message: unknown) => {
  const request = (message as { request: ClientRequest }).request;
  outgoingHosts.push(`${request.host}`);
};
const onFetch = (message: unknown) => {
  outgoingHosts.push(new URL((message as { request: { origin: string } }).request.origin).hostname);
};

beforeAll(async () => {
  diagnosticsChannel.subscribe('http.client.request.start', onHttp);
  diagnosticsChannel.subscribe('undici:request:create', onFetch);
  fake = await startStripeFake();
});
afterAll(async () => {
  diagnosticsChannel.unsubscribe('http.client.request.start', onHttp);
  diagnosticsChannel.unsubscribe('undici:request:create', onFetch);
  await fake?.close();
});
beforeEach(() => fake.reset());

const pledgeId = '01JPLEDGESTRIPE00000000001';
function checkoutInput(overrides: Partial<Parameters<ReturnType<typeof stripePaymentsForFake>['payments']['createCheckout']>[0]> = {}) {
  return {
    pledgeId,
    amount: { value: 250_000, currency: 'USD' },
    description: 'Koldoo pledge: school roof in Kara-Suu',
    email: 'donor@example.kg',
    successUrl: 'http://localhost:3000/projects/p1?pledge=01JPLEDGESTRIPE00000000001&status=success',
    cancelUrl: 'http://localhost:3000/projects/p1?pledge=01JPLEDGESTRIPE00000000001&status=cancel',
    idempotencyKey: `checkout-${pledgeId}`,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createCheckout', () => {
  it('creates a Checkout Session with the pledge id, amount, currency, urls and idempotency key', async () => {
    const { payments } = stripePaymentsForFake(fake);
    const checkout = await payments.createCheckout(checkoutInput());

    expect(checkout.sessionId).toMatch(/^cs_test_/);
    expect(checkout.url).toBe(`${fake.url}/c/pay/${checkout.sessionId}`);
    const [request, ...others] = fake.requests;
    expect(others).toEqual([]);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', idempotencyKey: `checkout-${pledgeId}`, status: 200 });
    expect(request!.host).toBe(new URL(fake.url).host);
    expect(request!.body).toEqual({
      mode: 'payment',
      line_items: [{ quantity: '1', price_data: { currency: 'usd', unit_amount: '250000', product_data: { name: 'Koldoo pledge: school roof in Kara-Suu' } } }],
      customer_email: 'donor@example.kg',
      success_url: checkoutInput().successUrl,
      cancel_url: checkoutInput().cancelUrl,
      client_reference_id: pledgeId,
      metadata: { pledgeId },
      payment_intent_data: { metadata: { pledgeId } },
    });
    expect(fake.sessions.get(checkout.sessionId)).toMatchObject({ amount_total: 250_000, currency: 'usd', metadata: { pledgeId }, status: 'open' });
  });

  it('returns the same session when called again with the same key', async () => {
    const { payments } = stripePaymentsForFake(fake);
    const first = await payments.createCheckout(checkoutInput());
    const second = await payments.createCheckout(checkoutInput());

    expect(second).toEqual(first);
    expect(fake.sessions.size).toBe(1);
    expect(fake.requestsTo('POST', '/v1/checkout/sessions').map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      [`checkout-${pledgeId}`, false],
      [`checkout-${pledgeId}`, true],
    ]);
  });

  it('reports a key reused with other parameters as our bug, not as an outage', async () => {
    const { payments } = stripePaymentsForFake(fake);
    await payments.createCheckout(checkoutInput());
    const error = await rejection(payments.createCheckout(checkoutInput({ amount: { value: 999, currency: 'USD' } })));

    expect(error).not.toBeInstanceOf(AppError);
    expect((error as Error).message).toMatch(/idempotency_error/);
    expect(fake.sessions.size).toBe(1);
  });

  it('survives one 500 through the SDK retry, resending the same idempotency key', async () => {
    const { payments } = stripePaymentsForFake(fake);
    fake.failNext(1);
    const checkout = await payments.createCheckout(checkoutInput());

    expect(fake.sessions.size).toBe(1);
    expect(fake.requests.map((r) => [r.status, r.idempotencyKey])).toEqual([
      [500, `checkout-${pledgeId}`],
      [200, `checkout-${pledgeId}`],
    ]);
    expect(checkout.sessionId).toBe([...fake.sessions.keys()][0]);
  });

  it('turns 500s that outlast the retries into PAYMENT_PROVIDER_UNAVAILABLE; a later retry succeeds once', async () => {
    const { payments } = stripePaymentsForFake(fake); // the default: 2 SDK retries
    fake.failNext(3);
    const error = await rejection(payments.createCheckout(checkoutInput()));

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect((error as AppError).status).toBe(502);
    expect((error as AppError).cause).toBeDefined();
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500]);
    expect(fake.sessions.size).toBe(0);

    const retried = await payments.createCheckout(checkoutInput());
    expect(fake.sessions.size).toBe(1);
    expect(retried.sessionId).toBe([...fake.sessions.keys()][0]);
  });

  it('turns a dropped connection and a timeout into PAYMENT_PROVIDER_UNAVAILABLE', async () => {
    const { payments } = stripePaymentsForFake(fake, { maxNetworkRetries: 0, timeoutMs: 300 });
    // The SDK retries a reset connection once even with retries off; both attempts are dropped.
    fake.failNext(2, 'reset');
    const dropped = await rejection(payments.createCheckout(checkoutInput()));
    expect((dropped as AppError).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(fake.requests).toHaveLength(2);

    fake.failNext(1, 'hang');
    const started = Date.now();
    const timedOut = await rejection(payments.createCheckout(checkoutInput()));
    expect((timedOut as AppError).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.sessions.size).toBe(0);
  });
});

describe('refund', () => {
  async function paidCheckout() {
    const { payments, webhookSecret } = stripePaymentsForFake(fake);
    const checkout = await payments.createCheckout(checkoutInput());
    const session = fake.completeSession(checkout.sessionId);
    return { payments, webhookSecret, session, paymentIntentId: session.payment_intent! };
  }

  it('refunds once for the same key, however often it is asked', async () => {
    const { payments, paymentIntentId } = await paidCheckout();
    const input = { paymentIntentId, amountMinor: 100_000, idempotencyKey: `refund-${pledgeId}-1`, pledgeId };
    const first = await payments.refund(input);
    const second = await payments.refund(input);

    expect(second).toEqual(first);
    expect(first).toEqual({ refundId: fake.refunds[0]!.id, status: 'succeeded' });
    expect(fake.refunds).toHaveLength(1);
    expect(fake.refunds[0]).toMatchObject({ amount: 100_000, payment_intent: paymentIntentId, metadata: { pledgeId } });
    expect(fake.chargeOf(paymentIntentId).amount_refunded).toBe(100_000);
    expect(fake.requestsTo('POST', '/v1/refunds').map((r) => [r.idempotencyKey, r.replayed, r.body])).toEqual([
      [`refund-${pledgeId}-1`, false, { payment_intent: paymentIntentId, amount: '100000', metadata: { pledgeId } }],
      [`refund-${pledgeId}-1`, true, { payment_intent: paymentIntentId, amount: '100000', metadata: { pledgeId } }],
    ]);
  });

  it('is refused, not reported as an outage, beyond what is left to refund', async () => {
    const { payments, paymentIntentId } = await paidCheckout();
    await payments.refund({ paymentIntentId, amountMinor: 100_000, idempotencyKey: 'refund-a', pledgeId });
    const error = await rejection(payments.refund({ paymentIntentId, amountMinor: 200_000, idempotencyKey: 'refund-b', pledgeId }));

    expect(error).not.toBeInstanceOf(AppError);
    expect((error as Error).message).toMatch(/greater than unrefunded amount/);
    expect(fake.refunds).toHaveLength(1);
    expect(fake.chargeOf(paymentIntentId)).toMatchObject({ amount_refunded: 100_000, refunded: false });
  });

  it('turns a failing Stripe into PAYMENT_PROVIDER_UNAVAILABLE and refunds nothing', async () => {
    const { paymentIntentId } = await paidCheckout();
    const { payments } = stripePaymentsForFake(fake, { maxNetworkRetries: 0 });
    fake.failNext(1, 503);
    const error = await rejection(payments.refund({ paymentIntentId, amountMinor: 1_000, idempotencyKey: 'refund-c', pledgeId }));

    expect((error as AppError).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(fake.refunds).toHaveLength(0);
    expect(fake.chargeOf(paymentIntentId).amount_refunded).toBe(0);
  });
});

describe('findPledgeIdForPaymentIntent', () => {
  it('lists checkout sessions by payment intent and reads metadata.pledgeId', async () => {
    const { payments } = stripePaymentsForFake(fake);
    await payments.createCheckout(checkoutInput({ pledgeId: 'OTHER', idempotencyKey: 'checkout-OTHER' }));
    const checkout = await payments.createCheckout(checkoutInput());
    const { payment_intent: paymentIntentId } = fake.completeSession(checkout.sessionId);

    expect(paymentIntentId).toMatch(/^pi_/);
    expect(await payments.findPledgeIdForPaymentIntent(paymentIntentId!)).toBe(pledgeId);
    expect(await payments.findPledgeIdForPaymentIntent('pi_unknown')).toBeUndefined();
    expect(fake.requestsTo('GET', '/v1/checkout/sessions').map((r) => r.query)).toEqual([
      { payment_intent: paymentIntentId, limit: '1' },
      { payment_intent: 'pi_unknown', limit: '1' },
    ]);
  });
});

describe('verifyEvent', () => {
  async function completedEvent() {
    const { payments, webhookSecret } = stripePaymentsForFake(fake);
    const checkout = await payments.createCheckout(checkoutInput());
    const session = fake.completeSession(checkout.sessionId);
    const event = checkoutCompletedEvent({
      eventId: 'evt_test_1',
      sessionId: session.id,
      pledgeId: session.metadata.pledgeId!,
      paymentIntentId: session.payment_intent,
      amountTotal: session.amount_total,
      currency: session.currency,
      paymentStatus: session.payment_status,
      created: Math.floor(Date.now() / 1000),
    });
    return { payments, webhookSecret, event };
  }

  it('accepts an event signed with generateTestHeaderString and our secret', async () => {
    const { payments, webhookSecret, event } = await completedEvent();
    const { rawBody, signature } = signStripeEvent(event, webhookSecret);
    const verified = payments.verifyEvent(rawBody, signature);

    expect(verified).toEqual(event);
    expect(verified.data.object).toMatchObject({ metadata: { pledgeId }, amount_total: 250_000, currency: 'usd', payment_status: 'paid' });
  });

  it('refuses a stale, foreign, tampered or missing signature with INVALID_SIGNATURE', async () => {
    const { payments, webhookSecret, event } = await completedEvent();
    const stale = signStripeEvent(event, webhookSecret, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const foreign = signStripeEvent(event, 'whsec_someone_else');
    const good = signStripeEvent(event, webhookSecret);
    const attempts: [string, string | undefined][] = [
      [stale.rawBody, stale.signature],
      [foreign.rawBody, foreign.signature],
      [good.rawBody.replace('"paid"', '"unpaid"'), good.signature],
      [good.rawBody, undefined],
    ];
    for (const [rawBody, signature] of attempts) {
      let caught: unknown;
      try {
        payments.verifyEvent(rawBody, signature);
      } catch (error) {
        caught = error;
      }
      expect((caught as AppError | undefined)?.code).toBe('INVALID_SIGNATURE');
    }
  });
});

describe('isolation', () => {
  it('sent every request of this file to 127.0.0.1 only', () => {
    expect(outgoingHosts.length).toBeGreaterThan(10);
    expect(new Set(outgoingHosts)).toEqual(new Set(['127.0.0.1']));
  });
});
