import { describe, expect, it } from 'vitest';
import { pledgeStatuses, type TPledgeStatus } from '@koldoo/shared/contracts/pledges.ts';
import { contribution, planPledge, refundedKgs, type TPledgeHappening, type TPledgeState } from './pledge-lifecycle.ts';

const usd = (value: number) => ({ value, currency: 'USD' as const });
const state = (status: TPledgeStatus, method: 'card' | 'bank_transfer' = 'card', refundedMinor = 0): TPledgeState =>
  ({ status, method, refundedMinor, ...(['succeeded', 'partially_refunded', 'refunded'].includes(status) ? { received: usd(1_000) } : {}) });

const happenings: TPledgeHappening[] = [
  { kind: 'pay', received: usd(1_000) },
  { kind: 'fail' },
  { kind: 'expire' },
  { kind: 'cancel' },
  { kind: 'refund', cumulativeMinor: 400 },
  { kind: 'refund', cumulativeMinor: 1_000, received: usd(1_000) },
];

/** Every (status, method, happening) and the status it leads to, or `-` for "no change". */
const expected: Record<string, string> = {
  'pending/card/pay': 'succeeded', 'pending/card/fail': 'failed', 'pending/card/expire': 'expired', 'pending/card/cancel': '-',
  'pending/card/refund400': '-', 'pending/card/refund1000+': 'refunded',
  'pending/bank_transfer/pay': 'succeeded', 'pending/bank_transfer/fail': 'failed', 'pending/bank_transfer/expire': 'expired',
  'pending/bank_transfer/cancel': 'cancelled', 'pending/bank_transfer/refund400': '-', 'pending/bank_transfer/refund1000+': 'refunded',
  'expired/bank_transfer/pay': 'succeeded',
  'succeeded/card/refund400': 'partially_refunded', 'succeeded/card/refund1000+': 'refunded',
  'succeeded/bank_transfer/refund400': 'partially_refunded', 'succeeded/bank_transfer/refund1000+': 'refunded',
  'partially_refunded/card/refund400': 'partially_refunded', 'partially_refunded/card/refund1000+': 'refunded',
  'partially_refunded/bank_transfer/refund400': 'partially_refunded', 'partially_refunded/bank_transfer/refund1000+': 'refunded',
};
const label = (h: TPledgeHappening) => (h.kind === 'refund' ? `refund${h.cumulativeMinor}${h.received ? '+' : ''}` : h.kind);

describe('the pledge state machine', () => {
  for (const status of pledgeStatuses) {
    for (const method of ['card', 'bank_transfer'] as const) {
      for (const happening of happenings) {
        const key = `${status}/${method}/${label(happening)}`;
        it(`${key} → ${expected[key] ?? '-'}`, () => {
          // A partial refund of 200 already happened for partially_refunded pledges.
          const plan = planPledge(state(status, method, status === 'partially_refunded' ? 200 : status === 'refunded' ? 1_000 : 0), happening);
          expect(plan.ok ? plan.status : '-').toBe(expected[key] ?? '-');
        });
      }
    }
  }

  it('a replayed refund of the same cumulative amount changes nothing; more than was paid is refused', () => {
    expect(planPledge(state('partially_refunded', 'card', 400), { kind: 'refund', cumulativeMinor: 400 })).toEqual({ ok: false, why: 'no_change' });
    expect(planPledge(state('succeeded'), { kind: 'refund', cumulativeMinor: 1_001 })).toEqual({ ok: false, why: 'too_much' });
  });

  it('a completion replayed after a refund is "no change", never a resurrection', () => {
    expect(planPledge(state('refunded', 'card', 1_000), { kind: 'pay', received: usd(1_000) })).toEqual({ ok: false, why: 'no_change' });
  });

  it('refunds in KGS are proportional and exact, and the last one takes the remainder', () => {
    expect(refundedKgs(87_451, 1_000, 333)).toBe(29_121);
    expect(refundedKgs(87_451, 1_000, 1_000)).toBe(87_451);
    expect(refundedKgs(Number.MAX_SAFE_INTEGER, 3, 1)).toBe(3_002_399_751_580_330);
  });

  it('counts money of succeeded and partially refunded pledges, and backers only while money is held', () => {
    const base = { kgsMinor: 10_000, refundedKgsMinor: 0, received: usd(100), refundedMinor: 0 };
    expect(contribution({ ...base, status: 'succeeded' })).toMatchObject({ kgsMinor: 10_000, backers: 1, currencyMinor: 100 });
    expect(contribution({ ...base, status: 'partially_refunded', refundedKgsMinor: 4_000, refundedMinor: 40 })).toMatchObject({ kgsMinor: 6_000, backers: 1, currencyMinor: 60 });
    expect(contribution({ ...base, status: 'refunded', refundedKgsMinor: 10_000, refundedMinor: 100 })).toMatchObject({ kgsMinor: 0, backers: 0, currencyMinor: 0 });
    expect(contribution({ ...base, status: 'pending' })).toMatchObject({ kgsMinor: 0, backers: 0 });
  });
});
