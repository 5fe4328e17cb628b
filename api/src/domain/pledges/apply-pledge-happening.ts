import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { commitPledgeChange, getPledge, type TLedgerItem } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import { pickText } from '@koldoo/shared/contracts/text.ts';
import { getRate } from '../../data/rates-repo.ts';
import type { TDomainContext } from '../context.ts';
import { forgetPublicProjectReads } from '../projects/public-project-cache.ts';
import { convertToKgsMinor } from '@koldoo/shared/convert-to-kgs.ts';
import { contribution, planPledge, refundedKgs, type TPledgeHappening } from './pledge-lifecycle.ts';
import { reachFundingGoal } from './reach-funding-goal.ts';
import { sendPledgeReceipt } from './send-pledge-mail.ts';

export type TApplied = { pledge: TPledgeRecord; changed: boolean; why?: 'no_change' | 'wrong_state' };

/**
 * The one path by which money moves: read the pledge, plan the change in pure code, and commit
 * pledge + project counters + ledger entries in one transaction conditioned on the pledge's
 * version. If another writer got there first, read again and re-plan: a duplicate then plans
 * to "no change", which is how replays, retries and racing webhooks end up counted once.
 */
export async function applyPledgeHappening(
  ctx: TDomainContext,
  pledgeId: string,
  happening: TPledgeHappening,
  extra: Partial<TPledgeRecord> = {},
  options: { initial?: TPledgeRecord; event?: { id: string; type: string } } = {},
): Promise<TApplied> {
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const before = attempt === 1 && options.initial ? options.initial : await getPledge(ctx.db, pledgeId);
    if (!before) throw new AppError('NOT_FOUND', 'No such pledge');
    const plan = planPledge(before, happening);
    if (!plan.ok) {
      if (plan.why === 'too_much') {
        throw new AppError('VALIDATION_FAILED', 'More than was paid', { issues: [{ path: 'amount.value', message: 'More than the pledge still holds', code: 'too_big' }] });
      }
      return { pledge: before, changed: false, why: plan.why };
    }
    const now = ctx.clock.now().toISOString();
    const received = plan.received ?? before.received;
    let { kgsMinor, rate } = before;
    if (plan.isNew.paid && received) {
      const current = await getRate(ctx.db, received.currency, ctx.clock.now());
      if (!current) throw new Error(`no exchange rate for ${received.currency}; the payment stays pending until one is set`);
      kgsMinor = convertToKgsMinor(received.value, current.kgsPerUnit);
      rate = { currency: received.currency, kgsPerUnit: current.kgsPerUnit, source: current.source, date: current.date };
    }
    const after: TPledgeRecord = {
      ...before,
      ...extra,
      status: plan.status,
      ...(received ? { received } : {}),
      ...(kgsMinor !== undefined ? { kgsMinor } : {}),
      ...(rate ? { rate } : {}),
      refundedMinor: plan.refundedMinor,
      refundedKgsMinor: kgsMinor !== undefined && received ? refundedKgs(kgsMinor, received.value, plan.refundedMinor) : 0,
      updatedAt: now,
      ...(plan.isNew.paid ? { succeededAt: now } : {}),
    };
    const was = contribution(before);
    const will = contribution(after);
    const delta = { kgsMinor: will.kgsMinor - was.kgsMinor, backers: will.backers - was.backers, currency: will.currency ?? was.currency, currencyMinor: will.currencyMinor - was.currencyMinor };
    const ledger = ledgerEntries(before, after, plan.isNew.paid, now);
    const outcome = await commitPledgeChange(ctx.db, { before, after, delta, ledger, ...(options.event ? { event: options.event } : {}) });
    if (outcome === 'condition_failed') continue;
    forgetPublicProjectReads(ctx.db.tableName, after.projectId);
    // Read after the commit (strongly), so concurrent pledges crossing the goal together still see it.
    const project = delta.kgsMinor > 0 || plan.isNew.paid ? await getProject(ctx.db, after.projectId) : undefined;
    await Promise.all([
      delta.kgsMinor > 0 && project ? reachFundingGoal(ctx, project) : undefined,
      plan.isNew.paid ? sendPledgeReceipt(ctx, after, project ? pickText(project.title, after.locale) : undefined) : undefined,
    ]);
    return { pledge: { ...after, version: before.version + 1 }, changed: true };
  }
  throw new AppError('CONFLICT', 'The pledge is changing too often; try again');
}

/** A credit when money arrives, a debit for each refund step; amounts signed. */
function ledgerEntries(before: TPledgeRecord, after: TPledgeRecord, isPaid: boolean, at: string): TLedgerItem[] {
  const entries: TLedgerItem[] = [];
  const currency = after.received?.currency ?? after.amount.currency;
  if (isPaid && after.received) {
    entries.push({ kind: 'credit', at, pledgeId: after.id, kgsMinor: after.kgsMinor ?? 0, currency, minor: after.received.value });
  }
  const wasRefunded = isPaid ? 0 : before.refundedMinor;
  const wasRefundedKgs = isPaid ? 0 : before.refundedKgsMinor;
  if (after.refundedMinor > wasRefunded) {
    entries.push({
      kind: `refund-${after.refundedMinor}`,
      at,
      pledgeId: after.id,
      kgsMinor: -(after.refundedKgsMinor - wasRefundedKgs),
      currency,
      minor: -(after.refundedMinor - wasRefunded),
    });
  }
  return entries;
}
