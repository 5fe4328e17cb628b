import { AppError } from '@koldoo/shared/errors.ts';
import { maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import type { TSignedPut } from '../ports.ts';
import type { TDomainContext } from '../context.ts';
import { stagingKeyOf } from './create-upload-intent.ts';
import { fileRejected } from './sanitize-image.ts';

/**
 * The local stand-in for S3 taking a presigned PUT: the file store checks the URL's signature
 * (it is the permission; no session is involved, as with S3) and stages the bytes. In AWS the
 * browser PUTs to S3 itself and this answers 404.
 */
export async function receiveUploadBytes(
  ctx: Pick<TDomainContext, 'files' | 'logger'>,
  put: Omit<TSignedPut, 'key'> & { uploadId: string },
): Promise<void> {
  if (!ctx.files.receiveSignedPut) throw new AppError('NOT_FOUND', 'Uploads go straight to storage here');
  const { uploadId, ...request } = put;
  const result = await ctx.files.receiveSignedPut({ ...request, key: stagingKeyOf(uploadId) });
  switch (result) {
    case 'stored':
      return;
    case 'forbidden':
      throw new AppError(
        'FORBIDDEN',
        'This upload link is invalid or expired, or the file is not the type and size that were announced',
      );
    case 'too_large':
      throw new AppError('PAYLOAD_TOO_LARGE', `Files may be at most ${maxUploadBytes / 1024 / 1024} MB, and exactly the size announced`);
    case 'incomplete':
      throw fileRejected('size_mismatch', 'The upload ended before the announced size');
  }
}
