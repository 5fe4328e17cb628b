import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { checkoutCompletedEvent } from '../../adapters/stripe-events.ts';
import { simulatedPaymentIntentId, simulatedSessionId } from '../../adapters/simulated-ids.ts';
import type { TSimulatedPayments } from '../../adapters/simulated-payments.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { getPledge } from '../../data/pledges-repo.ts';
import type { TDomainContext } from '../context.ts';
import { loadVisiblePledge } from './pledge-access.ts';
import { processPaymentEvent } from './process-payment-event.ts';

/**
 * The local platform's TEST MODE checkout: the donor's confirm or decline becomes a signed,
 * Stripe-shaped event that goes through `processPaymentEvent`, exactly like a real webhook.
 */
export async function simulateCheckout(
  ctx: TDomainContext,
  viewer: TMe | undefined,
  input: { pledgeId: string; token: string | undefined; outcome: 'confirm' | 'decline' },
): Promise<TPledgeRecord> {
  const payments = ctx.payments;
  if (payments?.provider !== 'simulated') throw new AppError('NOT_FOUND', 'The simulated checkout is off: real payments are configured');
  const pledge = await loadVisiblePledge(ctx, viewer, input.pledgeId, input.token);
  if (pledge.method !== 'card') throw new AppError('CONFLICT', 'Only card pledges go through checkout');
  const created = Math.floor(ctx.clock.now().getTime() / 1000);
  const event = checkoutCompletedEvent({
    eventId: `evt_sim_${pledge.id}_${input.outcome}`,
    type: input.outcome === 'confirm' ? 'checkout.session.completed' : 'checkout.session.async_payment_failed',
    sessionId: pledge.checkoutSessionId ?? simulatedSessionId(pledge.id),
    pledgeId: pledge.id,
    paymentIntentId: simulatedPaymentIntentId(pledge.id),
    amountTotal: pledge.amount.value,
    currency: pledge.amount.currency.toLowerCase(),
    paymentStatus: input.outcome === 'confirm' ? 'paid' : 'unpaid',
    created,
  });
  const signed = (payments as TSimulatedPayments).signEvent(event);
  const result = await processPaymentEvent(ctx, signed.rawBody, signed.signature, { pledge });
  return result.pledge ?? (await getPledge(ctx.db, pledge.id)) ?? pledge;
}
