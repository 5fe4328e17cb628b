import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZReconcileInput } from '@koldoo/shared/contracts/pledges.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { getPledge } from '../../data/pledges-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { applyPledgeHappening } from './apply-pledge-happening.ts';

/**
 * The treasurer matched a bank transfer or remittance on the statement: the pledge succeeds
 * with what actually arrived (it may differ from what was pledged, even in currency).
 * An expired pledge can still be reconciled, because late money must not be lost.
 */
export async function reconcilePledge(ctx: TDomainContext, viewer: TMe | undefined, pledgeId: string, body: unknown): Promise<TPledgeRecord> {
  const moderator = requireModerator(viewer);
  const input = parseInput(ZReconcileInput, body);
  if (!ctx.config.pledgeCurrencies.includes(input.received.currency)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown currency', { issues: [{ path: 'received.currency', message: 'Not an accepted currency', code: 'custom' }] });
  }
  const pledge = await getPledge(ctx.db, pledgeId);
  if (!pledge) throw new AppError('NOT_FOUND', 'No such pledge');
  if (pledge.method !== 'bank_transfer') throw new AppError('CONFLICT', 'Only bank transfers are reconciled by hand');
  const result = await applyPledgeHappening(ctx, pledgeId, { kind: 'pay', received: input.received }, {
    bankReference: input.bankReference,
    receivedOn: input.receivedOn,
    reconciledBy: moderator.id,
  });
  if (!result.changed) throw new AppError('CONFLICT', `This pledge is ${result.pledge.status}; nothing to reconcile`);
  return result.pledge;
}
