import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZProgressUpdateInput, reportingStatuses, type TAuditEvent } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { getProject, insertProgressUpdate } from '../../data/projects-repo.ts';
import { actorRoleFor, canSeeCouncilInternals, requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { auditEvent } from './audit-event.ts';
import { checkImageIds } from './check-images.ts';
import { forgetPublicProjectReads } from './public-project-cache.ts';

const reporting = new Set<string>(reportingStatuses);

/**
 * The council tells its donors how the work goes: an immutable `progress_update` event on the
 * project's public timeline (text in ky/ru/en, up to six of the official's own uploaded images).
 * Authorised as the lifecycle steps are: 401 signed out, 404 unless an official of the owning
 * council or a moderator, 403 for a moderator (the news is the council's to give), 409 unless
 * the project is funded or in progress. Then the body is checked (400, nothing written).
 * It counts as news for the report-cadence job, which reads the newest timeline event.
 */
export async function postProgressUpdate(ctx: TDomainContext, viewer: TMe | undefined, projectId: string, raw: unknown): Promise<TAuditEvent> {
  const user = requireSignedIn(viewer);
  const project = await getProject(ctx.db, projectId);
  if (!project || !canSeeCouncilInternals(user, project.councilId)) throw new AppError('NOT_FOUND', 'No such project');
  if (actorRoleFor(user, project.councilId, 'council_official') !== 'council_official') {
    throw new AppError('FORBIDDEN', 'Only the council’s officials post progress updates');
  }
  if (!reporting.has(project.status)) throw new AppError('CONFLICT', `A ${project.status} project takes no progress updates`);
  const input = parseInput(ZProgressUpdateInput, raw);
  const images = input.imageIds.map((id, i) => ({ id, path: `imageIds.${i}` }));
  await checkImageIds(ctx, images, user.id);

  const event: TAuditEvent = {
    ...auditEvent(ctx, { actorId: user.id, actorRole: 'council_official', action: 'progress_update', from: project.status, to: project.status }),
    text: input.text,
    ...(input.imageIds.length > 0 ? { imageIds: input.imageIds } : {}),
  };
  if (!(await insertProgressUpdate(ctx.db, { projectId: project.id, statuses: reportingStatuses, event }))) {
    // The status moved, or an image was swept since the check (its use is part of the transaction).
    await checkImageIds(ctx, images, user.id);
    throw new AppError('CONFLICT', 'The project changed meanwhile; reload and try again');
  }
  forgetPublicProjectReads(ctx.db.tableName, project.id);
  return event;
}
