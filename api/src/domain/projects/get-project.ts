import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { isPublicStatus } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { canSeeCouncilInternals, isModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { loadProjectDetail } from './public-project-cache.ts';

/**
 * A project with its council and timeline. Non-public projects (drafts, submitted, rejected)
 * are 404 to everyone but the owning council's officials and moderators, who also always get
 * a fresh read rather than the few-seconds-old public copy.
 */
export async function getProjectDetail(ctx: TDomainContext, viewer: TMe | undefined, id: string) {
  const mayBeInsider = isModerator(viewer) || Boolean(viewer?.councilIds.length);
  const data = await loadProjectDetail(ctx.db, id, { isFresh: mayBeInsider });
  if (!data) throw new AppError('NOT_FOUND', 'No such project');
  const isInsider = canSeeCouncilInternals(viewer, data.project.councilId);
  if (!isPublicStatus(data.project.status) && !isInsider) throw new AppError('NOT_FOUND', 'No such project');
  const { project, events, amendments, council } = data;
  return {
    project,
    council: { id: project.councilId, name: council?.name ?? {}, isVerified: council?.status === 'verified' },
    timeline: events,
    amendments: amendments
      .filter((a) => isInsider || a.status !== 'pending')
      .map(({ id: amendmentId, status, reason, createdAt, decidedAt }) => ({ id: amendmentId, status, reason, createdAt, ...(decidedAt ? { decidedAt } : {}) })),
  };
}
