import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { ZLocale } from '@koldoo/shared/locales.ts';
import { ZRole } from '@koldoo/shared/contracts/auth.ts';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';

/** A user as stored. Parsed with zod on every read so a bad item fails loudly, not silently. */
export const ZUserRecord = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  passwordHash: z.string(),
  roles: z.array(ZRole),
  councilIds: z.array(z.string()),
  locale: ZLocale,
  createdAt: z.string(),
});
export type TUserRecord = z.infer<typeof ZUserRecord>;

const ZEmailRecord = z.object({ userId: z.string() });

/** Thrown when the e-mail already belongs to an account. */
export class EmailTakenError extends Error {}

/**
 * Writes the user and its e-mail guard in one transaction, so two registrations racing for
 * one e-mail cannot both succeed and no user exists without its guard.
 */
export async function insertUser(db: TDb, user: TUserRecord): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.email(user.email), type: 'EMAIL', userId: user.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.user(user.id), type: 'USER', ...user },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    const isTaken =
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
    if (isTaken) throw new EmailTakenError(user.email, { cause: error });
    throw error;
  }
}

export async function getUserById(db: TDb, userId: string): Promise<TUserRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.user(userId), ConsistentRead: true }),
  );
  return Item ? ZUserRecord.parse(Item) : undefined;
}

export async function getUserByEmail(db: TDb, email: string): Promise<TUserRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.email(email), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return getUserById(db, ZEmailRecord.parse(Item).userId);
}

/** Adds a role once (a string set would do, but a list keeps the item plain JSON). */
export async function grantRole(db: TDb, userId: string, role: TUserRecord['roles'][number]): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.user(userId),
      UpdateExpression: 'SET #roles = list_append(#roles, :role)',
      ConditionExpression: 'attribute_exists(pk) AND NOT contains(#roles, :name)',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':role': [role], ':name': role },
    }),
  ).catch((error: unknown) => {
    // Already granted is success: the operation is idempotent.
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return;
    throw error;
  });
}

/** Replaces the councils a user officiates for (granted by council approval). */
export async function setCouncilIds(db: TDb, userId: string, councilIds: string[]): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.user(userId),
      UpdateExpression: 'SET councilIds = :ids',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':ids': councilIds },
    }),
  );
}
