import type { TAmount, TPledgeStatus } from '@koldoo/shared/contracts/pledges.ts';
import { divideHalfUp } from '@koldoo/shared/rate-decimal.ts';

/**
 * What can happen to a pledge. `pay` is money that arrived (Stripe's completion or the
 * treasurer's reconciliation); `refund` carries the cumulative amount refunded so far, as
 * Stripe's `charge.refunded` does, which makes every replay of it harmless.
 */
export type TPledgeHappening =
  | { kind: 'pay'; received: TAmount }
  | { kind: 'fail' }
  | { kind: 'expire' }
  | { kind: 'cancel' }
  | { kind: 'refund'; cumulativeMinor: number; received?: TAmount };

export type TPledgeState = {
  status: TPledgeStatus;
  method: 'card' | 'bank_transfer';
  received?: TAmount;
  refundedMinor: number;
};

export type TPledgePlan =
  | { ok: true; status: TPledgeStatus; received?: TAmount; refundedMinor: number; isNew: { paid: boolean } }
  | { ok: false; why: 'no_change' | 'wrong_state' | 'too_much' };

/** Statuses whose money counts in the project's raised amount and backer count. */
export const countedStatuses: readonly TPledgeStatus[] = ['succeeded', 'partially_refunded'];
/** Statuses where money has arrived at some point (the ledger shows them). */
export const paidStatuses: readonly TPledgeStatus[] = ['succeeded', 'partially_refunded', 'refunded'];

/**
 * Pure: the state after a happening, or why nothing changes. Replays and events arriving out
 * of order land on `no_change` or `wrong_state`, which callers treat as "already done":
 * - a completion after a refund does not resurrect the pledge;
 * - a refund that overtakes its completion pays and refunds in one step;
 * - an expired bank transfer can still be reconciled, because the money did arrive.
 */
export function planPledge(state: TPledgeState, happening: TPledgeHappening): TPledgePlan {
  const { status } = state;
  switch (happening.kind) {
    case 'pay': {
      const canPay = status === 'pending' || (status === 'expired' && state.method === 'bank_transfer');
      if (canPay) return { ok: true, status: 'succeeded', received: happening.received, refundedMinor: 0, isNew: { paid: true } };
      return { ok: false, why: paidStatuses.includes(status) ? 'no_change' : 'wrong_state' };
    }
    case 'fail':
    case 'expire':
    case 'cancel': {
      if (status !== 'pending') return { ok: false, why: 'wrong_state' };
      if (happening.kind === 'cancel' && state.method !== 'bank_transfer') return { ok: false, why: 'wrong_state' };
      const to = happening.kind === 'fail' ? 'failed' : happening.kind === 'expire' ? 'expired' : 'cancelled';
      return { ok: true, status: to, refundedMinor: 0, isNew: { paid: false } };
    }
    case 'refund': {
      const overtakes = status === 'pending' && happening.received !== undefined;
      if (!overtakes && !paidStatuses.includes(status)) return { ok: false, why: 'wrong_state' };
      const received = overtakes ? happening.received : state.received;
      if (!received) return { ok: false, why: 'wrong_state' };
      const already = overtakes ? 0 : state.refundedMinor;
      if (happening.cumulativeMinor <= already) return { ok: false, why: 'no_change' };
      if (happening.cumulativeMinor > received.value) return { ok: false, why: 'too_much' };
      const to = happening.cumulativeMinor === received.value ? 'refunded' : 'partially_refunded';
      return { ok: true, status: to, received, refundedMinor: happening.cumulativeMinor, isNew: { paid: overtakes } };
    }
  }
}

/** The KGS part of a refund, in proportion to the rate the pledge was counted at. Exact integers. */
export function refundedKgs(kgsMinor: number, receivedMinor: number, refundedMinor: number): number {
  if (refundedMinor >= receivedMinor) return kgsMinor;
  return Number(divideHalfUp(BigInt(kgsMinor) * BigInt(refundedMinor), BigInt(receivedMinor)));
}

/** What a pledge in this state adds to the project's counters. */
export function contribution(p: { status: TPledgeStatus; kgsMinor?: number; refundedKgsMinor: number; received?: TAmount; refundedMinor: number }) {
  const hasMoney = paidStatuses.includes(p.status);
  return {
    kgsMinor: hasMoney ? (p.kgsMinor ?? 0) - p.refundedKgsMinor : 0,
    backers: countedStatuses.includes(p.status) ? 1 : 0,
    currency: p.received?.currency,
    currencyMinor: hasMoney && p.received ? p.received.value - p.refundedMinor : 0,
  };
}
