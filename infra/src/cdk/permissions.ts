import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { tableDefinition } from '../table.ts';
import type { TStageConfig } from './stages.ts';

/**
 * The table actions each function's code performs, named as IAM names them (a TransactWriteItems
 * is checked item by item: Put/Update/Delete/ConditionCheck). Traced from the use cases each
 * entry point reaches (ARCHITECTURE.md, "AWS deployment"); no function may Scan.
 */
export const tableActions = {
  /** Every route: sessions (delete on logout, batch delete on revoke), rate windows, councils, projects, pledges. */
  api: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'ConditionCheckItem'],
  /** processPaymentEvent: read the pledge and event marker, commit the pledge change, mark the event, reach the goal, receipt mail. */
  webhook: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
  /** expireProjects, refundExpiredProjects, chaseBankTransfers, refreshRates. */
  jobs: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
} as const satisfies Record<string, readonly string[]>;

/** Index reads: only Query, and only on the indexes the table defines (no `index/*` wildcard). */
export function grantTable(role: iam.IRole, table: dynamodb.ITableV2, actions: readonly string[]): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: actions.map((action) => `dynamodb:${action}`), resources: [table.tableArn] }),
  );
  if (actions.includes('Query')) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.name}`),
      }),
    );
  }
}

/** The key prefix uploads live under (`storageKeyOf` in api/src/domain/files/store-upload.ts). */
export const uploadsPrefix = 'uploads/';

/** Read and write objects under `uploads/` only; list only that prefix (so a missing key is a 404, not a 403). */
export function grantUploads(role: iam.IRole, bucket: s3.IBucket): iam.PolicyStatement {
  const objects = new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [bucket.arnForObjects(`${uploadsPrefix}*`)] });
  role.addToPrincipalPolicy(objects);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${uploadsPrefix}*`] } },
    }),
  );
  return objects;
}

/** SES SendEmail, only from the stage's sender (the identity may be the address or its domain). */
export function grantSendMail(role: iam.IRole, stage: TStageConfig): void {
  const { region, account, partition } = Stack.of(role);
  const domain = stage.senderEmail.split('@')[1]!;
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [stage.senderEmail, domain].map((identity) => `arn:${partition}:ses:${region}:${account}:identity/${identity}`),
      conditions: { StringEquals: { 'ses:FromAddress': stage.senderEmail } },
    }),
  );
}
