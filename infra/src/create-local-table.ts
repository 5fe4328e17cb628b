import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { keyAttributes, tableDefinition, type TIndexDefinition, type TIndexProjection } from './table.ts';

function toProjection(projection: TIndexProjection) {
  return projection.type === 'ALL'
    ? { ProjectionType: 'ALL' as const }
    : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...projection.attributes] };
}

function indexSpec(index: TIndexDefinition) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
    ],
    Projection: toProjection(index.projection),
  };
}

/**
 * A table made by an older checkout (a developer's `.data/`) may lack a newer index; add it.
 * DynamoDB allows one index creation per UpdateTable call.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, existing: string[]): Promise<void> {
  for (const index of tableDefinition.globalSecondaryIndexes) {
    if (existing.includes(index.name)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: keyAttributes().map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
      }),
    );
  }
}

/**
 * Creates the table (and its GSIs and TTL) from the shared definition if it does not exist.
 * Used by the local launcher, the admin CLI against DynamoDB Local, and the test setup.
 * Returns true when it created the table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(client, tableName, (Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? ''));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes().map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map(indexSpec),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
    }),
  );
  return true;
}
