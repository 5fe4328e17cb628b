import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import type { TDomainContext } from '../context.ts';
import { receiptUrl } from './send-pledge-mail.ts';

/**
 * Opens the card checkout of a pledge about to be written. The provider's idempotency key is
 * derived from the pledge id, so a repeated submit (same id, from the same Idempotency-Key)
 * gets the same session. The simulated checkout's page needs the receipt token; Stripe's
 * hosted page does not.
 */
export async function openCheckout(ctx: TDomainContext, pledge: TPledgeRecord, projectTitle: string): Promise<Pick<TPledgeRecord, 'checkoutSessionId' | 'checkoutUrl'>> {
  if (!ctx.payments) throw new AppError('SERVICE_UNAVAILABLE', 'Card payments are not configured');
  const session = await ctx.payments.createCheckout({
    pledgeId: pledge.id,
    amount: pledge.amount,
    description: `Koldoo: ${projectTitle}`.slice(0, 250),
    email: pledge.email,
    successUrl: `${receiptUrl(ctx, pledge.id, pledge.accessToken)}&from=checkout`,
    cancelUrl: `${ctx.config.publicOrigin}/projects/${pledge.projectId}?pledge=cancelled`,
    idempotencyKey: `checkout-${pledge.id}`,
  });
  const url = ctx.payments.provider === 'simulated' ? `${session.url}?token=${encodeURIComponent(pledge.accessToken)}` : session.url;
  return { checkoutSessionId: session.sessionId, checkoutUrl: url };
}
