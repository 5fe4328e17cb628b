import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { listPendingCouncils } from '../../data/councils-repo.ts';
import { listPendingAmendments, listProjectCardsByStatus } from '../../data/projects-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';

/** Everything waiting for a moderator, oldest first: council applications, submitted projects, amendments. */
export async function getModerationQueue(ctx: TDomainContext, viewer: TMe | undefined) {
  requireModerator(viewer);
  const [councils, projects, amendments] = await Promise.all([
    listPendingCouncils(ctx.db),
    listProjectCardsByStatus(ctx.db, 'submitted'),
    listPendingAmendments(ctx.db),
  ]);
  return {
    councils,
    projects: projects.reverse(),
    amendments: amendments.map(({ id, projectId, reason, createdAt, changes, previous }) => ({ id, projectId, reason, createdAt, changes, previous })),
  };
}
