import { AppError } from '@koldoo/shared/errors.ts';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { getFileRecord, type TFileRecord } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';

export type TReadFileResult = { body: Uint8Array; contentType: string; kind: TFileRecord['kind'] };

/** Project images are public; a council proof only for moderators, its uploader and the council's officials. */
export function canReadFile(viewer: TMe | undefined, file: TFileRecord): boolean {
  if (file.kind === 'project_image') return true;
  if (!viewer) return false;
  if (viewer.roles.includes('moderator') || viewer.id === file.ownerId) return true;
  return file.councilId !== undefined && viewer.councilIds.includes(file.councilId);
}

/**
 * The bytes of an upload, if the viewer may see them. Anyone who may not gets the same 404
 * as for a file that does not exist, so ids of private proofs reveal nothing.
 */
export async function readFile(ctx: TDomainContext, viewer: TMe | undefined, fileId: string): Promise<TReadFileResult> {
  const notFound = () => new AppError('NOT_FOUND', 'No such file');
  const record = await getFileRecord(ctx.db, fileId);
  if (!record || !canReadFile(viewer, record)) throw notFound();
  const stored = await ctx.files.get(record.storageKey);
  if (!stored) {
    // Bytes are written before the record, so this means the store lost them.
    ctx.logger.error({ fileId, storageKey: record.storageKey }, 'file record without stored bytes');
    throw notFound();
  }
  return { body: stored.body, contentType: record.contentType, kind: record.kind };
}
