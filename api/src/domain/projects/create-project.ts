import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZCreateProjectInput } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { getCouncil } from '../../data/councils-repo.ts';
import type { TProjectRecord } from '../../data/project-record.ts';
import { insertProject } from '../../data/projects-repo.ts';
import { isOfficialOf, requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput, today } from '../parse-input.ts';
import { auditEvent } from './audit-event.ts';
import { checkProjectImages, projectImageIds } from './check-images.ts';
import { contentToRecordFields } from './project-view.ts';

/** An official of a verified council starts a draft. Anyone else: 403 (not a council) or 404. */
export async function createProject(ctx: TDomainContext, viewer: TMe | undefined, raw: unknown): Promise<TProjectRecord> {
  const user = requireSignedIn(viewer);
  if (!user.roles.includes('council_official')) throw new AppError('FORBIDDEN', 'Only council officials create projects');
  const input = parseInput(ZCreateProjectInput(today(ctx)), raw);
  const council = await getCouncil(ctx.db, input.councilId);
  if (!council || !isOfficialOf(user, council.id)) {
    throw new AppError('VALIDATION_FAILED', 'You are not an official of this council', {
      issues: [{ path: 'councilId', message: 'Not one of your councils', code: 'not_your_council' }],
    });
  }
  if (council.status !== 'verified') throw new AppError('FORBIDDEN', 'The council is not verified yet');
  await checkProjectImages(ctx, input);

  const { councilId: _owner, ...content } = input;
  const now = ctx.clock.now().toISOString();
  const project: TProjectRecord = {
    id: ulid(),
    councilId: council.id,
    status: 'draft',
    raisedMinor: 0,
    backers: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...contentToRecordFields(content),
  };
  const event = auditEvent(ctx, { actorId: user.id, actorRole: 'council_official', action: 'create', from: null, to: 'draft' });
  if (!(await insertProject(ctx.db, project, event, projectImageIds(content)))) {
    // Only an image can fail (the project id is new): it was swept since the check above.
    await checkProjectImages(ctx, input);
    throw new AppError('CONFLICT', 'An image changed meanwhile; try again');
  }
  return project;
}
