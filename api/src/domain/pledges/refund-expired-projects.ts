import { listPledgesOfProject, updatePledgeFields } from '../../data/pledges-repo.ts';
import { getProject, listProjectCardsByStatus } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { refundCard } from './refund-pledge.ts';

/**
 * After an all-or-nothing project expires below its goal, every card pledge is refunded
 * through Stripe and every bank transfer goes to the treasurer's `refunds_due` queue.
 * Safe to run twice or concurrently: each card refund first takes the pledge's claim, and
 * Stripe's idempotency key covers a holder that died mid-way. Late payments that arrive
 * after expiry are picked up by the next run.
 */
export async function refundExpiredProjects(ctx: TDomainContext): Promise<{ refunded: number; queued: number; failed: number }> {
  const counts = { refunded: 0, queued: 0, failed: 0 };
  const expired = (await listProjectCardsByStatus(ctx.db, 'expired')).filter((card) => card.fundingMode === 'all_or_nothing');
  for (const card of expired) {
    const project = await getProject(ctx.db, card.id);
    // Expired means the goal was missed at the deadline; late money does not change that.
    if (!project || project.status !== 'expired') continue;
    for (const pledge of await listPledgesOfProject(ctx.db, project.id)) {
      if (pledge.status !== 'succeeded' && pledge.status !== 'partially_refunded') continue;
      if (pledge.method === 'bank_transfer') {
        if (pledge.refundDueAt) continue;
        if (await updatePledgeFields(ctx.db, pledge, { refundDueAt: ctx.clock.now().toISOString() })) counts.queued += 1;
        continue;
      }
      try {
        const remaining = (pledge.received?.value ?? 0) - pledge.refundedMinor;
        await refundCard(ctx, pledge, remaining, `Project expired below its goal on ${project.deadline}`);
        counts.refunded += 1;
      } catch (error) {
        // Another run holds the claim, or Stripe failed: the next run retries with the same key.
        if (error instanceof Error && 'code' in error && error.code === 'CONFLICT') continue;
        counts.failed += 1;
        ctx.logger.error({ err: error, pledgeId: pledge.id }, 'expiry refund failed');
      }
    }
  }
  if (counts.refunded + counts.queued + counts.failed > 0) ctx.logger.info(counts, 'expired projects refunded');
  return counts;
}
