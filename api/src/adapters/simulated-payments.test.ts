import { describe, expect, it } from 'vitest';
import { AppError } from '@koldoo/shared/errors.ts';
import { createSimulatedPayments, simulatedPaymentIntentId } from './simulated-payments.ts';
import { chargeRefundedEvent, checkoutCompletedEvent } from './stripe-events.ts';
import { signStripePayload } from './stripe-payments.ts';

const webhookSecret = 'whsec_sim_unit_test_secret_0123456789';
const payments = createSimulatedPayments({ webhookSecret, publicOrigin: 'http://localhost:3000/' });
const now = () => Math.floor(Date.now() / 1000);

function completed(pledgeId = '01JPLEDGE0000000000000000A') {
  return checkoutCompletedEvent({
    eventId: 'evt_sim_1',
    sessionId: `cs_sim_${pledgeId}`,
    pledgeId,
    paymentIntentId: simulatedPaymentIntentId(pledgeId),
    amountTotal: 150_000,
    currency: 'KGS',
    paymentStatus: 'paid',
    created: now(),
  });
}

function expectInvalidSignature(run: () => unknown) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('INVALID_SIGNATURE');
  expect((caught as AppError).status).toBe(400);
}

describe('simulated payments: signatures', () => {
  it('verifies what it signed, returning the same event', () => {
    const event = completed();
    const { rawBody, signature } = payments.signEvent(event);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(payments.verifyEvent(rawBody, signature)).toEqual(event);
  });

  it('refuses a tampered body', () => {
    const { rawBody, signature } = payments.signEvent(completed());
    const tampered = rawBody.replace('"amount_total":150000', '"amount_total":15000000');
    expect(tampered).not.toBe(rawBody);
    expectInvalidSignature(() => payments.verifyEvent(tampered, signature));
  });

  it('refuses a signature older than 300 s and accepts one just inside the tolerance', () => {
    const rawBody = JSON.stringify(completed());
    expectInvalidSignature(() => payments.verifyEvent(rawBody, signStripePayload(rawBody, webhookSecret, now() - 301)));
    expect(payments.verifyEvent(rawBody, signStripePayload(rawBody, webhookSecret, now() - 290)).id).toBe('evt_sim_1');
  });

  it('refuses a missing, empty or malformed signature', () => {
    const rawBody = JSON.stringify(completed());
    expectInvalidSignature(() => payments.verifyEvent(rawBody, undefined));
    expectInvalidSignature(() => payments.verifyEvent(rawBody, ''));
    expectInvalidSignature(() => payments.verifyEvent(rawBody, 'not-a-stripe-signature'));
  });

  it('refuses an event signed with another secret (e.g. another process)', () => {
    const other = createSimulatedPayments({ webhookSecret: 'whsec_sim_some_other_secret_987654', publicOrigin: 'http://localhost:3000' });
    const { rawBody, signature } = other.signEvent(completed());
    expectInvalidSignature(() => payments.verifyEvent(rawBody, signature));
  });
});

describe('simulated payments: checkout, refunds, lookups', () => {
  it('sends the donor to the TEST MODE page of the pledge, without a query', async () => {
    const checkout = await payments.createCheckout({
      pledgeId: '01JPLEDGE0000000000000000B',
      amount: { value: 5_000, currency: 'USD' },
      description: 'Water pipe for Ak-Suu',
      email: 'donor@example.kg',
      successUrl: 'http://localhost:3000/projects/p1?pledge=ok',
      cancelUrl: 'http://localhost:3000/projects/p1',
      idempotencyKey: 'checkout-01JPLEDGE0000000000000000B',
    });
    expect(checkout).toEqual({
      sessionId: 'cs_sim_01JPLEDGE0000000000000000B',
      url: 'http://localhost:3000/pledges/01JPLEDGE0000000000000000B/checkout',
    });
  });

  it('refunds deterministically by idempotency key', async () => {
    const input = { paymentIntentId: 'pi_sim_X', amountMinor: 100, idempotencyKey: 'refund-X-1', pledgeId: 'X' };
    const first = await payments.refund(input);
    expect(first.status).toBe('succeeded');
    expect(first.refundId).toMatch(/^re_sim_[0-9a-f]{24}$/);
    expect(await payments.refund(input)).toEqual(first);
    expect((await payments.refund({ ...input, idempotencyKey: 'refund-X-2' })).refundId).not.toBe(first.refundId);
  });

  it('reads the pledge id back from a simulated payment intent only', async () => {
    expect(await payments.findPledgeIdForPaymentIntent(simulatedPaymentIntentId('01JPLEDGE0000000000000000C'))).toBe('01JPLEDGE0000000000000000C');
    expect(await payments.findPledgeIdForPaymentIntent('pi_3Nxyz')).toBeUndefined();
    expect(await payments.findPledgeIdForPaymentIntent('pi_sim_')).toBeUndefined();
  });
});

describe('Stripe-shaped event builders', () => {
  it('builds checkout.session.* events with Stripe field names', () => {
    const event = completed('P1');
    expect(event).toMatchObject({
      object: 'event',
      type: 'checkout.session.completed',
      livemode: false,
      data: {
        object: {
          id: 'cs_sim_P1',
          object: 'checkout.session',
          status: 'complete',
          payment_status: 'paid',
          payment_intent: 'pi_sim_P1',
          amount_total: 150_000,
          currency: 'kgs',
          client_reference_id: 'P1',
          metadata: { pledgeId: 'P1' },
        },
      },
    });
    const expired = checkoutCompletedEvent({
      eventId: 'evt_2',
      sessionId: 'cs_2',
      pledgeId: 'P2',
      paymentIntentId: null,
      amountTotal: 1,
      currency: 'eur',
      paymentStatus: 'unpaid',
      type: 'checkout.session.expired',
      created: 1,
    });
    expect(expired.type).toBe('checkout.session.expired');
    expect(expired.data.object).toMatchObject({ status: 'expired', payment_status: 'unpaid', payment_intent: null });
  });

  it('builds charge.refunded with the running refunded total and optional metadata', () => {
    const partial = chargeRefundedEvent({
      eventId: 'evt_3',
      chargeId: 'ch_1',
      paymentIntentId: 'pi_1',
      pledgeId: 'P3',
      amount: 1_000,
      amountRefunded: 400,
      currency: 'USD',
      created: 2,
    });
    expect(partial.type).toBe('charge.refunded');
    expect(partial.data.object).toMatchObject({
      object: 'charge',
      amount: 1_000,
      amount_refunded: 400,
      refunded: false,
      currency: 'usd',
      payment_intent: 'pi_1',
      metadata: { pledgeId: 'P3' },
    });
    const full = chargeRefundedEvent({ eventId: 'evt_4', chargeId: 'ch_1', paymentIntentId: 'pi_1', amount: 1_000, amountRefunded: 1_000, currency: 'usd', created: 3 });
    expect(full.data.object).toMatchObject({ refunded: true, metadata: {} });
    // What the simulated checkout signs goes through the same verification as Stripe's webhooks.
    const { rawBody, signature } = payments.signEvent(full);
    expect(payments.verifyEvent(rawBody, signature)).toEqual(full);
  });
});
