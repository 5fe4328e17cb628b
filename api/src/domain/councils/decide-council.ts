import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TDecisionInput } from '@koldoo/shared/contracts/moderation.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { decideCouncilApplication, getCouncil, type TCouncilRecord } from '../../data/councils-repo.ts';
import { getUserById } from '../../data/users-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { notifyCouncil } from '../moderation/notify-council.ts';
import { forgetCouncil } from '../projects/public-project-cache.ts';

/**
 * Approve makes the applicant an official of a verified council; reject closes the application;
 * request_changes keeps it pending and tells the applicant what is missing.
 */
export async function decideCouncil(ctx: TDomainContext, viewer: TMe | undefined, councilId: string, input: TDecisionInput): Promise<TCouncilRecord> {
  const moderator = requireModerator(viewer);
  const council = await getCouncil(ctx.db, councilId);
  if (!council) throw new AppError('NOT_FOUND', 'No such council');
  if (council.status !== 'pending') throw new AppError('CONFLICT', `The council is already ${council.status}`);
  const now = ctx.clock.now().toISOString();
  const isApproved = input.decision === 'approve';
  const next: TCouncilRecord = {
    ...council,
    status: isApproved ? 'verified' : input.decision === 'reject' ? 'rejected' : 'pending',
    isVerified: isApproved,
    decisionReason: input.reason,
    ...(isApproved ? { verifiedAt: now, officialIds: [...new Set([...council.officialIds, council.applicantId])] } : {}),
  };
  const applicant = isApproved ? await getUserById(ctx.db, council.applicantId) : undefined;
  const applicantNext = applicant && {
    roles: applicant.roles.includes('council_official') ? applicant.roles : [...applicant.roles, 'council_official' as const],
    councilIds: [...new Set([...applicant.councilIds, council.id])],
  };
  const event = { id: ulid(), at: now, actorId: moderator.id, action: input.decision, reason: input.reason };
  if (!(await decideCouncilApplication(ctx.db, { council, next, event, applicant, applicantNext }))) {
    throw new AppError('CONFLICT', 'The application changed meanwhile; reload and try again');
  }
  forgetCouncil(ctx.db.tableName, council.id);
  await notifyCouncil(ctx, council.id, { subject: 'council', decision: input.decision, title: council.name, reason: input.reason });
  return next;
}
