import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ZCouncilPrivate, type TCouncilPrivate } from '@koldoo/shared/contracts/councils.ts';
import type { TDb } from './db.ts';
import { linkFileToCouncilItem } from './files-repo.ts';
import { keys } from './keys.ts';
import { queryQueue } from './query-all.ts';
import type { TUserRecord } from './users-repo.ts';

export const ZCouncilRecord = ZCouncilPrivate;
export type TCouncilRecord = z.infer<typeof ZCouncilRecord>;

export const ZCouncilEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  action: z.enum(['apply', 'approve', 'reject', 'request_changes', 'add_official']),
  reason: z.string().optional(),
});
export type TCouncilEvent = z.infer<typeof ZCouncilEvent>;

/** Verified councils are listed by region (GSI1); pending ones wait in the queue (GSI2). Both sparse. */
function indexKeys(council: TCouncilRecord) {
  return council.status === 'verified'
    ? { gsi1pk: `REGION#${council.regionId}`, gsi1sk: `COUNCIL#${council.districtId}#${council.id}` }
    : council.status === 'pending'
      ? { gsi2pk: 'COUNCILS#pending', gsi2sk: `${council.createdAt}#${council.id}` }
      : {};
}

function councilItem(council: TCouncilRecord) {
  return { ...keys.council(council.id), type: 'COUNCIL', ...indexKeys(council), ...council };
}

/** Thrown when the proof's link fails: it already backs another council's application (or is gone, being swept). */
export class ProofTakenError extends Error {}

/**
 * The application, its proof's link to it, the applicant's link and its first event, all or
 * nothing: a failed application never leaves its proof tied to a council that does not exist.
 */
export async function insertCouncilApplication(db: TDb, council: TCouncilRecord, proofFileId: string, event: TCouncilEvent): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          linkFileToCouncilItem(db, proofFileId, council.id, council.createdAt),
          { Put: { TableName: db.tableName, Item: councilItem(council), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: db.tableName, Item: { ...keys.userCouncil(council.applicantId, council.id), type: 'USER_COUNCIL', councilId: council.id } } },
          { Put: { TableName: db.tableName, Item: { ...keys.councilEvent(council.id, event.at, event.id), type: 'COUNCIL_EVENT', ...event } } },
        ],
      }),
    );
  } catch (error) {
    const isProofTaken =
      error instanceof Error && error.name === 'TransactionCanceledException' &&
      (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
    if (isProofTaken) throw new ProofTakenError(proofFileId, { cause: error });
    throw error;
  }
}

/** Seeding only. */
export async function putCouncil(db: TDb, council: TCouncilRecord): Promise<void> {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: councilItem(council) }));
  for (const userId of council.officialIds) {
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...keys.userCouncil(userId, council.id), type: 'USER_COUNCIL', councilId: council.id } }));
  }
}

export async function getCouncil(db: TDb, id: string): Promise<TCouncilRecord | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.council(id), ConsistentRead: true }));
  return Item ? ZCouncilRecord.parse(Item) : undefined;
}

export async function getCouncils(db: TDb, ids: string[]): Promise<TCouncilRecord[]> {
  const unique = [...new Set(ids)];
  const found: TCouncilRecord[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    const { Responses } = await db.client.send(
      new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: unique.slice(i, i + 100).map((id) => keys.council(id)) } } }),
    );
    found.push(...(Responses?.[db.tableName] ?? []).map((item) => ZCouncilRecord.parse(item)));
  }
  return found;
}

export async function listVerifiedCouncilsByRegion(db: TDb, regionId: string, districtId?: string): Promise<TCouncilRecord[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `REGION#${regionId}`, ':prefix': districtId ? `COUNCIL#${districtId}#` : 'COUNCIL#' },
    }),
  );
  return (Items ?? []).map((item) => ZCouncilRecord.parse(item));
}

export async function listPendingCouncils(db: TDb): Promise<TCouncilRecord[]> {
  return (await queryQueue(db, 'COUNCILS#pending')).map((item) => ZCouncilRecord.parse(item));
}

/** Councils a user applied for or officiates (`USER#<id>` / `COUNCIL#…` links). */
export async function listCouncilIdsOfUser(db: TDb, userId: string): Promise<string[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'COUNCIL#' },
    }),
  );
  return (Items ?? []).map((item) => String(item.councilId));
}

/**
 * Records a moderator's decision. On approval the applicant becomes an official of the council
 * in the same transaction, conditioned on the user record not having changed since it was read.
 */
export async function decideCouncilApplication(
  db: TDb,
  input: { council: TCouncilRecord; next: TCouncilRecord; event: TCouncilEvent; applicant?: TUserRecord; applicantNext?: Pick<TUserRecord, 'roles' | 'councilIds'> },
): Promise<boolean> {
  const { council, next, event, applicant, applicantNext } = input;
  const transact: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    {
      Put: {
        TableName: db.tableName,
        Item: councilItem(next),
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': council.status },
      },
    },
    { Put: { TableName: db.tableName, Item: { ...keys.councilEvent(council.id, event.at, event.id), type: 'COUNCIL_EVENT', ...event } } },
  ];
  if (applicant && applicantNext) {
    transact.push({
      Update: {
        TableName: db.tableName,
        Key: keys.user(applicant.id),
        UpdateExpression: 'SET #roles = :roles, councilIds = :ids',
        ConditionExpression: '#roles = :oldRoles AND councilIds = :oldIds',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': applicantNext.roles, ':ids': applicantNext.councilIds, ':oldRoles': applicant.roles, ':oldIds': applicant.councilIds },
      },
    });
  }
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: transact }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/**
 * Adds an official to a verified council: the council's list, the user's role and councilIds, the
 * user↔council link and an event, in one transaction conditioned on both records as read.
 */
export async function addCouncilOfficial(
  db: TDb,
  input: { council: TCouncilRecord; user: TUserRecord; event: TCouncilEvent },
): Promise<boolean> {
  const { council, user, event } = input;
  const roles = user.roles.includes('council_official') ? user.roles : [...user.roles, 'council_official' as const];
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.council(council.id),
              UpdateExpression: 'SET officialIds = :next',
              ConditionExpression: 'officialIds = :old AND #status = :verified',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':next': [...council.officialIds, user.id], ':old': council.officialIds, ':verified': 'verified' },
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: keys.user(user.id),
              UpdateExpression: 'SET #roles = :roles, councilIds = :ids',
              ConditionExpression: '#roles = :oldRoles AND councilIds = :oldIds',
              ExpressionAttributeNames: { '#roles': 'roles' },
              ExpressionAttributeValues: { ':roles': roles, ':ids': [...user.councilIds, council.id], ':oldRoles': user.roles, ':oldIds': user.councilIds },
            },
          },
          { Put: { TableName: db.tableName, Item: { ...keys.userCouncil(user.id, council.id), type: 'USER_COUNCIL', councilId: council.id } } },
          { Put: { TableName: db.tableName, Item: { ...keys.councilEvent(council.id, event.at, event.id), type: 'COUNCIL_EVENT', ...event } } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
    throw error;
  }
}
