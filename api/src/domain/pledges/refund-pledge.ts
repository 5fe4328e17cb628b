import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZRefundInput } from '@koldoo/shared/contracts/pledges.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { claimRefund, getPledge, updatePledgeFields } from '../../data/pledges-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { applyPledgeHappening } from './apply-pledge-happening.ts';

const refundLeaseMs = 10 * 60 * 1000;

/** A moderator refunds one pledge, whole or in part. Cards through Stripe; transfers by hand, with the bank's reference. */
export async function refundPledge(ctx: TDomainContext, viewer: TMe | undefined, pledgeId: string, body: unknown): Promise<TPledgeRecord> {
  requireModerator(viewer);
  const input = parseInput(ZRefundInput, body);
  const pledge = await getPledge(ctx.db, pledgeId);
  if (!pledge) throw new AppError('NOT_FOUND', 'No such pledge');
  if (pledge.status !== 'succeeded' && pledge.status !== 'partially_refunded') throw new AppError('CONFLICT', `A ${pledge.status} pledge cannot be refunded`);
  const remaining = (pledge.received?.value ?? 0) - pledge.refundedMinor;
  const amount = input.amount?.value ?? remaining;
  if (amount > remaining) {
    throw new AppError('VALIDATION_FAILED', 'More than the pledge still holds', { issues: [{ path: 'amount.value', message: `At most ${remaining}`, code: 'too_big' }] });
  }
  if (pledge.method === 'bank_transfer') {
    if (!input.reference) throw new AppError('VALIDATION_FAILED', 'Give the bank reference of the refund', { issues: [{ path: 'reference', message: 'Required for bank refunds', code: 'required' }] });
    return (await settleRefund(ctx, pledge, amount, { refundReference: input.reference, refundReason: input.reason })).pledge;
  }
  return refundCard(ctx, pledge, amount, input.reason);
}

/**
 * Card refunds: take the claim (so two moderators, or a moderator and the expiry job, cannot
 * both refund), ask Stripe with an idempotency key naming the target cumulative amount, then
 * record it. The later `charge.refunded` webhook finds it already recorded.
 */
export async function refundCard(ctx: TDomainContext, pledge: TPledgeRecord, amount: number, reason: string): Promise<TPledgeRecord> {
  if (!ctx.payments) throw new AppError('SERVICE_UNAVAILABLE', 'Card payments are not configured');
  if (!pledge.paymentIntentId) throw new AppError('CONFLICT', 'This card payment has no payment intent to refund');
  if (!(await claimRefund(ctx.db, pledge.id, ctx.clock.now().toISOString(), refundLeaseMs))) {
    throw new AppError('CONFLICT', 'A refund of this pledge is already under way');
  }
  const cumulative = pledge.refundedMinor + amount;
  await ctx.payments.refund({ paymentIntentId: pledge.paymentIntentId, amountMinor: amount, idempotencyKey: `refund-${pledge.id}-${cumulative}`, pledgeId: pledge.id });
  return (await settleRefund(ctx, pledge, amount, { refundReason: reason })).pledge;
}

async function settleRefund(ctx: TDomainContext, pledge: TPledgeRecord, amount: number, extra: Partial<TPledgeRecord>) {
  const result = await applyPledgeHappening(ctx, pledge.id, { kind: 'refund', cumulativeMinor: pledge.refundedMinor + amount }, { ...extra, refundClaimedAt: undefined });
  if (!result.changed && result.why === 'wrong_state') throw new AppError('CONFLICT', `This pledge is ${result.pledge.status}`);
  // Stripe's charge.refunded webhook recorded this refund first: release our claim, or it blocks the next refund until the lease ends.
  if (!result.changed && result.pledge.refundClaimedAt) await updatePledgeFields(ctx.db, result.pledge, { refundClaimedAt: undefined });
  return result;
}
