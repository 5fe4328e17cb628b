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
  /** expireProjects, refundExpiredProjects, chaseBankTransfers, remindProgressReports, refreshRates; sweepUnusedUploads deletes file records. */
  jobs: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
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
/** Where browsers PUT bytes with presigned URLs until the API checks them (`stagingKeyOf` in create-upload-intent.ts). */
export const stagingPrefix = 'incoming/';

/**
 * Accepted files: read and write under `uploads/` (the API never deletes them; the jobs' sweep of
 * unused uploads does, `grantUploadSweep`). Staged uploads: the
 * presigned PUT and GET URLs the API hands out are signed with this role's credentials, so the role
 * itself needs PutObject (the browser's PUT) and GetObject (reading them back to check) on
 * `incoming/`, plus DeleteObject to discard them (a delete marker, as the bucket is versioned; the
 * lifecycle rule removes the rest). List only those prefixes, so a missing key is a 404, not a 403.
 */
export function grantUploads(role: iam.IRole, bucket: s3.IBucket): iam.PolicyStatement[] {
  const accepted = new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [bucket.arnForObjects(`${uploadsPrefix}*`)] });
  const staged = new iam.PolicyStatement({
    actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
    resources: [bucket.arnForObjects(`${stagingPrefix}*`)],
  });
  role.addToPrincipalPolicy(accepted);
  role.addToPrincipalPolicy(staged);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${uploadsPrefix}*`, `${stagingPrefix}*`] } },
    }),
  );
  return [accepted, staged];
}

/**
 * The jobs' sweep of uploads nothing used (`sweepUnusedUploads`): DeleteObject under `uploads/`
 * only (a delete marker, as the bucket is versioned; the `expire-old-versions` lifecycle rule
 * removes the bytes 30 days later). No Get or List: a missing key deletes fine without them.
 */
export function grantUploadSweep(role: iam.IRole, bucket: s3.IBucket): iam.PolicyStatement {
  const statement = new iam.PolicyStatement({ actions: ['s3:DeleteObject'], resources: [bucket.arnForObjects(`${uploadsPrefix}*`)] });
  role.addToPrincipalPolicy(statement);
  return statement;
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
