import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TBankInstructions, TPledge } from '@koldoo/shared/contracts/pledges.ts';
import { toDonorView } from '../../data/pledge-record.ts';
import { getProject } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { bankInstructions } from './bank-instructions.ts';
import { loadVisiblePledge } from './pledge-access.ts';

export type TPledgeDetail = { pledge: TPledge; projectTitle: Record<string, string>; bankInstructions?: TBankInstructions };

/** The receipt: for the donor (account or link) and moderators. Instructions only while the transfer is awaited. */
export async function getPledgeDetail(ctx: TDomainContext, viewer: TMe | undefined, pledgeId: string, token: string | undefined): Promise<TPledgeDetail> {
  const pledge = await loadVisiblePledge(ctx, viewer, pledgeId, token);
  const project = await getProject(ctx.db, pledge.projectId);
  const instructions = pledge.status === 'pending' || pledge.status === 'expired' ? bankInstructions(pledge, ctx.config.fiscalHost) : undefined;
  return { pledge: toDonorView(pledge), projectTitle: project?.title ?? {}, ...(instructions ? { bankInstructions: instructions } : {}) };
}
