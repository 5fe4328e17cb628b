import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { notifyCouncil } from '../moderation/notify-council.ts';
import { changeProjectStatus } from './change-project-status.ts';

/** A moderator stops a project at any point before completion; the reason is public. */
export async function cancelProject(ctx: TDomainContext, viewer: TMe | undefined, projectId: string, reason: string) {
  requireModerator(viewer);
  const project = await changeProjectStatus(ctx, viewer, { projectId, action: 'cancel', as: 'moderator', reason });
  await notifyCouncil(ctx, project.councilId, { subject: 'project', decision: 'cancel', title: project.title, reason });
  return project;
}
