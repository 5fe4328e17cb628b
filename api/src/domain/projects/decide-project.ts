import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TDecisionInput } from '@koldoo/shared/contracts/moderation.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { notifyCouncil } from '../moderation/notify-council.ts';
import { changeProjectStatus } from './change-project-status.ts';

const actionOf = { approve: 'approve', request_changes: 'request_changes', reject: 'reject' } as const;

/** A moderator approves (publishes), sends back, or rejects a submitted project, and the council hears why. */
export async function decideProject(ctx: TDomainContext, viewer: TMe | undefined, projectId: string, input: TDecisionInput) {
  requireModerator(viewer);
  const reason = input.reason;
  const project = await changeProjectStatus(ctx, viewer, {
    projectId,
    action: actionOf[input.decision],
    as: 'moderator',
    reason,
    checklist: input.checklist,
    set: () => (input.decision === 'approve' ? { publishedAt: ctx.clock.now().toISOString() } : {}),
  });
  await notifyCouncil(ctx, project.councilId, { subject: 'project', decision: input.decision, title: project.title, reason });
  return project;
}
