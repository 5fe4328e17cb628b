import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ZProjectCard, type TProjectCard, type TProjectStatus } from '@koldoo/shared/contracts/projects.ts';
import type { TDb } from './db.ts';
import { useFileItems } from './files-repo.ts';
import { keys } from './keys.ts';
import { queryAll, queryQueue } from './query-all.ts';
import { transact } from './transact.ts';
import { setExpression } from './update-expression.ts';
import {
  ZAmendmentRecord, ZAuditEvent, ZProjectRecord, cardAttributes,
  type TAmendmentRecord, type TAuditEvent, type TProjectRecord,
} from './project-record.ts';

/** Index attributes derived from the record, in one place so every write keeps them in step. */
function indexKeys(project: Pick<TProjectRecord, 'id' | 'councilId' | 'status' | 'createdAt'>) {
  return {
    ...keys.project(project.id),
    gsi1pk: `COUNCIL#${project.councilId}#PROJECTS`,
    gsi1sk: `${project.createdAt}#${project.id}`,
    gsi3pk: keys.projectsByStatus(project.status),
    gsi3sk: `${project.createdAt}#${project.id}`,
  };
}

/**
 * A new draft and its first event, with the use of its cover and gallery images (`useFileItems`:
 * each must exist and not be being swept), all or nothing. False when a condition failed: the
 * project id is new, so it was an image the unused-upload sweep took meanwhile.
 */
export async function insertProject(db: TDb, project: TProjectRecord, event: TAuditEvent, imageIds: readonly string[] = []): Promise<boolean> {
  const outcome = await transact(db, [
    { Put: { TableName: db.tableName, Item: { ...indexKeys(project), type: 'PROJECT', ...project }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: db.tableName, Item: eventItem(project.id, event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...useFileItems(db, imageIds, project.createdAt),
  ]);
  return outcome === 'committed';
}

/** Seeding only: writes a whole project with its events, overwriting. */
export async function putProjectWithEvents(db: TDb, project: TProjectRecord, events: TAuditEvent[]): Promise<void> {
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...indexKeys(project), type: 'PROJECT', ...project } }));
  for (const event of events) await db.client.send(new PutCommand({ TableName: db.tableName, Item: eventItem(project.id, event) }));
}

function eventItem(projectId: string, event: TAuditEvent) {
  return { ...keys.projectEvent(projectId, event.at, event.id), type: 'PROJECT_EVENT', projectId, ...event };
}

export async function getProject(db: TDb, id: string): Promise<TProjectRecord | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.project(id), ConsistentRead: true }));
  return Item ? ZProjectRecord.parse(Item) : undefined;
}

const ZProjectHead = z.object({ version: z.number().int(), status: ZProjectRecord.shape.status, raisedMinor: z.number().int(), backers: z.number().int() });

/**
 * The few attributes that say whether a cached project page is still right: its version (every
 * edit, lifecycle step, amendment decision and progress update bumps it), status, and the pledge counters (which
 * do not bump it). A small, eventually consistent read, for public caches only.
 */
export async function getProjectHead(db: TDb, id: string): Promise<z.infer<typeof ZProjectHead> | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.project(id), ProjectionExpression: '#v, #s, raisedMinor, backers', ExpressionAttributeNames: { '#v': 'version', '#s': 'status' } }),
  );
  return Item ? ZProjectHead.parse(Item) : undefined;
}

/**
 * The newest entry of a project's public timeline: audit events sort by time in their sort key
 * (`EVENT#<at>#<ulid>`), so this is one consistent Query, newest first, of one small item.
 * Progress updates, lifecycle steps and amendment decisions all write an event, so this is "the last news".
 */
