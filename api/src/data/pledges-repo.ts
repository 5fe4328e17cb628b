import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';
import { ZPledgeRecord, type TPledgeRecord } from './pledge-record.ts';
import { queryAll, queryQueue } from './query-all.ts';
import { transact, type TTransactOutcome } from './transact.ts';

/** Which treasurer's queue (GSI2) a pledge belongs in, if any. */
function queueOf(p: TPledgeRecord): 'awaiting_transfer' | 'refunds_due' | undefined {
  if (p.method !== 'bank_transfer') return undefined;
  if (p.status === 'pending') return 'awaiting_transfer';
  if (p.refundDueAt && (p.status === 'succeeded' || p.status === 'partially_refunded')) return 'refunds_due';
  return undefined;
}

export function pledgeItem(p: TPledgeRecord) {
  const queue = queueOf(p);
  return {
    ...keys.pledge(p.id),
    type: 'PLEDGE',
    gsi1pk: keys.pledgesOfProject(p.projectId),
    gsi1sk: `${p.createdAt}#${p.id}`,
    ...(queue ? { gsi2pk: keys.pledgeQueue(queue), gsi2sk: `${p.createdAt}#${p.id}` } : {}),
    ...p,
  };
}

/**
 * Creates a pledge with everything that must exist with it, or nothing: the member's link,
 * the idempotency record, the reference-code guard, and a check that the project still takes
 * pledges. On a failed condition, `explainInsertFailure` tells a replay from a closed project.
 */
export async function insertPledge(
  db: TDb,
  input: { pledge: TPledgeRecord; idempotency?: { scope: string; key: string; bodyHash: string } },
): Promise<TTransactOutcome> {
  const { pledge } = input;
  const items = [
    { Put: { TableName: db.tableName, Item: pledgeItem(pledge), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      ConditionCheck: {
        TableName: db.tableName,
        Key: keys.project(pledge.projectId),
        ConditionExpression: '#status IN (:published, :funded)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':published': 'published', ':funded': 'funded' },
      },
    },
    ...(pledge.userId
      ? [{ Put: { TableName: db.tableName, Item: { ...keys.userPledge(pledge.userId, pledge.createdAt, pledge.id), type: 'USER_PLEDGE', pledgeId: pledge.id } } }]
      : []),
    ...(input.idempotency
      ? [{
          Put: {
            TableName: db.tableName,
            Item: { ...keys.idempotency(input.idempotency.scope, input.idempotency.key), type: 'IDEMPOTENCY', pledgeId: pledge.id, bodyHash: input.idempotency.bodyHash, expiresAt: Math.floor(Date.parse(pledge.createdAt) / 1000) + 7 * 24 * 3600 },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        }]
      : []),
    ...(pledge.referenceCode
      ? [{ Put: { TableName: db.tableName, Item: { ...keys.pledgeReference(pledge.referenceCode), type: 'PLEDGE_REF', pledgeId: pledge.id }, ConditionExpression: 'attribute_not_exists(pk)' } }]
      : []),
  ];
  return transact(db, items);
}

/** Which of `insertPledge`'s conditions failed: asked only after a failure, so cheap enough. */
export async function explainInsertFailure(db: TDb, input: { idempotency?: { scope: string; key: string }; referenceCode?: string }) {
  if (input.idempotency && (await findIdempotencyRecord(db, input.idempotency.scope, input.idempotency.key))) return 'idempotency_taken' as const;
  if (input.referenceCode) {
    const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.pledgeReference(input.referenceCode), ConsistentRead: true }));
    if (Item) return 'reference_taken' as const;
  }
  return 'project_closed' as const;
}

export async function findIdempotencyRecord(db: TDb, scope: string, key: string): Promise<{ pledgeId: string; bodyHash: string } | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.idempotency(scope, key), ConsistentRead: true }));
  return Item ? { pledgeId: String(Item.pledgeId), bodyHash: String(Item.bodyHash) } : undefined;
}

export async function getPledge(db: TDb, id: string): Promise<TPledgeRecord | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.pledge(id), ConsistentRead: true }));
  return Item ? ZPledgeRecord.parse(Item) : undefined;
}

export async function findPledgeIdByReference(db: TDb, code: string): Promise<string | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.pledgeReference(code) }));
  return Item ? String(Item.pledgeId) : undefined;
}

export type TLedgerItem = { kind: string; at: string; pledgeId: string; kgsMinor: number; currency: string; minor: number };
export type TCounterDelta = { kgsMinor: number; backers: number; currency?: string; currencyMinor: number };

/**
 * One pledge change as one transaction: the pledge (only if nobody changed it since it was
 * read), the project's counters, and the immutable ledger entries (keys derived from the
 * pledge, so the same movement can never be booked twice).
 */
