import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ZDirectUploadKind, ZUploadedFile } from '@koldoo/shared/contracts/uploads.ts';
import type { TDb } from './db.ts';
import { fileRecordPut, type TFileRecord } from './files-repo.ts';
import { keys } from './keys.ts';
import { transact } from './transact.ts';

/**
 * A browser's announced upload: who, what kind, which type and exactly how many bytes, and the id
 * the accepted file will get. `pending` until completed once; then `completed` (kept until its TTL,
 * so a repeated complete answers with the same file).
 */
export const ZUploadIntentRecord = z.object({
  id: z.string(),
  ownerId: z.string(),
  kind: ZDirectUploadKind,
  contentType: ZUploadedFile.shape.contentType,
  bytes: z.number().int().positive(),
  /** Chosen up front, so two racing completes write one file record, not two. */
  fileId: z.string(),
  /** Where the browser PUTs the bytes (`incoming/<id>`), deleted on completion. */
  stagingKey: z.string(),
  status: z.enum(['pending', 'completed']),
  createdAt: z.string(),
  /** Epoch seconds; DynamoDB's TTL deletes the item some time after this, so reads check it too. */
  expiresAt: z.number().int(),
});
export type TUploadIntentRecord = z.infer<typeof ZUploadIntentRecord>;

export async function putUploadIntent(db: TDb, intent: TUploadIntentRecord): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.uploadIntent(intent.id), type: 'UPLOAD_INTENT', ...intent },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getUploadIntent(db: TDb, uploadId: string): Promise<TUploadIntentRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.uploadIntent(uploadId), ConsistentRead: true }),
  );
  return Item ? ZUploadIntentRecord.parse(Item) : undefined;
}

/**
 * Records the accepted file and marks its intent completed, all or nothing: the intent only if it
 * is still pending, the file only if its id is new. `condition_failed` means another complete won.
 */
export async function completeUploadIntent(db: TDb, intent: TUploadIntentRecord, file: TFileRecord) {
  return transact(db, [
    { Put: fileRecordPut(db, file) },
    {
      Update: {
        TableName: db.tableName,
        Key: keys.uploadIntent(intent.id),
        UpdateExpression: 'SET #status = :completed',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':completed': 'completed', ':pending': 'pending' },
      },
    },
  ]);
}
