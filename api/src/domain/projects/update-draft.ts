import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZPatchProjectInput, ZProjectContentShape, checkProjectContent } from '@koldoo/shared/contracts/projects.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TProjectRecord } from '../../data/project-record.ts';
import { getProject, replaceDraft } from '../../data/projects-repo.ts';
import { isOfficialOf, requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput, today } from '../parse-input.ts';
import { checkProjectImages, projectImageIds } from './check-images.ts';
import { isEditable } from './project-lifecycle.ts';
import { contentToRecordFields, recordToContent } from './project-view.ts';

/** Only officials of the owning council edit, and only drafts or projects sent back for changes. */
export async function updateDraft(ctx: TDomainContext, viewer: TMe | undefined, id: string, raw: unknown): Promise<TProjectRecord> {
  const user = requireSignedIn(viewer);
  const project = await getProject(ctx.db, id);
  if (!project || !isOfficialOf(user, project.councilId)) throw new AppError('NOT_FOUND', 'No such project');
  if (!isEditable(project.status)) {
    throw new AppError('CONFLICT', 'Only drafts can be edited; a published project changes through an amendment');
  }
  const patch = parseInput(ZPatchProjectInput, raw);
  const merged = parseInput(
    ZProjectContentShape.superRefine((c, zctx) => checkProjectContent(c, today(ctx), zctx)),
    { ...recordToContent(project), ...patch },
  );
  await checkProjectImages(ctx, patch);
  const next: TProjectRecord = { ...project, ...contentToRecordFields(merged), updatedAt: ctx.clock.now().toISOString() };
  if (!merged.coverImageId) delete next.coverImageId;
  if (!(await replaceDraft(ctx.db, next, project.version, projectImageIds(patch)))) {
    // The version moved, or an image was swept since the check: say which image if so.
    await checkProjectImages(ctx, patch);
    throw new AppError('CONFLICT', 'The project changed meanwhile; reload and try again');
  }
  return { ...next, version: project.version + 1 };
}