export async function commitPledgeChange(
  db: TDb,
  input: { before: TPledgeRecord; after: TPledgeRecord; delta: TCounterDelta; ledger: TLedgerItem[] },
): Promise<TTransactOutcome> {
  const { before, after, delta } = input;
  const hasCounters = delta.kgsMinor !== 0 || delta.backers !== 0 || delta.currencyMinor !== 0;
  const currencyAttribute = `raisedIn${delta.currency ?? 'KGS'}`;
  return transact(db, [
    {
      Put: {
        TableName: db.tableName,
        Item: pledgeItem({ ...after, version: before.version + 1 }),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': before.version },
      },
    },
    ...(hasCounters
      ? [{
          Update: {
            TableName: db.tableName,
            Key: keys.project(before.projectId),
            UpdateExpression: 'ADD raisedMinor :kgs, backers :backers, #currency :minor',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#currency': currencyAttribute },
            ExpressionAttributeValues: { ':kgs': delta.kgsMinor, ':backers': delta.backers, ':minor': delta.currencyMinor },
          },
        }]
      : []),
    ...input.ledger.map((entry) => ({
      Put: {
        TableName: db.tableName,
        Item: { ...keys.ledgerEntry(before.projectId, entry.pledgeId, entry.kind), type: 'LEDGER_ENTRY', projectId: before.projectId, ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
  ]);
}

/** Small field updates that are not state changes (checkout link, reminder sent, proof attached). */
export async function updatePledgeFields(db: TDb, pledge: TPledgeRecord, fields: Partial<TPledgeRecord>): Promise<boolean> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: pledgeItem({ ...pledge, ...fields, version: pledge.version + 1 }),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': pledge.version },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * Takes the right to refund a pledge through Stripe. Only one job run (or moderator) holds it
 * at a time; a holder that died frees it after `leaseMs`, and Stripe's idempotency key makes
 * the next holder's request a replay rather than a second refund.
 */
export async function claimRefund(db: TDb, pledgeId: string, nowIso: string, leaseMs: number): Promise<boolean> {
  const staleBefore = new Date(Date.parse(nowIso) - leaseMs).toISOString();
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.pledge(pledgeId),
        UpdateExpression: 'SET refundClaimedAt = :now ADD version :one',
        ConditionExpression: '#status IN (:succeeded, :partial) AND (attribute_not_exists(refundClaimedAt) OR refundClaimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':now': nowIso, ':one': 1, ':succeeded': 'succeeded', ':partial': 'partially_refunded', ':stale': staleBefore },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Every pledge of a project (GSI1), oldest first. */
export async function listPledgesOfProject(db: TDb, projectId: string): Promise<TPledgeRecord[]> {
  const items = await queryAll(db, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.pledgesOfProject(projectId) } });
  return items.map((item) => ZPledgeRecord.parse(item));
}

export async function listPledgeQueue(db: TDb, queue: 'awaiting_transfer' | 'refunds_due'): Promise<TPledgeRecord[]> {
  return (await queryQueue(db, keys.pledgeQueue(queue))).map((item) => ZPledgeRecord.parse(item));
}

/** A member's pledges, newest first: the link items, then the pledges themselves. */
export async function listPledgesOfUser(db: TDb, userId: string): Promise<TPledgeRecord[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.user(userId).pk, ':prefix': 'PLEDGE#' },
      ScanIndexForward: false,
      Limit: 100,
    }),
  );
  const ids = (Items ?? []).map((item) => String(item.pledgeId));
  return batchGetPledges(db, ids);
}

export async function batchGetPledges(db: TDb, ids: string[]): Promise<TPledgeRecord[]> {
  const found = new Map<string, TPledgeRecord>();
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [db.tableName]: { Keys: ids.slice(i, i + 100).map((id) => keys.pledge(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const reply = await db.client.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of reply.Responses?.[db.tableName] ?? []) {
        const pledge = ZPledgeRecord.parse(item);
        found.set(pledge.id, pledge);
      }
      request = reply.UnprocessedKeys as typeof request;
    }
  }
  return ids.map((id) => found.get(id)).filter((p): p is TPledgeRecord => p !== undefined);
}

export async function listLedgerEntries(db: TDb, projectId: string): Promise<TLedgerItem[]> {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `LEDGER#${projectId}` } });
  return items.map((i) => ({ kind: String(i.kind), at: String(i.at), pledgeId: String(i.pledgeId), kgsMinor: Number(i.kgsMinor), currency: String(i.currency), minor: Number(i.minor) }));
}

export async function isPaymentEventProcessed(db: TDb, eventId: string): Promise<boolean> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.paymentEvent(eventId), ConsistentRead: true }));
  return Boolean(Item);
}

/** Remembers a processed event for 90 days; Stripe retries for at most three. */
export async function markPaymentEventProcessed(db: TDb, event: { id: string; type: string }, nowIso: string): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.paymentEvent(event.id), type: 'PAYMENT_EVENT', eventType: event.type, processedAt: nowIso, expiresAt: Math.floor(Date.parse(nowIso) / 1000) + 90 * 24 * 3600 },
    }),
  );
}
