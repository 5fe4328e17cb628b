import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledJobs } from '@koldoo/api/domain/run-scheduled-jobs.ts';
import { tableActions } from '@koldoo/infra/cdk/permissions.ts';
import { createLocalFileStore } from '@koldoo/api/adapters/local-file-store.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';
import { inDays, pngBytes, upload } from '../support/project-fixtures.ts';

/**
 * Least privilege, checked by running the code: every DynamoDB call the webhook and the scheduled
 * jobs make is recorded (as the IAM action it needs; a transaction counts per item) and must be
 * in the action list the CDK stack grants that function (infra/src/cdk/permissions.ts). A new
 * call the grant lacks fails here, not as AccessDenied in AWS.
 */

type TTransactItem = Partial<Record<'Put' | 'Update' | 'Delete' | 'ConditionCheck', unknown>>;
const transactActions: Record<keyof TTransactItem, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };

function iamActionsOf(commandName: string, input: { TransactItems?: TTransactItem[] }): string[] {
  const name = commandName.replace(/Command$/, '');
  if (name === 'TransactWriteItems' || name === 'TransactWrite') {
    return (input.TransactItems ?? []).flatMap((item) => Object.keys(item).map((kind) => transactActions[kind as keyof TTransactItem]));
  }
  if (name === 'TransactGetItems' || name === 'TransactGet') return ['GetItem'];
  const plain: Record<string, string> = { Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', BatchGet: 'BatchGetItem', BatchWrite: 'BatchWriteItem' };
  return [plain[name] ?? name];
}

let w: TPledgeWorld;
const recorded: string[] = [];
let isRecording = false;

beforeAll(async () => {
  w = await pledgeWorld({ overrides: { files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'koldoo-jobs-uploads-'))) } });
  w.setup.deps.db.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (isRecording) recorded.push(...iamActionsOf(context.commandName ?? '', args.input as { TransactItems?: TTransactItem[] }));
      return next(args);
    },
    { step: 'initialize', name: 'koldooRecordIamActions' },
  );
});
afterAll(() => w?.fake.close());

async function recording<T>(work: () => Promise<T>): Promise<string[]> {
  recorded.length = 0;
  isRecording = true;
  try {
    await work();
  } finally {
    isRecording = false;
  }
  return [...new Set(recorded)].sort();
}

describe('the table actions each function performs are the ones the stack grants', () => {
  let webhookActions: string[] = [];
  let jobsActions: string[] = [];

  beforeAll(async () => {
    // Card payments: one small, one that reaches a second project's goal; a refund; a bank transfer left unpaid.
    const small = await w.cardPledge(5_000_000);
    const goalProject = await w.publish({ deadline: inDays(90) });
    const whole = await w.pledge({ amount: { value: 130_000_000, currency: 'KGS' }, method: 'card', email: 'big@example.kg' }, { project: goalProject });
    expect(whole.status).toBe(201);
    const wholeId = ((await whole.json()) as { pledge: { id: string } }).pledge.id;
    const transfer = await w.pledge({ amount: { value: 700_000, currency: 'KGS' }, method: 'bank_transfer', email: 'bank@example.kg' });
    expect(transfer.status).toBe(201);
    // An image uploaded and never used, for the sweep of unused uploads to delete.
    await upload(w.setup, w.official.cookie, 'project_image', await pngBytes(), 'image/png');

    webhookActions = await recording(async () => {
      const paid = w.paidEvent(w.sessionOf(small.pledge.id));
      expect((await w.deliver(paid)).status).toBe(200);
      expect((await w.deliver(w.paidEvent(w.sessionOf(wholeId)))).status).toBe(200);
      const refunded = w.refundedEvent(String(paid.data.object['payment_intent']), 1_000_000, `evt_refund_${small.pledge.id}`);
      expect((await w.deliver(refunded)).status).toBe(200);
      // A replay is answered from the processed-event marker.
      expect((await w.deliver(paid)).status).toBe(200);
    });

    jobsActions = await recording(async () => {
      // Two weeks on: the transfer reminder. A month on: the first project expires, its card pledge is refunded, the transfer expires.
      w.clock.at = new Date(Date.now() + 15 * 86_400_000);
      // The unused image is over a day old: the sweep's calls are recorded too.
      expect((await runScheduledJobs(w.setup.deps))['sweepUnusedUploads']).toMatchObject({ deleted: 1 });
      w.clock.at = new Date(Date.now() + 62 * 86_400_000);
      const results = await runScheduledJobs(w.setup.deps);
      for (const result of Object.values(results)) expect(result).not.toHaveProperty('error');
      // The funded project has been silent for two months: the progress-report reminder's calls are recorded too.
      expect(results['remindProgressReports']).toMatchObject({ reminded: 1 });
    });
    w.clock.at = new Date();
  });

  it('the webhook', () => {
    expect(webhookActions).toEqual(expect.arrayContaining(['GetItem', 'PutItem', 'UpdateItem']));
    expect(webhookActions.filter((action) => !(tableActions.webhook as readonly string[]).includes(action))).toEqual([]);
  });

  it('the scheduled jobs', () => {
    expect(jobsActions).toEqual(expect.arrayContaining(['Query', 'UpdateItem', 'DeleteItem']));
    expect(jobsActions.filter((action) => !(tableActions.jobs as readonly string[]).includes(action))).toEqual([]);
  });

  it('nothing scans', () => {
    expect([...webhookActions, ...jobsActions]).not.toContain('Scan');
  });
});
