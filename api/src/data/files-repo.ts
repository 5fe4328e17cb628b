import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ZUploadedFile } from '@koldoo/shared/contracts/uploads.ts';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

/** An upload's metadata as stored; the bytes are in the file store under `storageKey`. */
export const ZFileRecord = ZUploadedFile.extend({
  ownerId: z.string(),
  /** Set once a council proof is attached to a council application; never changes after. */
  councilId: z.string().optional(),
  createdAt: z.string(),
  storageKey: z.string(),
});
export type TFileRecord = z.infer<typeof ZFileRecord>;

/** The Put of a new file record (alone, or in the transaction that completes an upload intent). */
export function fileRecordPut(db: TDb, file: TFileRecord) {
  return {
    TableName: db.tableName,
    Item: { ...keys.file(file.id), type: 'FILE', ...file },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export async function putFileRecord(db: TDb, file: TFileRecord): Promise<void> {
  await db.client.send(new PutCommand(fileRecordPut(db, file)));
}

export async function getFileRecord(db: TDb, fileId: string): Promise<TFileRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.file(fileId), ConsistentRead: true }),
  );
  return Item ? ZFileRecord.parse(Item) : undefined;
}

/**
 * The transaction item that ties a file to a council, so the council's officials may read it.
 * Conditional: a file linked to one council is never moved to another.
 */
export function linkFileToCouncilItem(db: TDb, fileId: string, councilId: string) {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.file(fileId),
      UpdateExpression: 'SET councilId = :councilId',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(councilId) OR councilId = :councilId)',
      ExpressionAttributeValues: { ':councilId': councilId },
    },
  };
}

export type TLinkFileResult = 'linked' | 'not_found' | 'linked_elsewhere';

/** The same link on its own (idempotent: linking again to the same council succeeds). */
export async function linkFileToCouncil(db: TDb, fileId: string, councilId: string): Promise<TLinkFileResult> {
  try {
    await db.client.send(new UpdateCommand(linkFileToCouncilItem(db, fileId, councilId).Update));
    return 'linked';
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    // Only the failure path pays for a second read, to tell "no such file" from "taken".
    return (await getFileRecord(db, fileId)) ? 'linked_elsewhere' : 'not_found';
  }
}
