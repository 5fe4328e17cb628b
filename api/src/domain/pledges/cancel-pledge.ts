import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import type { TDomainContext } from '../context.ts';
import { applyPledgeHappening } from './apply-pledge-happening.ts';
import { loadVisiblePledge } from './pledge-access.ts';

/** A donor withdraws a bank-transfer pledge they have not paid. Card pledges end at Stripe instead. */
export async function cancelPledge(ctx: TDomainContext, viewer: TMe | undefined, pledgeId: string, token: string | undefined): Promise<TPledgeRecord> {
  const pledge = await loadVisiblePledge(ctx, viewer, pledgeId, token);
  if (pledge.method !== 'bank_transfer') throw new AppError('CONFLICT', 'Only unpaid bank-transfer pledges can be cancelled');
  const result = await applyPledgeHappening(ctx, pledge.id, { kind: 'cancel' });
  if (!result.changed) throw new AppError('CONFLICT', `This pledge is ${result.pledge.status} and can no longer be cancelled`);
  return result.pledge;
}
