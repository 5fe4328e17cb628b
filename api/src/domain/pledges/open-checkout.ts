import { pickText } from '@koldoo/shared/contracts/text.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { getPledge, updatePledgeFields } from '../../data/pledges-repo.ts';
import { getProject } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { receiptUrl } from './send-pledge-mail.ts';

/**
 * Opens (or re-opens, after a failure) the card checkout of a pending pledge. The provider's
 * idempotency key is derived from the pledge id, so a retry returns the same session.
 * The simulated checkout's page needs the receipt token; Stripe's hosted page does not.
 */
export async function openCheckout(ctx: TDomainContext, pledge: TPledgeRecord): Promise<TPledgeRecord> {
  if (pledge.checkoutUrl) return pledge;
  if (!ctx.payments) throw new AppError('SERVICE_UNAVAILABLE', 'Card payments are not configured');
  const project = await getProject(ctx.db, pledge.projectId);
  const title = project ? pickText(project.title, pledge.locale) : pledge.projectId;
  const session = await ctx.payments.createCheckout({
    pledgeId: pledge.id,
    amount: pledge.amount,
    description: `Koldoo: ${title}`.slice(0, 250),
    email: pledge.email,
    successUrl: `${receiptUrl(ctx, pledge.id, pledge.accessToken)}&from=checkout`,
    cancelUrl: `${ctx.config.publicOrigin}/projects/${pledge.projectId}?pledge=cancelled`,
    idempotencyKey: `checkout-${pledge.id}`,
  });
  const url = ctx.payments.provider === 'simulated' ? `${session.url}?token=${encodeURIComponent(pledge.accessToken)}` : session.url;
  const fields = { checkoutSessionId: session.sessionId, checkoutUrl: url };
  if (await updatePledgeFields(ctx.db, pledge, fields)) return { ...pledge, ...fields, version: pledge.version + 1 };
  // A webhook may have moved the pledge meanwhile; the fresh copy is the truth.
  return (await getPledge(ctx.db, pledge.id)) ?? pledge;
}
