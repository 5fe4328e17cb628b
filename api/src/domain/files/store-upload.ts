import { ulid } from 'ulid';
import { AppError } from '@koldoo/shared/errors.ts';
import { maxUploadBytes, uploadTypesByKind, type TUploadKind, type TUploadedFile } from '@koldoo/shared/contracts/uploads.ts';
import { putFileRecord, type TFileRecord } from '../../data/files-repo.ts';
import type { TDomainContext } from '../context.ts';
import { fileRejected, sanitizeImage } from './sanitize-image.ts';
import { isImageType, sniffFileType, type TSniffedType } from './sniff-file-type.ts';

export function storageKeyOf(kind: TUploadKind, id: string): string {
  return `uploads/${kind}/${id}`;
}

/** The wire shape of a stored file. */
export function toUploadedFile(record: TFileRecord): TUploadedFile {
  return {
    id: record.id,
    kind: record.kind,
    contentType: record.contentType,
    bytes: record.bytes,
    ...(record.width !== undefined ? { width: record.width } : {}),
    ...(record.height !== undefined ? { height: record.height } : {}),
  };
}

/**
 * Accepts an upload, whichever way its bytes came (a multipart post, or staged in the store by a
 * presigned PUT and completed): checks its size, decides its type from its bytes alone, re-encodes
 * images so no metadata survives, then stores the bytes and only afterwards the record (a crash in
 * between leaves an orphan blob, never a record pointing at nothing). `record` writes the record:
 * a plain conditional Put, or the completion's transaction that also closes the upload intent.
 */
export async function storeUpload(
  ctx: TDomainContext,
  input: { ownerId: string; kind: TUploadKind; bytes: Uint8Array; fileId?: string },
  record: (file: TFileRecord) => Promise<void> = (file) => putFileRecord(ctx.db, file),
): Promise<TUploadedFile> {
  if (input.bytes.byteLength > maxUploadBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Files may be at most ${maxUploadBytes / 1024 / 1024} MB`);
  }
  const sniffed = sniffFileType(input.bytes);
  if (!sniffed) throw fileRejected('unsupported_type', 'Only JPEG, PNG, WebP images and PDF documents are accepted');
  if (!(uploadTypesByKind[input.kind] as readonly TSniffedType[]).includes(sniffed)) {
    throw fileRejected('wrong_type_for_kind', 'Project images must be JPEG, PNG or WebP');
  }

  const stored = isImageType(sniffed)
    ? await sanitizeImage(input.bytes, sniffed)
    : { body: input.bytes, contentType: sniffed, width: undefined, height: undefined };

  const id = input.fileId ?? ulid();
  const file: TFileRecord = {
    id,
    kind: input.kind,
    contentType: stored.contentType,
    bytes: stored.body.byteLength,
    ...(stored.width !== undefined ? { width: stored.width, height: stored.height } : {}),
    ownerId: input.ownerId,
    createdAt: ctx.clock.now().toISOString(),
    storageKey: storageKeyOf(input.kind, id),
  };
  await ctx.files.put(file.storageKey, stored.body, file.contentType);
  await record(file);
  ctx.logger.info({ fileId: id, kind: input.kind, contentType: file.contentType, bytes: file.bytes }, 'file uploaded');
  return toUploadedFile(file);
}
