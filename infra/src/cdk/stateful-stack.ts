import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition, type TKeyAttribute } from '../table.ts';
import type { TStageConfig } from './stages.ts';

export type TStatefulStackProps = StackProps & { stage: TStageConfig };

const attributeTypes: Record<TKeyAttribute['type'], dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
};

function toAttribute(key: TKeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: attributeTypes[key.type] };
}

/**
 * Resources that hold data and must outlive any deploy: the single DynamoDB table.
 * Kept apart from the stateless stack so that replacing functions can never replace the table.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: TStatefulStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName: props.stage.tableName,
      partitionKey: toAttribute(tableDefinition.partitionKey),
      sortKey: toAttribute(tableDefinition.sortKey),
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        indexName: index.name,
        partitionKey: toAttribute(index.partitionKey),
        sortKey: toAttribute(index.sortKey),
        ...(index.projection.type === 'ALL'
          ? { projectionType: dynamodb.ProjectionType.ALL }
          : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.attributes] }),
      })),
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