export async function getLatestProjectEvent(db: TDb, projectId: string): Promise<{ id: string; at: string; action: string } | undefined> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
      ExpressionAttributeValues: { ':pk': keys.project(projectId).pk, ':event': 'EVENT#' },
      ProjectionExpression: 'id, #at, #action',
      ExpressionAttributeNames: { '#at': 'at', '#action': 'action' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = Items?.[0];
  return item ? ZAuditEvent.pick({ id: true, at: true, action: true }).parse(item) : undefined;
}

/** One Query reads the project, its audit events and its amendments: they share a partition. */
export async function getProjectAggregate(db: TDb, id: string) {
  const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.project(id).pk } });
  const profile = items.find((item) => item.sk === 'PROFILE');
  if (!profile) return undefined;
  return {
    project: ZProjectRecord.parse(profile),
    events: items.filter((i) => String(i.sk).startsWith('EVENT#')).map((i) => ZAuditEvent.parse(i)),
    amendments: items.filter((i) => String(i.sk).startsWith('AMENDMENT#')).map((i) => ZAmendmentRecord.parse(i)),
  };
}

/**
 * Applies a lifecycle transition atomically: the project moves only if it is still in `from`
 * (so racing moderators or replays cannot double-apply), and its audit event is written with it.
 * Returns false when the condition failed.
 */
export async function transitionProject(
  db: TDb,
  input: { project: TProjectRecord; to: TProjectStatus; event: TAuditEvent; set?: Record<string, unknown> },
): Promise<boolean> {
  const { project, to, event } = input;
  const set = setExpression({ status: to, gsi3pk: keys.projectsByStatus(to), updatedAt: event.at, ...input.set });
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.project(project.id),
              UpdateExpression: `${set.expression} ADD version :one`,
              ConditionExpression: '#status = :from AND version = :version',
              ExpressionAttributeNames: { ...set.names, '#status': 'status' },
              ExpressionAttributeValues: { ...set.values, ':from': project.status, ':version': project.version, ':one': 1 },
            },
          },
          { Put: { TableName: db.tableName, Item: eventItem(project.id, event), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/**
 * Records a council's progress update: the immutable timeline event, and the project's `version`
 * bumped in the same transaction so every process's cached public page notices the news (see
 * get-project.ts `revalidateReply`). Conditioned only on the status still being one of
 * `statuses`: the update changes no content, so an edit or pledge meanwhile does not refuse it.
 * Returns false when the condition failed (the project moved on or is gone).
 */
export async function insertProgressUpdate(
  db: TDb,
  input: { projectId: string; statuses: readonly TProjectStatus[]; event: TAuditEvent },
): Promise<boolean> {
  const statusValues = Object.fromEntries(input.statuses.map((status, i) => [`:s${i}`, status]));
  // Funded projects still take pledges, which write the same item: `transact` retries those conflicts.
  const outcome = await transact(db, [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.project(input.projectId),
        UpdateExpression: 'SET updatedAt = :at ADD version :one',
        ConditionExpression: `attribute_exists(pk) AND #status IN (${Object.keys(statusValues).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...statusValues, ':at': input.event.at, ':one': 1 },
      },
    },
    { Put: { TableName: db.tableName, Item: eventItem(input.projectId, input.event), ConditionExpression: 'attribute_not_exists(pk)' } },
    // The update's images are used from now on (and must not be being swept).
    ...useFileItems(db, input.event.imageIds ?? [], input.event.at),
  ]);
  return outcome === 'committed';
}

/**
 * Replaces a draft's content if nobody changed it meanwhile (optimistic lock on `version`). With
 * `imageIds` (the images the edit sets), their use is recorded in the same transaction. False when
 * a condition failed: the version or status moved, or an image is being swept.
 */
export async function replaceDraft(db: TDb, next: TProjectRecord, expectedVersion: number, imageIds: readonly string[] = []): Promise<boolean> {
  const put = {
    TableName: db.tableName,
    Item: { ...indexKeys(next), type: 'PROJECT', ...next, version: expectedVersion + 1 },
    ConditionExpression: 'version = :version AND #status IN (:draft, :changes)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':version': expectedVersion, ':draft': 'draft', ':changes': 'changes_requested' },
  };
  if (imageIds.length > 0) {
    return (await transact(db, [{ Put: put }, ...useFileItems(db, imageIds, next.updatedAt)])) === 'committed';
  }
  try {
    await db.client.send(new PutCommand(put));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Cards of every project in one status, newest first (GSI3 `PROJECTS#<status>`, card attributes only). */
export async function listProjectCardsByStatus(db: TDb, status: TProjectStatus): Promise<TProjectCard[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.projectsByStatus(status) },
    ProjectionExpression: cardAttributes.map((_, i) => `#a${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(cardAttributes.map((a, i) => [`#a${i}`, a])),
    ScanIndexForward: false,
  });
  return items.map((item) => ZProjectCard.parse(item));
}

/** Every project of a council, drafts included (GSI1 `COUNCIL#<id>#PROJECTS`). */
export async function listProjectCardsByCouncil(db: TDb, councilId: string): Promise<TProjectCard[]> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `COUNCIL#${councilId}#PROJECTS` },
      ProjectionExpression: cardAttributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(cardAttributes.map((a, i) => [`#a${i}`, a])),
      ScanIndexForward: false,
    }),
  );
  return (Items ?? []).map((item) => ZProjectCard.parse(item));
}

