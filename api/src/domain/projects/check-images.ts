import { AppError, type TFieldIssue } from '@koldoo/shared/errors.ts';
import { getFileRecord } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';

/**
 * Each id must name an uploaded project image (a proof PDF or a foreign id is refused) and, when
 * `ownerId` is given, one that user uploaded. One 400 lists every bad id by its field path.
 */
export async function checkImageIds(
  ctx: TDomainContext,
  wanted: { id: string; path: string }[],
  ownerId?: string,
): Promise<void> {
  const issues: TFieldIssue[] = [];
  for (const { id, path } of wanted) {
    const file = await getFileRecord(ctx.db, id);
    if (!file || file.kind !== 'project_image' || (ownerId !== undefined && file.ownerId !== ownerId)) {
      issues.push({ path, message: 'Upload the image first', code: 'unknown_image' });
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Some images are unknown', { issues });
}

/** Cover and gallery must be project images that exist; a proof PDF or a foreign id is refused. */
export async function checkProjectImages(
  ctx: TDomainContext,
  content: { coverImageId?: string; galleryImageIds?: string[] },
): Promise<void> {
  await checkImageIds(ctx, [
    ...(content.coverImageId ? [{ id: content.coverImageId, path: 'coverImageId' }] : []),
    ...(content.galleryImageIds ?? []).map((id, i) => ({ id, path: `galleryImageIds.${i}` })),
  ]);
}
