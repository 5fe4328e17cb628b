import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';
import { useFileItems } from './files-repo.ts';
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
    ...(p.userId ? { gsi3pk: keys.pledgesOfUser(p.userId), gsi3sk: `${p.createdAt}#${p.id}` } : {}),
    ...p,
  };
}

/**
 * Creates a pledge, or nothing if its id exists. A pledge made with an `Idempotency-Key` has an
 * id derived from the key, so the pledge itself is the idempotency record: one conditional Put,
 * no transaction (DynamoDB Local runs transactions one at a time; pledges must be fast). A bank
 * transfer also takes its reference code's guard, in one transaction. A refusal means the
 * pledge exists (a replay) or the code was taken; the caller reads the pledge to tell which.
 */
export async function insertPledge(db: TDb, pledge: TPledgeRecord): Promise<TTransactOutcome> {
  const put = { TableName: db.tableName, Item: pledgeItem(pledge), ConditionExpression: 'attribute_not_exists(pk)' };
  if (!pledge.referenceCode) {
    try {
      await db.client.send(new PutCommand(put));
      return 'committed';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'condition_failed';
      throw error;
    }
  }
  return transact(db, [
    { Put: put },
    { Put: { TableName: db.tableName, Item: { ...keys.pledgeReference(pledge.referenceCode), type: 'PLEDGE_REF', pledgeId: pledge.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
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
 * read), the project's counters, the immutable ledger entries (keys derived from the pledge,
 * so the same movement can never be booked twice) and, for a payment event, its marker.
 */
export async function commitPledgeChange(
  db: TDb,
  input: { before: TPledgeRecord; after: TPledgeRecord; delta: TCounterDelta; ledger: TLedgerItem[]; event?: { id: string; type: string } },
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
    ...(input.event ? [{ Put: { TableName: db.tableName, Item: paymentEventItem(input.event, input.after.updatedAt) } }] : []),
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
 * Attaches a transfer proof: the pledge's new fields (only if its `version` is unchanged) and the
 * proof file's use, one transaction. A failed condition (the pledge moved, or the file is being
 * swept) writes nothing and leaves the upload unused, so the sweep removes it after a day.
 */
export async function attachPledgeProof(db: TDb, pledge: TPledgeRecord, fields: Partial<TPledgeRecord> & { proofFileId: string; updatedAt: string }): Promise<boolean> {
  const outcome = await transact(db, [
    {
      Put: {
        TableName: db.tableName,
        Item: pledgeItem({ ...pledge, ...fields, version: pledge.version + 1 }),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': pledge.version },
      },
    },
    ...useFileItems(db, [fields.proofFileId], fields.updatedAt),
  ]);
  return outcome === 'committed';
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

/** A member's last 100 pledges, newest first: their keys from GSI3, then the pledges themselves. */
export async function listPledgesOfUser(db: TDb, userId: string): Promise<TPledgeRecord[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.pledgesOfUser(userId) },
      ProjectionExpression: 'id',
      ScanIndexForward: false,
      Limit: 100,
    }),
  );
  const ids = (Items ?? []).map((item) => String(item.id));
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

/** A processed event, remembered for 90 days; Stripe retries for at most three. */
function paymentEventItem(event: { id: string; type: string }, nowIso: string) {
  return { ...keys.paymentEvent(event.id), type: 'PAYMENT_EVENT', eventType: event.type, processedAt: nowIso, expiresAt: Math.floor(Date.parse(nowIso) / 1000) + 90 * 24 * 3600 };
}

/** Marks an event that changed nothing (ignored, or a replay that lost the race). */
export async function markPaymentEventProcessed(db: TDb, event: { id: string; type: string }, nowIso: string): Promise<void> {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: paymentEventItem(event, nowIso) }));
}
