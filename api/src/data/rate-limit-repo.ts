import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

const ZWindow = z.object({ failures: z.number().int(), windowStart: z.number().int() });
export type TFailureWindow = z.infer<typeof ZWindow>;

/**
 * Failure counters live in the table, not in memory, so the limit holds across Lambdas.
 * A window opens at the first failure and lasts `windowSeconds`; TTL cleans old windows.
 */
export async function getFailureWindow(db: TDb, scope: string, subject: string): Promise<TFailureWindow | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.rateLimit(scope, subject), ConsistentRead: true }),
  );
  return Item ? ZWindow.parse(Item) : undefined;
}

/** Counts one failure atomically: adds to a live window, or opens a new one if it has lapsed. */
export async function recordFailure(
  db: TDb,
  scope: string,
  subject: string,
  nowSeconds: number,
  windowSeconds: number,
): Promise<void> {
  const key = keys.rateLimit(scope, subject);
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'ADD failures :one',
        ConditionExpression: 'windowStart > :cutoff',
        ExpressionAttributeValues: { ':one': 1, ':cutoff': nowSeconds - windowSeconds },
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    // No live window: open one. The condition stops two racing openers from both resetting it.
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET failures = :one, windowStart = :now, expiresAt = :expires, #type = :type',
        ConditionExpression: 'attribute_not_exists(windowStart) OR windowStart <= :cutoff',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':now': nowSeconds,
          ':cutoff': nowSeconds - windowSeconds,
          ':expires': nowSeconds + windowSeconds,
          ':type': 'RATE_WINDOW',
        },
      }),
    ).catch(async (inner: unknown) => {
      if (!(inner instanceof Error && inner.name === 'ConditionalCheckFailedException')) throw inner;
      await recordFailure(db, scope, subject, nowSeconds, windowSeconds);
    });
  }
}

export async function clearFailures(db: TDb, scope: string, subject: string): Promise<void> {
  await db.client.send(new DeleteCommand({ TableName: db.tableName, Key: keys.rateLimit(scope, subject) }));
}
