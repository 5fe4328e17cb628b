import { AppError, type TFieldIssue } from '@koldoo/shared/errors.ts';
import { getFileRecord } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';

/** Cover and gallery must be project images that exist; a proof PDF or a foreign id is refused. */
export async function checkProjectImages(
  ctx: TDomainContext,
  content: { coverImageId?: string; galleryImageIds?: string[] },
): Promise<void> {
  const wanted = [
    ...(content.coverImageId ? [{ id: content.coverImageId, path: 'coverImageId' }] : []),
    ...(content.galleryImageIds ?? []).map((id, i) => ({ id, path: `galleryImageIds.${i}` })),
  ];
  const issues: TFieldIssue[] = [];
  for (const { id, path } of wanted) {
    const file = await getFileRecord(ctx.db, id);
    if (!file || file.kind !== 'project_image') issues.push({ path, message: 'Upload the image first', code: 'unknown_image' });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Some images are unknown', { issues });
}
