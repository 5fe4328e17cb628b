import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TDecisionInput } from '@koldoo/shared/contracts/moderation.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { decideAmendment as applyDecision, findAmendment, getProject } from '../../data/projects-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { notifyCouncil } from '../moderation/notify-council.ts';
import { auditEvent } from './audit-event.ts';
import { forgetPublicProjectReads } from './public-project-cache.ts';
import { projectMoney } from './project-money.ts';

/** Approving applies the new budget/deadline to the project; either way the history keeps both. */
export async function decideAmendment(ctx: TDomainContext, viewer: TMe | undefined, amendmentId: string, input: TDecisionInput) {
  const moderator = requireModerator(viewer);
  if (input.decision === 'request_changes') {
    throw new AppError('VALIDATION_FAILED', 'An amendment is approved or rejected', { issues: [{ path: 'decision', message: 'Approve or reject', code: 'invalid' }] });
  }
  const amendment = await findAmendment(ctx.db, amendmentId);
  if (!amendment) throw new AppError('NOT_FOUND', 'No such amendment');
  if (amendment.status !== 'pending') throw new AppError('CONFLICT', 'This amendment was already decided');
  const project = await getProject(ctx.db, amendment.projectId);
  if (!project) throw new AppError('NOT_FOUND', 'No such project');
  const isApproved = input.decision === 'approve';
  const changes = amendment.changes;
  const projectSet = isApproved
    ? {
        ...(changes.budgetLines && changes.coFunding ? projectMoney({ budgetLines: changes.budgetLines, coFunding: changes.coFunding }) : {}),
        ...(changes.deadline ? { deadline: changes.deadline } : {}),
      }
    : {};
  const event = auditEvent(ctx, {
    actorId: moderator.id,
    actorRole: 'moderator',
    action: isApproved ? 'amendment_approved' : 'amendment_rejected',
    from: project.status,
    to: project.status,
    reason: `${amendment.reason} — ${input.reason}`,
  });
  const now = ctx.clock.now().toISOString();
  if (!(await applyDecision(ctx.db, { amendment, project, isApproved, projectSet, decidedAt: now, decidedBy: moderator.id, reason: input.reason, event }))) {
    throw new AppError('CONFLICT', 'The amendment or project changed meanwhile; reload and try again');
  }
  forgetPublicProjectReads(ctx.db.tableName, project.id);
  await notifyCouncil(ctx, project.councilId, { subject: 'amendment', decision: input.decision, title: project.title, reason: input.reason });
  return { ...amendment, status: isApproved ? ('approved' as const) : ('rejected' as const), decidedAt: now };
}
