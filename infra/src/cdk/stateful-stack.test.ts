import { describe, it, expect } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { tableDefinition, keyAttributes } from '../table.ts';
import { StatefulStack } from './stateful-stack.ts';
import { stageConfig, stages } from './stages.ts';

const tableType = 'AWS::DynamoDB::GlobalTable';

function synth(stageName: 'dev' | 'prod' = 'dev'): Template {
  const app = new App();
  const stack = new StatefulStack(app, `koldoo-${stageName}-stateful`, { stage: stageConfig(stageName) });
  return Template.fromStack(stack);
}

function keySchema(partitionKey: string, sortKey: string) {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    { AttributeName: sortKey, KeyType: 'RANGE' },
  ];
}

describe('StatefulStack', () => {
  const template = synth();

  it('creates exactly one table, named from the stage config', () => {
    template.resourceCountIs(tableType, 1);
    template.hasResourceProperties(tableType, { TableName: stages.dev.tableName });
    synth('prod').hasResourceProperties(tableType, { TableName: stages.prod.tableName });
  });

  it('uses the shared key schema and attribute definitions', () => {
    template.hasResourceProperties(tableType, {
      KeySchema: keySchema(tableDefinition.partitionKey.name, tableDefinition.sortKey.name),
      AttributeDefinitions: Match.arrayEquals(
        keyAttributes().map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
      ),
    });
  });

  it('builds every GSI from the shared definition, projecting ALL', () => {
    template.hasResourceProperties(tableType, {
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: keySchema(index.partitionKey.name, index.sortKey.name),
        Projection:
          index.projection.type === 'ALL'
            ? { ProjectionType: 'ALL' }
            : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.attributes] },
      })),
    });
  });

  it('bills on demand, encrypts with the AWS-managed key and sets the TTL attribute', () => {
    template.hasResourceProperties(tableType, {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
    });
  });

  it('protects the data: PITR, deletion protection, retained on delete and replace', () => {
    template.hasResource(tableType, {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('stageConfig', () => {
  it('rejects an unknown stage instead of deploying somewhere unexpected', () => {
    expect(() => stageConfig('staging')).toThrow(/Unknown stage/);
    expect(stageConfig().stageName).toBe('dev');
  });
});
