import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
  /**
   * When something first referenced the file (council application, project cover or gallery,
   * progress update, transfer proof), in the same transaction as that reference. Until then the
   * file is in the sparse GSI2 partition `FILES#unused`, and the sweep deletes it after a day.
   */
  usedAt: z.string().optional(),
  /** Set by the sweep before it deletes the bytes; from then on the file is gone to every reader and can no longer be used. */
  deletingAt: z.string().optional(),
});
export type TFileRecord = z.infer<typeof ZFileRecord>;

/** The Put of a new file record (alone, or in the transaction that completes an upload intent); it starts unused. */
export function fileRecordPut(db: TDb, file: TFileRecord) {
  return {
    TableName: db.tableName,
    Item: { ...keys.file(file.id), ...keys.unusedFile(file.createdAt, file.id), type: 'FILE', ...file },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export async function putFileRecord(db: TDb, file: TFileRecord): Promise<void> {
  await db.client.send(new PutCommand(fileRecordPut(db, file)));
}

/** A file's record; one the sweep is deleting reads as missing, so no check lets it be used. */
export async function getFileRecord(db: TDb, fileId: string): Promise<TFileRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.file(fileId), ConsistentRead: true }),
  );
  const file = Item ? ZFileRecord.parse(Item) : undefined;
  return file?.deletingAt === undefined ? file : undefined;
}

/** Shared by every use: the first use is kept, the sparse index entry goes, a file being deleted is refused. */
const use = {
  set: 'usedAt = if_not_exists(usedAt, :usedAt)',
  remove: 'REMOVE gsi2pk, gsi2sk',
  condition: 'attribute_exists(pk) AND attribute_not_exists(deletingAt)',
};

/**
 * The transaction items that record a use of files (written with the item that references them),
 * once per file: a transaction may not touch one item twice, and a cover may repeat in the gallery.
 * Conditional on each file existing and not being deleted, so a reference never outlives its bytes.
 */
export function useFileItems(db: TDb, fileIds: readonly string[], usedAt: string) {
  return [...new Set(fileIds)].map((fileId) => ({
    Update: {
      TableName: db.tableName,
      Key: keys.file(fileId),
      UpdateExpression: `SET ${use.set} ${use.remove}`,
      ConditionExpression: use.condition,
      ExpressionAttributeValues: { ':usedAt': usedAt },
    },
  }));
}

/**
 * The transaction item that ties a file to a council, so the council's officials may read it; it
 * is also the proof's use. Conditional: a file linked to one council is never moved to another.
 */
export function linkFileToCouncilItem(db: TDb, fileId: string, councilId: string, usedAt: string) {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.file(fileId),
      UpdateExpression: `SET councilId = :councilId, ${use.set} ${use.remove}`,
      ConditionExpression: `${use.condition} AND (attribute_not_exists(councilId) OR councilId = :councilId)`,
      ExpressionAttributeValues: { ':councilId': councilId, ':usedAt': usedAt },
    },
  };
}

export type TLinkFileResult = 'linked' | 'not_found' | 'linked_elsewhere';

/** The same link on its own (idempotent: linking again to the same council succeeds). */
export async function linkFileToCouncil(db: TDb, fileId: string, councilId: string, usedAt: string): Promise<TLinkFileResult> {
  try {
    await db.client.send(new UpdateCommand(linkFileToCouncilItem(db, fileId, councilId, usedAt).Update));
    return 'linked';
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    // Only the failure path pays for a second read, to tell "no such file" from "taken".
    return (await getFileRecord(db, fileId)) ? 'linked_elsewhere' : 'not_found';
  }
}

/**
 * One page of files never used and created before `createdBefore` (an ISO time), oldest first:
 * GSI2 `FILES#unused`, `gsi2sk < createdBefore` (the sort key starts with the creation time).
 * Eventually consistent: whatever it returns is re-checked by the claim's condition.
 */
export async function listUnusedFiles(
  db: TDb,
  input: { createdBefore: string; limit: number; cursor?: Record<string, unknown> | undefined },
): Promise<{ files: { id: string }[]; cursor: Record<string, unknown> | undefined }> {
  const page = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
      ExpressionAttributeValues: { ':pk': keys.unusedFiles, ':before': input.createdBefore },
      ProjectionExpression: 'id',
      Limit: input.limit,
      ExclusiveStartKey: input.cursor,
    }),
  );
  return { files: (page.Items ?? []).map((item) => ({ id: String(item['id']) })), cursor: page.LastEvaluatedKey };
}

/**
 * The sweep's point of no return: marks a file `deletingAt` only if it is still unused (no
 * `usedAt`, no council, still in the unused index). Every use is conditional on the file not
 * being marked, so exactly one of "used" and "deleting" wins. A file already marked (a run that
 * died before finishing) is claimed again, keeping its first mark. Returns the file, or undefined.
 */
export async function claimUnusedFileForDeletion(db: TDb, fileId: string, at: string): Promise<TFileRecord | undefined> {
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.file(fileId),
        UpdateExpression: 'SET deletingAt = if_not_exists(deletingAt, :at)',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND attribute_not_exists(councilId) AND gsi2pk = :unused',
        ExpressionAttributeValues: { ':at': at, ':unused': keys.unusedFiles },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return ZFileRecord.parse(Attributes);
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

/** Deletes a claimed file's record (and with it its index entry); false if another run already did. */
export async function deleteClaimedFileRecord(db: TDb, fileId: string): Promise<boolean> {
  try {
    await db.client.send(
      new DeleteCommand({ TableName: db.tableName, Key: keys.file(fileId), ConditionExpression: 'attribute_exists(deletingAt)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
