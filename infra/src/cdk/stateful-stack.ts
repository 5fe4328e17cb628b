import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { tableDefinition, type TKeyAttribute } from '../table.ts';
import { justify } from './nag.ts';
import { uploadCorsOrigins, uploadsBucketName, type TStageConfig } from './stages.ts';

export type TStatefulStackProps = StackProps & { stage: TStageConfig };

const attributeTypes: Record<TKeyAttribute['type'], dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
};

function toAttribute(key: TKeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: attributeTypes[key.type] };
}

/**
 * Resources that hold data and must outlive any deploy: the single DynamoDB table and the uploads
 * bucket. Kept apart from the stateless stack so that replacing functions can never replace them.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly uploadsBucket: s3.Bucket;

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
      // No stream: no job reads one yet (search at scale would; see ARCHITECTURE.md).
    });

    this.uploadsBucket = new s3.Bucket(this, 'Uploads', {
      bucketName: uploadsBucketName(props.stage, this.account, this.region),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          // Presigned PUTs from the site's pages; nothing may read the bucket cross-origin.
          allowedMethods: [s3.HttpMethods.PUT],
          allowedOrigins: uploadCorsOrigins(props.stage),
          allowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
          exposedHeaders: ['etag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Bytes browsers PUT with presigned URLs wait under incoming/ until completed (then deleted);
        // orphans (never completed, refused) go after a day, old versions and delete markers with them.
        { id: 'expire-staged-uploads', prefix: 'incoming/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'remove-staged-delete-markers', prefix: 'incoming/', expiredObjectDeleteMarker: true },
        // Versioning guards against a bad overwrite or delete; old versions go after 30 days.
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30) },
      ],
    });
    justify(this.uploadsBucket, {
      'AwsSolutions-S1':
        'No server access logs: every read and write goes through the API, which logs it with the request id and user; ' +
        'turn on CloudTrail S3 data events if an independent audit trail is ever required.',
    });
  }
}
