import { describe, expect, it } from 'vitest';
import { AppError } from '@koldoo/shared/errors.ts';
import { buildPayments } from '../build-deps.ts';
import type { TSimulatedPayments } from './simulated-payments.ts';
import { signStripePayload, stripeAddress, verifyStripeEvent } from './stripe-payments.ts';

describe('stripeAddress', () => {
  it('splits an API origin into the SDK host, port and protocol options', () => {
    expect(stripeAddress('http://127.0.0.1:4567')).toEqual({ host: '127.0.0.1', port: 4567, protocol: 'http' });
    expect(stripeAddress('https://stripe-mock.internal')).toEqual({ host: 'stripe-mock.internal', port: 443, protocol: 'https' });
    expect(stripeAddress('http://[::1]:12111/')).toEqual({ host: '::1', port: 12111, protocol: 'http' });
  });

  it('refuses a path (the SDK always uses /v1/) or another scheme', () => {
    expect(() => stripeAddress('http://127.0.0.1:4567/v1')).toThrow(/without a path/);
    expect(() => stripeAddress('ftp://127.0.0.1')).toThrow(/http/);
  });
});

describe('verifyStripeEvent', () => {
  const secret = 'whsec_unit_test_secret_for_verify';

  it('refuses a correctly signed body that is not an event (VALIDATION_FAILED, not a crash)', () => {
    const rawBody = JSON.stringify({ hello: 'world' });
    const error = (() => {
      try {
        verifyStripeEvent(rawBody, signStripePayload(rawBody, secret), secret);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
  });
});

describe('buildPayments (env → adapter)', () => {
  const base = { PUBLIC_ORIGIN: 'http://localhost:3000', STRIPE_API_URL: undefined, SIMULATED_WEBHOOK_SECRET: undefined };

  it('uses Stripe when its key is set, and refuses to start without the webhook secret', () => {
    const stripe = buildPayments({ ...base, STRIPE_SECRET_KEY: 'sk_test_unit', STRIPE_WEBHOOK_SECRET: 'whsec_unit', DYNAMODB_ENDPOINT: undefined });
    expect(stripe?.provider).toBe('stripe');
    expect(() =>
      buildPayments({ ...base, STRIPE_SECRET_KEY: 'sk_test_unit', STRIPE_WEBHOOK_SECRET: undefined, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it('simulates checkout on the local platform, with a random secret per process unless one is set', () => {
    const local = { ...base, STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' };
    const a = buildPayments(local);
    const b = buildPayments(local);
    expect(a?.provider).toBe('simulated');
    if (!a || !b) throw new Error('expected simulated payments');
    const signed = (a as TSimulatedPayments).signEvent({
      id: 'evt_1',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cs_sim_1' } },
    });
    expect(a.verifyEvent(signed.rawBody, signed.signature).id).toBe('evt_1');
    expect(() => b.verifyEvent(signed.rawBody, signed.signature)).toThrow(AppError);

    const fixed = buildPayments({ ...local, SIMULATED_WEBHOOK_SECRET: 'whsec_sim_fixed_secret_0001' });
    const rawBody = JSON.stringify({ id: 'evt_2', type: 't', created: 1, data: { object: { id: 'x' } } });
    expect(fixed?.verifyEvent(rawBody, signStripePayload(rawBody, 'whsec_sim_fixed_secret_0001')).id).toBe('evt_2');
  });

  it('has no card payments in the cloud without Stripe keys', () => {
    expect(buildPayments({ ...base, STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, DYNAMODB_ENDPOINT: undefined })).toBeUndefined();
  });
});
