import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';

/** Every item a Query matches, following `LastEvaluatedKey` through all pages. */
export async function queryAll(db: TDb, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(new QueryCommand({ ...input, TableName: db.tableName, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

/** Every item of a GSI2 work queue (`COUNCILS#pending`, `AMENDMENTS#pending`), oldest first. */
export function queryQueue(db: TDb, queue: string): Promise<Record<string, unknown>[]> {
  return queryAll(db, { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': queue } });
}
