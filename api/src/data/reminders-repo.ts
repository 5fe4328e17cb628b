import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

/**
 * Takes the right to send one progress-report reminder for a project and period: a Put that
 * succeeds only if the marker is absent, so of any number of concurrent or repeated runs exactly
 * one gets `true`. The marker expires through TTL (`expiresAt`, epoch seconds) once its period
 * can no longer recur.
 */
export async function claimProgressReminder(
  db: TDb,
  input: { projectId: string; since: string; period: number; claimedAt: string; expiresAt: number },
): Promise<boolean> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.progressReminder(input.projectId, input.since, input.period),
          type: 'PROGRESS_REMINDER',
          projectId: input.projectId,
          since: input.since,
          period: input.period,
          claimedAt: input.claimedAt,
          expiresAt: input.expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
