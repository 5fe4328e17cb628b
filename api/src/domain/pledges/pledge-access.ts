import { timingSafeEqual } from 'node:crypto';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TPledgeRecord } from '../../data/pledge-record.ts';
import { getPledge } from '../../data/pledges-repo.ts';
import { isModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The donor (by account or by the receipt link's token) or a moderator. */
export function canSeePledge(viewer: TMe | undefined, pledge: TPledgeRecord, token: string | undefined): boolean {
  if (isModerator(viewer)) return true;
  if (viewer && pledge.userId === viewer.id) return true;
  return token !== undefined && sameSecret(token, pledge.accessToken);
}

/** A pledge the caller may see, or the same 404 as for one that does not exist. */
export async function loadVisiblePledge(ctx: TDomainContext, viewer: TMe | undefined, pledgeId: string, token: string | undefined): Promise<TPledgeRecord> {
  const pledge = await getPledge(ctx.db, pledgeId);
  if (!pledge || !canSeePledge(viewer, pledge, token)) throw new AppError('NOT_FOUND', 'No such pledge');
  return pledge;
}
