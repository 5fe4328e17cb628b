import { AppError, type TFieldIssue } from '@koldoo/shared/errors.ts';
import { getFileRecord } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';

/**
 * Each id must name an uploaded project image (a proof PDF or a foreign id is refused) and, when
 * `ownerId` is given, one that user uploaded. One 400 lists every bad id by its field path.
 * A file the unused-upload sweep is deleting reads as missing. The write that then references the
 * images records their use in its transaction, conditional on them still not being swept; when
 * that condition fails, the caller runs this check again to say which image is gone.
 */
export async function checkImageIds(
  ctx: TDomainContext,
  wanted: { id: string; path: string }[],
  ownerId?: string,
): Promise<void> {
  // One round trip for a cover and a whole gallery, not one per image.
  const files = await Promise.all(wanted.map(({ id }) => getFileRecord(ctx.db, id)));
  const issues: TFieldIssue[] = [];
  wanted.forEach(({ path }, i) => {
    const file = files[i];
    if (!file || file.kind !== 'project_image' || (ownerId !== undefined && file.ownerId !== ownerId)) {
      issues.push({ path, message: 'Upload the image first', code: 'unknown_image' });
    }
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Some images are unknown', { issues });
}

/** The images a project's content (or a patch of it) sets: cover and gallery. */
export function projectImageIds(content: { coverImageId?: string | undefined; galleryImageIds?: string[] | undefined }): string[] {
  return [...(content.coverImageId ? [content.coverImageId] : []), ...(content.galleryImageIds ?? [])];
}

/** Cover and gallery must be project images that exist; a proof PDF or a foreign id is refused. */
export async function checkProjectImages(
  ctx: TDomainContext,
  content: { coverImageId?: string | undefined; galleryImageIds?: string[] | undefined },
): Promise<void> {
  await checkImageIds(ctx, [
    ...(content.coverImageId ? [{ id: content.coverImageId, path: 'coverImageId' }] : []),
    ...(content.galleryImageIds ?? []).map((id, i) => ({ id, path: `galleryImageIds.${i}` })),
  ]);
}
