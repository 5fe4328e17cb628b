import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TDb } from './db.ts';

/**
 * Writes for seeding reference entities (councils, projects) before their own use cases exist.
 * The projects issue replaces these with its repositories; the keys already follow the charts
 * in `api/src/data/README.md`.
 */
export async function putCouncilItem(db: TDb, council: { id: string; regionId: string; districtId: string } & Record<string, unknown>) {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        pk: `COUNCIL#${council.id}`,
        sk: 'PROFILE',
        type: 'COUNCIL',
        gsi1pk: `REGION#${council.regionId}`,
        gsi1sk: `COUNCIL#${council.districtId}#${council.id}`,
        ...council,
      },
    }),
  );
}

export async function putProjectItem(
  db: TDb,
  project: { id: string; councilId: string; status: string; deadline: string; createdAt: string } & Record<string, unknown>,
) {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        pk: `PROJECT#${project.id}`,
        sk: 'PROFILE',
        type: 'PROJECT',
        gsi1pk: `COUNCIL#${project.councilId}`,
        gsi1sk: `PROJECT#${project.createdAt}#${project.id}`,
        gsi2pk: `PROJECTS#${project.status}`,
        gsi2sk: `${project.deadline}#${project.id}`,
        ...project,
      },
    }),
  );
}

/** Claims the one-time seed marker; false when the seed already ran. */
export async function claimSeedMarker(db: TDb, name: string, at: string): Promise<boolean> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { pk: 'SEED', sk: name, type: 'SEED', seededAt: at },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
