import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';

/** Every item of a GSI2 work queue (`COUNCILS#pending`, `AMENDMENTS#pending`), oldest first, all pages. */
export async function queryQueue(db: TDb, queue: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': queue },
        ExclusiveStartKey: cursor,
      }),
    );
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}
