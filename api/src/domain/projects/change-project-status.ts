import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TAuditEvent } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TProjectRecord } from '../../data/project-record.ts';
import { getProject, transitionProject } from '../../data/projects-repo.ts';
import { actorRoleFor, canSeeCouncilInternals, requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { auditEvent } from './audit-event.ts';
import { planTransition, type TActorRole, type TProjectAction } from './project-lifecycle.ts';
import { forgetPublicProjectReads } from './public-project-cache.ts';

/**
 * The one path every human-driven lifecycle step takes: load, check who may see it (404
 * otherwise), plan the transition in pure code, apply it conditionally with its audit event.
 */
export async function changeProjectStatus(
  ctx: TDomainContext,
  viewer: TMe | undefined,
  input: { projectId: string; action: TProjectAction; as: TActorRole; reason?: string; checklist?: TAuditEvent['checklist']; set?: (p: TProjectRecord) => Record<string, unknown> },
): Promise<TProjectRecord> {
  const user = requireSignedIn(viewer);
  const project = await getProject(ctx.db, input.projectId);
  if (!project || !canSeeCouncilInternals(user, project.councilId)) throw new AppError('NOT_FOUND', 'No such project');
  const actorRole = actorRoleFor(user, project.councilId, input.as);
  const plan = planTransition(project.status, input.action, actorRole, input.reason);
  if (!plan.ok) {
    if (plan.why === 'not_allowed') throw new AppError('FORBIDDEN', 'Your role cannot do this to the project');
    if (plan.why === 'reason_required') {
      throw new AppError('VALIDATION_FAILED', 'Give a reason', { issues: [{ path: 'reason', message: 'Give a reason', code: 'required' }] });
    }
    throw new AppError('CONFLICT', `A ${project.status} project cannot be changed this way`);
  }
  const event = auditEvent(ctx, { actorId: user.id, actorRole, action: input.action, from: project.status, to: plan.to, reason: input.reason, checklist: input.checklist });
  const set = input.set?.(project) ?? {};
  if (!(await transitionProject(ctx.db, { project, to: plan.to, event, set }))) {
    throw new AppError('CONFLICT', 'The project changed meanwhile; reload and try again');
  }
  forgetPublicProjectReads(ctx.db.tableName, project.id);
  return { ...project, ...set, status: plan.to, updatedAt: event.at, version: project.version + 1 } as TProjectRecord;
}
