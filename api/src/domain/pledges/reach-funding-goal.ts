import type { TProjectRecord } from '../../data/project-record.ts';
import { getProject, transitionProject } from '../../data/projects-repo.ts';
import type { TDomainContext } from '../context.ts';
import { auditEvent } from '../projects/audit-event.ts';
import { planTransition } from '../projects/project-lifecycle.ts';
import { forgetPublicProjectReads } from '../projects/public-project-cache.ts';

/**
 * After money arrives (`read`: the project read strongly after the commit): a published project
 * whose raised amount reached its goal becomes `funded`, with a system audit event. Conditional
 * on the project's version, so two pledges crossing the goal together move it once; the loser
 * re-reads and finds it funded.
 */
export async function reachFundingGoal(ctx: TDomainContext, read: TProjectRecord): Promise<void> {
  const projectId = read.id;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const project = attempt === 0 ? read : await getProject(ctx.db, projectId);
    if (!project || project.status !== 'published' || project.raisedMinor < project.goalMinor) return;
    const plan = planTransition(project.status, 'reach_goal', 'system');
    if (!plan.ok) return;
    const event = auditEvent(ctx, { actorId: 'system', actorRole: 'system', action: 'reach_goal', from: project.status, to: plan.to, reason: 'Funding goal reached' });
    if (await transitionProject(ctx.db, { project, to: plan.to, event })) {
      forgetPublicProjectReads(ctx.db.tableName, projectId);
      return;
    }
  }
}
