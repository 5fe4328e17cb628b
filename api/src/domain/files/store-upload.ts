import { ulid } from 'ulid';
import { AppError } from '@koldoo/shared/errors.ts';
import { maxUploadBytes, type TUploadKind, type TUploadedFile } from '@koldoo/shared/contracts/uploads.ts';
import { putFileRecord, type TFileRecord } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';
import { fileRejected, sanitizeImage } from './sanitize-image.ts';
import { isImageType, sniffFileType, type TSniffedType } from './sniff-file-type.ts';

/** Which sniffed types each kind of upload accepts. */
const allowedTypes: Record<TUploadKind, readonly TSniffedType[]> = {
  project_image: ['image/jpeg', 'image/png', 'image/webp'],
  council_proof: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  transfer_proof: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
};

export function storageKeyOf(kind: TUploadKind, id: string): string {
  return `uploads/${kind}/${id}`;
}

/**
 * Accepts an upload: checks its size, decides its type from its bytes alone, re-encodes images
 * so no metadata survives, then stores the bytes and only afterwards the record (a crash in
 * between leaves an orphan blob, never a record pointing at nothing).
 */
export async function storeUpload(
  ctx: TDomainContext,
  input: { ownerId: string; kind: TUploadKind; bytes: Uint8Array },
): Promise<TUploadedFile> {
  if (input.bytes.byteLength > maxUploadBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Files may be at most ${maxUploadBytes / 1024 / 1024} MB`);
  }
  const sniffed = sniffFileType(input.bytes);
  if (!sniffed) throw fileRejected('unsupported_type', 'Only JPEG, PNG, WebP images and PDF documents are accepted');
  if (!allowedTypes[input.kind].includes(sniffed)) {
    throw fileRejected('wrong_type_for_kind', 'Project images must be JPEG, PNG or WebP');
  }

  const stored = isImageType(sniffed)
    ? await sanitizeImage(input.bytes, sniffed)
    : { body: input.bytes, contentType: sniffed, width: undefined, height: undefined };

  const id = ulid();
  const record: TFileRecord = {
    id,
    kind: input.kind,
    contentType: stored.contentType,
    bytes: stored.body.byteLength,
    ...(stored.width !== undefined ? { width: stored.width, height: stored.height } : {}),
    ownerId: input.ownerId,
    createdAt: ctx.clock.now().toISOString(),
    storageKey: storageKeyOf(input.kind, id),
  };
  await ctx.files.put(record.storageKey, stored.body, record.contentType);
  await putFileRecord(ctx.db, record);
  ctx.logger.info({ fileId: id, kind: input.kind, contentType: record.contentType, bytes: record.bytes }, 'file uploaded');
  return {
    id,
    kind: record.kind,
    contentType: record.contentType,
    bytes: record.bytes,
    ...(record.width !== undefined ? { width: record.width } : {}),
    ...(record.height !== undefined ? { height: record.height } : {}),
  };
}
