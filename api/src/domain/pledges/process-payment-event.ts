import { z } from 'zod';
import { ZCurrency } from '@koldoo/shared/money.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { getPledge, isPaymentEventProcessed, markPaymentEventProcessed } from '../../data/pledges-repo.ts';
import type { TDomainContext } from '../context.ts';
import type { TPaymentEvent } from '../ports.ts';
import { applyPledgeHappening } from './apply-pledge-happening.ts';
import type { TPledgeHappening } from './pledge-lifecycle.ts';

const ZStripeCurrency = z.string().transform((c) => c.toUpperCase()).pipe(ZCurrency);
const ZSession = z.object({
  id: z.string(),
  metadata: z.object({ pledgeId: z.string() }),
  payment_intent: z.string().nullish(),
  amount_total: z.number().int().nonnegative(),
  currency: ZStripeCurrency,
  payment_status: z.string(),
});
const ZCharge = z.object({
  id: z.string(),
  payment_intent: z.string(),
  amount: z.number().int().positive(),
  amount_refunded: z.number().int().nonnegative(),
  currency: ZStripeCurrency,
  metadata: z.object({ pledgeId: z.string().optional() }).partial().default({}),
});

export type TEventOutcome = 'processed' | 'duplicate' | 'ignored';

/**
 * Handles one verified payment event, from Stripe's webhook or the simulated checkout. Events
 * are idempotent twice over: a processed event id is remembered, and every pledge change is a
 * conditional state transition, so a replay that slips past the first check changes nothing.
 * The id is remembered only after the change is committed: a crash in between means Stripe's
 * retry repeats a harmless no-op rather than losing the payment.
 */
export async function processPaymentEvent(ctx: TDomainContext, rawBody: string, signature: string | undefined): Promise<TEventOutcome> {
  if (!ctx.payments) throw new AppError('NOT_FOUND', 'Payments are not configured');
  const event = ctx.payments.verifyEvent(rawBody, signature);
  if (await isPaymentEventProcessed(ctx.db, event.id)) return 'duplicate';
  const target = await happeningOf(ctx, event);
  if (!target) {
    await markPaymentEventProcessed(ctx.db, event, ctx.clock.now().toISOString());
    return 'ignored';
  }
  const exists = await getPledge(ctx.db, target.pledgeId);
  if (!exists) {
    // Not ours (another integration on the same Stripe account): acknowledge, do not retry forever.
    ctx.logger.warn({ eventId: event.id, pledgeId: target.pledgeId }, 'payment event for an unknown pledge');
    await markPaymentEventProcessed(ctx.db, event, ctx.clock.now().toISOString());
    return 'ignored';
  }
  const result = await applyPledgeHappening(ctx, target.pledgeId, target.happening, target.extra);
  ctx.logger.info({ eventId: event.id, type: event.type, pledgeId: target.pledgeId, changed: result.changed, status: result.pledge.status }, 'payment event');
  await markPaymentEventProcessed(ctx.db, event, ctx.clock.now().toISOString());
  return 'processed';
}

type TTarget = { pledgeId: string; happening: TPledgeHappening; extra?: { paymentIntentId?: string } };

async function happeningOf(ctx: TDomainContext, event: TPaymentEvent): Promise<TTarget | undefined> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = ZSession.parse(event.data.object);
      // `unpaid` on completion means a delayed method (bank debit): wait for async_payment_succeeded.
      if (session.payment_status !== 'paid') return undefined;
      const received = { value: session.amount_total, currency: session.currency };
      return { pledgeId: session.metadata.pledgeId, happening: { kind: 'pay', received }, extra: paymentIntent(session.payment_intent) };
    }
    case 'checkout.session.async_payment_failed':
      return { pledgeId: ZSession.parse(event.data.object).metadata.pledgeId, happening: { kind: 'fail' } };
    case 'checkout.session.expired':
      return { pledgeId: ZSession.parse(event.data.object).metadata.pledgeId, happening: { kind: 'expire' } };
    case 'charge.refunded': {
      const charge = ZCharge.parse(event.data.object);
      // Charges do not always carry our metadata; ask Stripe which checkout the payment came from.
      const pledgeId = charge.metadata.pledgeId ?? (await ctx.payments?.findPledgeIdForPaymentIntent(charge.payment_intent));
      if (!pledgeId) return undefined;
      const received = { value: charge.amount, currency: charge.currency };
      return { pledgeId, happening: { kind: 'refund', cumulativeMinor: charge.amount_refunded, received }, extra: paymentIntent(charge.payment_intent) };
    }
    default:
      return undefined;
  }
}

function paymentIntent(id: string | null | undefined) {
  return id ? { paymentIntentId: id } : {};
}
