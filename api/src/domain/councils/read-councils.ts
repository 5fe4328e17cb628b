import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { getCouncil, getCouncils, listCouncilIdsOfUser, listVerifiedCouncilsByRegion, type TCouncilRecord } from '../../data/councils-repo.ts';
import { isModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';

/** The public face of a council: no contact person, proof or decision notes. */
export function toPublicCouncil(council: TCouncilRecord) {
  const { contact: _c, proofFileId: _p, applicantId: _a, officialIds: _o, decisionReason: _d, ...visible } = council;
  return visible;
}

const isInsider = (viewer: TMe | undefined, council: TCouncilRecord) =>
  isModerator(viewer) || (viewer !== undefined && (council.applicantId === viewer.id || council.officialIds.includes(viewer.id)));

/** Verified councils are public; a pending or rejected one only to its applicant, officials and moderators. */
export async function getCouncilForViewer(ctx: TDomainContext, viewer: TMe | undefined, id: string) {
  const council = await getCouncil(ctx.db, id);
  if (!council) throw new AppError('NOT_FOUND', 'No such council');
  if (isInsider(viewer, council)) return council;
  if (council.status !== 'verified') throw new AppError('NOT_FOUND', 'No such council');
  return toPublicCouncil(council);
}

export async function listCouncilsInRegion(ctx: TDomainContext, regionId: string, districtId?: string) {
  return (await listVerifiedCouncilsByRegion(ctx.db, regionId, districtId)).map(toPublicCouncil);
}

/** Councils the viewer applied for or officiates, with their private fields. */
export async function listMyCouncils(ctx: TDomainContext, viewer: TMe) {
  const ids = new Set([...viewer.councilIds, ...(await listCouncilIdsOfUser(ctx.db, viewer.id))]);
  return getCouncils(ctx.db, [...ids]);
}
