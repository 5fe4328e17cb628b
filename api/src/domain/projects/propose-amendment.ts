import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZAmendmentInput, budgetTotalMinor, coFundingMinor } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TAmendmentRecord } from '../../data/project-record.ts';
import { getProject, insertAmendment } from '../../data/projects-repo.ts';
import { isOfficialOf, requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput, today } from '../parse-input.ts';
import { projectMoney } from './project-money.ts';

const amendable = new Set(['published', 'funded', 'in_progress']);

/** After publication, goal, budget and deadline change only through an amendment a moderator approves. */
export async function proposeAmendment(ctx: TDomainContext, viewer: TMe | undefined, projectId: string, raw: unknown): Promise<TAmendmentRecord> {
  const user = requireSignedIn(viewer);
  const project = await getProject(ctx.db, projectId);
  if (!project || !isOfficialOf(user, project.councilId)) throw new AppError('NOT_FOUND', 'No such project');
  if (!amendable.has(project.status)) throw new AppError('CONFLICT', `A ${project.status} project cannot be amended`);
  const input = parseInput(ZAmendmentInput, raw);
  const budgetLines = input.budgetLines ?? project.budgetLines;
  const coFunding = input.coFunding ?? project.coFunding;
  if (input.deadline && input.deadline <= today(ctx)) {
    throw new AppError('VALIDATION_FAILED', 'The deadline must be in the future', { issues: [{ path: 'deadline', message: 'The deadline must be in the future', code: 'past' }] });
  }
  if (coFundingMinor(coFunding) >= budgetTotalMinor(budgetLines)) {
    throw new AppError('VALIDATION_FAILED', 'Co-funding must be less than the budget', { issues: [{ path: 'coFunding', message: 'Co-funding must be less than the budget', code: 'too_large' }] });
  }
  const amendment: TAmendmentRecord = {
    id: ulid(),
    projectId,
    status: 'pending',
    reason: input.reason,
    proposedBy: user.id,
    changes: {
      ...(input.budgetLines || input.coFunding ? { budgetLines: projectMoney({ budgetLines, coFunding }).budgetLines, coFunding } : {}),
      ...(input.deadline ? { deadline: input.deadline } : {}),
    },
    previous: { budgetLines: project.budgetLines, coFunding: project.coFunding, deadline: project.deadline },
    createdAt: ctx.clock.now().toISOString(),
  };
  await insertAmendment(ctx.db, amendment);
  return amendment;
}
