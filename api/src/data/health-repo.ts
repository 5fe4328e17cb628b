import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

/** A cheap strongly consistent read that proves the table answers; gives up after `timeoutMs`. */
export async function pingTable(db: TDb, timeoutMs: number): Promise<boolean> {
  try {
    await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.health() }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
