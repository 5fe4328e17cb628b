import type { TDomainContext } from '../context.ts';
import { getProject, listProjectCardsByStatus, transitionProject } from '../../data/projects-repo.ts';
import { today } from '../parse-input.ts';
import { auditEvent } from './audit-event.ts';
import { forgetPublicProjectReads } from './public-project-cache.ts';
import { planTransition } from './project-lifecycle.ts';

/**
 * The deadline job: published projects whose deadline has passed without reaching the goal
 * become `expired`. Each move is conditional on the project still being published, so running
 * the job twice, or beside a pledge that funds the project, changes nothing twice.
 * (Refunds of all-or-nothing pledges join this job with the pledges issue.)
 */
export async function expireProjects(ctx: TDomainContext): Promise<{ expired: string[] }> {
  const todayDate = today(ctx);
  const due = (await listProjectCardsByStatus(ctx.db, 'published')).filter((card) => card.deadline < todayDate);
  const expired: string[] = [];
  for (const card of due) {
    const project = await getProject(ctx.db, card.id);
    if (!project || project.status !== 'published' || project.deadline >= todayDate) continue;
    const plan = planTransition(project.status, 'pass_deadline', 'system');
    if (!plan.ok) continue;
    const event = auditEvent(ctx, { actorId: 'system', actorRole: 'system', action: 'pass_deadline', from: project.status, to: plan.to, reason: `Deadline ${project.deadline} passed` });
    if (await transitionProject(ctx.db, { project, to: plan.to, event })) {
      forgetPublicProjectReads(ctx.db.tableName, project.id);
      expired.push(project.id);
    }
  }
  if (expired.length > 0) {
    ctx.logger.info({ count: expired.length }, 'projects expired');
  }
  return { expired };
}
