import { ulid } from 'ulid';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZUploadIntentInput, type TUploadIntentReply } from '@koldoo/shared/contracts/uploads.ts';
import { putUploadIntent, type TUploadIntentRecord } from '../../data/upload-intents-repo.ts';
import { requireSignedIn } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';

/** How long the PUT URL works: enough for 10 MB on a slow village connection. */
export const uploadUrlLifetimeSeconds = 15 * 60;
/** How long the intent can be completed (the PUT may finish just before its URL expires). */
export const uploadIntentLifetimeSeconds = 60 * 60;

/**
 * Where a browser's bytes wait until the API has checked them: a prefix of their own, which no
 * reader is ever pointed at and which the bucket's lifecycle empties after a day (orphans).
 */
export function stagingKeyOf(uploadId: string): string {
  return `incoming/${uploadId}`;
}

/**
 * A signed-in member announces an upload (kind, type, exact size) and gets a URL to PUT the bytes
 * to directly, bypassing the API (and Lambda's 6 MB payload limit). Nothing is trusted yet: the
 * bytes are sniffed, re-encoded and recorded by `completeUpload`.
 */
export async function createUploadIntent(ctx: TDomainContext, viewer: TMe | undefined, raw: unknown): Promise<TUploadIntentReply> {
  const user = requireSignedIn(viewer);
  const input = parseInput(ZUploadIntentInput, raw);
  const now = ctx.clock.now();
  const id = ulid(now.getTime());
  const intent: TUploadIntentRecord = {
    id,
    ownerId: user.id,
    kind: input.kind,
    contentType: input.contentType,
    bytes: input.size,
    fileId: ulid(now.getTime()),
    stagingKey: stagingKeyOf(id),
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + uploadIntentLifetimeSeconds,
  };
  await putUploadIntent(ctx.db, intent);
  const { url, headers } = await ctx.files.presignPut(intent.stagingKey, {
    contentType: input.contentType,
    contentLength: input.size,
    expiresInSeconds: uploadUrlLifetimeSeconds,
  });
  ctx.logger.info({ uploadId: id, kind: input.kind, contentType: input.contentType, bytes: input.size }, 'upload intent created');
  return { uploadId: id, url, method: 'PUT', headers, expiresAt: new Date(now.getTime() + uploadUrlLifetimeSeconds * 1000).toISOString() };
}
