import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { isPublicStatus } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { getCouncil } from '../../data/councils-repo.ts';
import { getProjectAggregate } from '../../data/projects-repo.ts';
import { canSeeCouncilInternals } from '../access.ts';
import type { TDomainContext } from '../context.ts';

/**
 * A project with its council and timeline. Non-public projects (drafts, submitted, rejected)
 * are 404 to everyone but the owning council's officials and moderators.
 */
export async function getProjectDetail(ctx: TDomainContext, viewer: TMe | undefined, id: string) {
  const aggregate = await getProjectAggregate(ctx.db, id);
  if (!aggregate) throw new AppError('NOT_FOUND', 'No such project');
  const { project, events, amendments } = aggregate;
  const isInsider = canSeeCouncilInternals(viewer, project.councilId);
  if (!isPublicStatus(project.status) && !isInsider) throw new AppError('NOT_FOUND', 'No such project');
  const council = await getCouncil(ctx.db, project.councilId);
  return {
    project,
    council: { id: project.councilId, name: council?.name ?? {}, isVerified: council?.status === 'verified' },
    timeline: events,
    amendments: amendments
      .filter((a) => isInsider || a.status !== 'pending')
      .map(({ id: amendmentId, status, reason, createdAt, decidedAt }) => ({ id: amendmentId, status, reason, createdAt, ...(decidedAt ? { decidedAt } : {}) })),
  };
}
