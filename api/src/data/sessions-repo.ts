import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

export const ZSessionRecord = z.object({
  tokenHash: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  /** Epoch seconds; DynamoDB's TTL deletes the item some time after this. */
  expiresAt: z.number().int(),
});
export type TSessionRecord = z.infer<typeof ZSessionRecord>;

export async function putSession(db: TDb, session: TSessionRecord): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.session(session.tokenHash),
        ...keys.sessionsOfUser(session.userId),
        gsi1sk: `SESSION#${session.createdAt}`,
        type: 'SESSION',
        ...session,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getSession(db: TDb, tokenHash: string): Promise<TSessionRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.session(tokenHash), ConsistentRead: true }),
  );
  return Item ? ZSessionRecord.parse(Item) : undefined;
}

export async function deleteSession(db: TDb, tokenHash: string): Promise<void> {
  await db.client.send(new DeleteCommand({ TableName: db.tableName, Key: keys.session(tokenHash) }));
}

/** Ends every session of a user (password change, revocation by an operator). */
export async function deleteSessionsOfUser(db: TDb, userId: string): Promise<number> {
  let deleted = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sessionsOfUser(userId).gsi1pk },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: cursor,
      }),
    );
    const items = page.Items ?? [];
    for (let i = 0; i < items.length; i += 25) {
      const batch = items.slice(i, i + 25).map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } }));
      await db.client.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch } }));
      deleted += batch.length;
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return deleted;
}
