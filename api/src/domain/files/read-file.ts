import { AppError } from '@koldoo/shared/errors.ts';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { getFileRecord, type TFileRecord } from '../../data/files-repo.ts';
import type { TDeliveryHeaders } from '../ports.ts';
import type { TDomainContext } from '../context.ts';

/** How long a redirect to a presigned GET works: long enough to follow, too short to pass around. */
export const downloadUrlLifetimeSeconds = 5 * 60;

/** Either the bytes (served by the API) or a short-lived URL to send the reader to (S3), with the same headers. */
export type TReadFileResult = { delivery: TDeliveryHeaders; kind: TFileRecord['kind'] } & (
  | { body: Uint8Array; redirectUrl?: undefined }
  | { redirectUrl: string; body?: undefined }
);

/**
 * The headers a file is delivered with, by the API or by S3's `response-*` overrides. The stored
 * type was sniffed and images re-encoded; PDFs can carry scripts, so they are downloaded rather
 * than rendered. Project images never change (a new upload gets a new id); proofs are private.
 */
export function deliveryOf(record: Pick<TFileRecord, 'id' | 'kind' | 'contentType'>): TDeliveryHeaders {
  const isImage = record.contentType.startsWith('image/');
  return {
    contentType: record.contentType,
    contentDisposition: isImage ? 'inline' : `attachment; filename="${record.id}.pdf"`,
    cacheControl: record.kind === 'project_image' ? 'public, max-age=31536000, immutable' : 'private, no-store',
  };
}

/** Project images are public; a council proof only for moderators, its uploader and the council's officials. */
export function canReadFile(viewer: TMe | undefined, file: TFileRecord): boolean {
  if (file.kind === 'project_image') return true;
  if (!viewer) return false;
  if (viewer.roles.includes('moderator') || viewer.id === file.ownerId) return true;
  return file.councilId !== undefined && viewer.councilIds.includes(file.councilId);
}

/**
 * The bytes of an upload, or where to fetch them, if the viewer may see them. Anyone who may not
 * gets the same 404 as for a file that does not exist, so ids of private proofs reveal nothing.
 * With S3, the reader is redirected to a presigned GET after this check, so large files never pass
 * through Lambda (whose replies are capped at 6 MB); on local disk the API streams them.
 */
export async function readFile(ctx: TDomainContext, viewer: TMe | undefined, fileId: string): Promise<TReadFileResult> {
  const notFound = () => new AppError('NOT_FOUND', 'No such file');
  const record = await getFileRecord(ctx.db, fileId);
  if (!record || !canReadFile(viewer, record)) throw notFound();
  const delivery = deliveryOf(record);
  const redirectUrl = await ctx.files.presignGet(record.storageKey, { ...delivery, expiresInSeconds: downloadUrlLifetimeSeconds });
  if (redirectUrl) return { delivery, kind: record.kind, redirectUrl };
  const stored = await ctx.files.get(record.storageKey);
  if (!stored) {
    // Bytes are written before the record, so this means the store lost them.
    ctx.logger.error({ fileId, storageKey: record.storageKey }, 'file record without stored bytes');
    throw notFound();
  }
  return { delivery, kind: record.kind, body: stored.body };
}