export async function insertAmendment(db: TDb, amendment: TAmendmentRecord): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.amendment(amendment.projectId, amendment.id),
        type: 'AMENDMENT',
        gsi1pk: `AMENDMENT#${amendment.id}`,
        gsi1sk: 'AMENDMENT',
        gsi2pk: 'AMENDMENTS#pending',
        gsi2sk: `${amendment.createdAt}#${amendment.id}`,
        ...amendment,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function findAmendment(db: TDb, amendmentId: string): Promise<TAmendmentRecord | undefined> {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `AMENDMENT#${amendmentId}` },
    }),
  );
  const item = Items?.[0];
  if (!item) return undefined;
  // The index copy may lag; read the item itself strongly.
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.amendment(String(item.projectId), amendmentId), ConsistentRead: true }),
  );
  return Item ? ZAmendmentRecord.parse(Item) : undefined;
}

export async function listPendingAmendments(db: TDb): Promise<TAmendmentRecord[]> {
  return (await queryQueue(db, 'AMENDMENTS#pending')).map((item) => ZAmendmentRecord.parse(item));
}

/**
 * Decides an amendment: the amendment leaves the queue, and on approval the project takes the
 * new budget/deadline, all in one transaction conditioned on both still being as read.
 */
export async function decideAmendment(
  db: TDb,
  input: { amendment: TAmendmentRecord; project: TProjectRecord; isApproved: boolean; projectSet: Record<string, unknown>; decidedAt: string; decidedBy: string; reason: string; event: TAuditEvent },
): Promise<boolean> {
  const { amendment, project } = input;
  const set = setExpression({ ...input.projectSet, updatedAt: input.decidedAt });
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.amendment(amendment.projectId, amendment.id),
              UpdateExpression: 'SET #status = :status, decidedAt = :at, decidedBy = :by, decisionReason = :reason REMOVE gsi2pk, gsi2sk',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': input.isApproved ? 'approved' : 'rejected', ':at': input.decidedAt, ':by': input.decidedBy, ':reason': input.reason, ':pending': 'pending' },
            },
          },
          {
            Update: {
              TableName: db.tableName,
              Key: keys.project(project.id),
              UpdateExpression: `${set.expression} ADD version :one`,
              ConditionExpression: 'version = :version',
              ExpressionAttributeNames: set.names,
              ExpressionAttributeValues: { ...set.values, ':version': project.version, ':one': 1 },
            },
          },
          { Put: { TableName: db.tableName, Item: eventItem(project.id, input.event), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
    throw error;
  }
}
