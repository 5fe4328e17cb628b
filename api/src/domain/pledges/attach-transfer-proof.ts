import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { attachPledgeProof } from '../../data/pledges-repo.ts';
import type { TDomainContext } from '../context.ts';
import { storeUpload } from '../files/store-upload.ts';
import { loadVisiblePledge } from './pledge-access.ts';

/**
 * A donor's photo or PDF of the transfer receipt, sniffed, size-capped and (for images)
 * stripped of metadata like any upload. Donors without an account use the receipt link, so
 * the file is owned by the pledge; only moderators and a signed-in donor can read it back.
 */
export async function attachTransferProof(
  ctx: TDomainContext,
  viewer: TMe | undefined,
  input: { pledgeId: string; token: string | undefined; bytes: Uint8Array },
): Promise<TPledgeRecord> {
  const pledge = await loadVisiblePledge(ctx, viewer, input.pledgeId, input.token);
  if (pledge.method !== 'bank_transfer' || (pledge.status !== 'pending' && pledge.status !== 'expired')) {
    throw new AppError('CONFLICT', 'Proof can be added only while the transfer is awaited');
  }
  const file = await storeUpload(ctx, { ownerId: pledge.userId ?? `pledge:${pledge.id}`, kind: 'transfer_proof', bytes: input.bytes });
  const fields = { proofFileId: file.id, updatedAt: ctx.clock.now().toISOString() };
  // The pledge's reference and the file's use are one transaction; if it fails, the upload stays
  // unused and the unused-upload sweep deletes it after a day.
  if (!(await attachPledgeProof(ctx.db, pledge, fields))) throw new AppError('CONFLICT', 'The pledge changed meanwhile; try again');
  return { ...pledge, ...fields, version: pledge.version + 1 };
}
