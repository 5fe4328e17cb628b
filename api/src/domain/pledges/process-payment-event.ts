import * as z from 'zod';
import { ZCurrency } from '@koldoo/shared/money.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
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
 * Handles one verified payment event, from Stripe's webhook or the simulated checkout. Every
 * pledge change is a conditional state transition, so a replay (or an event that arrives after
 * a later one) plans "no change" and answers `duplicate`. The event id is remembered in the
 * same transaction as the change it caused, or after an event that changed nothing, for the
 * record; `known.pledge` spares a read when the caller has just read the pledge.
 */
export async function processPaymentEvent(
  ctx: TDomainContext,
  rawBody: string,
  signature: string | undefined,
  known: { pledge?: TPledgeRecord } = {},
): Promise<{ outcome: TEventOutcome; pledge?: TPledgeRecord }> {
  if (!ctx.payments) throw new AppError('NOT_FOUND', 'Payments are not configured');
  const event = ctx.payments.verifyEvent(rawBody, signature);
  const target = await happeningOf(ctx, event);
  const markDone = () => markPaymentEventProcessed(ctx.db, event, ctx.clock.now().toISOString());
  if (!target) {
    if (await isPaymentEventProcessed(ctx.db, event.id)) return { outcome: 'duplicate' };
    await markDone();
    return { outcome: 'ignored' };
  }
  // No look-up of the event id first: the pledge's state says whether it was applied.
  const pledge = known.pledge?.id === target.pledgeId ? known.pledge : await getPledge(ctx.db, target.pledgeId);
  if (!pledge) {
    if (await isPaymentEventProcessed(ctx.db, event.id)) return { outcome: 'duplicate' };
    // Not ours (another integration on the same Stripe account): acknowledge, do not retry forever.
    ctx.logger.warn({ eventId: event.id, pledgeId: target.pledgeId }, 'payment event for an unknown pledge');
    await markDone();
    return { outcome: 'ignored' };
  }
  const result = await applyPledgeHappening(ctx, target.pledgeId, target.happening, target.extra, { initial: pledge, event: { id: event.id, type: event.type } });
  ctx.logger.info({ eventId: event.id, type: event.type, pledgeId: target.pledgeId, changed: result.changed, status: result.pledge.status }, 'payment event');
  if (result.changed) return { outcome: 'processed', pledge: result.pledge };
  await markDone();
  return { outcome: 'duplicate', pledge: result.pledge };
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
