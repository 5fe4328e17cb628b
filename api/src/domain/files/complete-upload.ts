import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TUploadedFile } from '@koldoo/shared/contracts/uploads.ts';
import { getFileRecord } from '../../data/files-repo.ts';
import { completeUploadIntent, getUploadIntent, type TUploadIntentRecord } from '../../data/upload-intents-repo.ts';
import { requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { fileRejected } from './sanitize-image.ts';
import { storeUpload, toUploadedFile } from './store-upload.ts';

class LostCompletionRace extends Error {}

/** Staged bytes go once they are accepted or refused; a failed delete is left to the bucket's lifecycle rule. */
async function discardStaged(ctx: TDomainContext, intent: TUploadIntentRecord): Promise<void> {
  try {
    await ctx.files.delete(intent.stagingKey);
  } catch (error) {
    ctx.logger.warn({ err: error, uploadId: intent.id, key: intent.stagingKey }, 'could not delete staged upload');
  }
}

async function completedFile(ctx: TDomainContext, intent: TUploadIntentRecord): Promise<TUploadedFile> {
  const file = await getFileRecord(ctx.db, intent.fileId);
  if (!file) throw new AppError('CONFLICT', 'This upload was completed, but its file is gone');
  return toUploadedFile(file);
}

/**
 * Turns bytes a browser PUT into storage into an accepted file, by the very checks of a multipart
 * upload (`storeUpload`: 10 MB cap, type sniffed from the bytes, images re-encoded without
 * metadata). Only the intent's owner may complete it (anyone else: 404). The file record and the
 * intent's `pending → completed` are one transaction on a file id chosen with the intent, so
 * completing twice, even at once, makes one file, and the repeat answers with it (`isNew: false`).
 * Refused bytes are deleted; the intent stays pending (the URL may still be used again).
 */
export async function completeUpload(
  ctx: TDomainContext,
  viewer: TMe | undefined,
  uploadId: string,
): Promise<{ file: TUploadedFile; isNew: boolean }> {
  const user = requireSignedIn(viewer);
  const intent = await getUploadIntent(ctx.db, uploadId);
  if (!intent || intent.ownerId !== user.id) throw new AppError('NOT_FOUND', 'No such upload');
  if (intent.status === 'completed') return { file: await completedFile(ctx, intent), isNew: false };
  // TTL deletion is lazy: an expired intent is gone even while its item lingers.
  if (intent.expiresAt * 1000 <= ctx.clock.now().getTime()) throw new AppError('NOT_FOUND', 'No such upload');

  const staged = await ctx.files.get(intent.stagingKey);
  if (!staged) {
    // A concurrent complete may have just accepted and removed the bytes.
    const again = await getUploadIntent(ctx.db, uploadId);
    if (again?.status === 'completed') return { file: await completedFile(ctx, again), isNew: false };
    throw new AppError('CONFLICT', 'Nothing has been uploaded for this intent yet: PUT the file first');
  }
  if (staged.body.byteLength !== intent.bytes) {
    // S3 enforces the signed length; this also covers any store that does not.
    await discardStaged(ctx, intent);
    throw fileRejected('size_mismatch', 'The uploaded file is not the size that was announced');
  }

  try {
    const file = await storeUpload(
      ctx,
      { ownerId: user.id, kind: intent.kind, bytes: staged.body, fileId: intent.fileId },
      async (record) => {
        if ((await completeUploadIntent(ctx.db, intent, record)) === 'condition_failed') throw new LostCompletionRace();
      },
    );
    await discardStaged(ctx, intent);
    return { file, isNew: true };
  } catch (error) {
    // The other complete recorded the same file id (from the same staged bytes).
    if (error instanceof LostCompletionRace) return { file: await completedFile(ctx, intent), isNew: false };
    // Wrong type, corrupt image, too large: the bytes will never be accepted.
    if (error instanceof AppError) await discardStaged(ctx, intent);
    throw error;
  }
}
