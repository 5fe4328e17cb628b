import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPaymentEvent } from '@koldoo/api/domain/ports.ts';
import { getPledge, isPaymentEventProcessed, listLedgerEntries } from '@koldoo/api/data/pledges-repo.ts';
import { queryAll } from '@koldoo/api/data/query-all.ts';
import { transact } from '@koldoo/api/data/transact.ts';
import { convertToKgsMinor } from '@koldoo/shared/convert-to-kgs.ts';
import { defaultRates } from '@koldoo/api/domain/rates/default-rates.ts';
import { ZLedgerReply, ZPledgeCreatedReply, ZPledgeReply } from '@koldoo/shared/contracts/pledges.ts';
import type { TCurrency } from '@koldoo/shared/money.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';

/**
 * The reliability rules, against the real app over DynamoDB Local and the real Stripe
 * SDK over the local fake: many pledges and many repeated, shuffled webhooks at once; injected
 * transaction conflicts (which DynamoDB Local never produces by itself); a double submit.
 */

let w: TPledgeWorld;
beforeAll(async () => {
  w = await pledgeWorld();
});
afterAll(async () => {
  await w.fake.close();
});

/** A deterministic PRNG (mulberry32), so a failure can be reproduced from the seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A budget so large no test here ever funds the project (and so never moves it to `funded`). */
const hugeBudget = { budgetLines: [{ item: { ru: 'Всё' }, quantity: 1_000, unitCostMinor: 10_000_000_000 }] };
const currencies: TCurrency[] = ['KGS', 'USD', 'EUR', 'GBP', 'RUB', 'KZT', 'TRY'];

/** The project item as stored, with its per-currency counters (`raisedInUSD`, …). */
async function projectItem(projectId: string): Promise<Record<string, unknown>> {
  const [item] = await queryAll(w.setup.deps.db, {
    KeyConditionExpression: 'pk = :pk AND sk = :sk',
    ExpressionAttributeValues: { ':pk': `PROJECT#${projectId}`, ':sk': 'PROFILE' },
  });
  if (!item) throw new Error(`no project ${projectId}`);
  return item;
}

type TWebhookReply = { received: true; outcome: 'processed' | 'duplicate' | 'ignored' };

describe('200 concurrent card pledges, every completion delivered 3 times in shuffled order', () => {
  it('counts each pledge exactly once: raised amount, backers, ledger, receipts', { timeout: 240_000 }, async () => {
    const random = prng(20_260_611);
    const projectId = await w.publish(hugeBudget);
    const before = await w.project(projectId);
    expect(before).toMatchObject({ raisedMinor: 0, backers: 0, status: 'published' });

    const wanted = Array.from({ length: 200 }, (_, i) => {
      const currency = currencies[Math.floor(random() * currencies.length)]!;
      // 1.00 to 20 000.00 in the currency, odd cents included: at most ~2.3 million som each.
      const value = 100 + Math.floor(random() * 1_999_900);
      return { i, amount: { value, currency }, email: `wave-${i}@example.kg` };
    });

    const created = await inParallel(wanted, 50, async ({ i, amount, email }) => {
      const response = await w.pledge({ amount, method: 'card', email, displayName: `Donor ${i}`, anonymous: i % 7 === 0 }, { project: projectId });
      expect(response.status).toBe(201);
      return ZPledgeCreatedReply.parse(await response.json()).pledge;
    });
    expect(new Set(created.map((p) => p.id)).size).toBe(200);
    expect(created.every((p) => p.status === 'pending')).toBe(true);
    // One checkout session per pledge, none more.
    const sessions = [...w.fake.sessions.values()].filter((s) => created.some((p) => p.id === s.metadata.pledgeId));
    expect(sessions).toHaveLength(200);

    const completions = created.map((p) => w.paidEvent(w.sessionOf(p.id)));
    const deliveries: TPaymentEvent[] = shuffle(completions.flatMap((event) => [event, event, event]), random);
    expect(deliveries).toHaveLength(600);
    const replies = await inParallel(deliveries, 40, async (event) => {
      const response = await w.deliver(event);
      return { status: response.status, body: (await response.json()) as TWebhookReply };
    });
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    const outcomes = replies.map((r) => r.body.outcome);
    expect(outcomes.filter((o) => o === 'ignored')).toHaveLength(0);
    // Every event was processed at least once; the rest were recognised as repeats (or re-planned to no change).
    expect(outcomes.filter((o) => o === 'processed').length).toBeGreaterThanOrEqual(200);
    for (const event of completions) expect(await isPaymentEventProcessed(w.setup.deps.db, event.id)).toBe(true);

    // Expected totals, computed independently from the amounts and the seeded rates.
    const kgsOf = (a: { value: number; currency: TCurrency }) => convertToKgsMinor(a.value, defaultRates[a.currency]);
    const expectedRaised = wanted.reduce((sum, p) => sum + kgsOf(p.amount), 0);
    const expectedByCurrency: Record<string, number> = {};
    for (const p of wanted) expectedByCurrency[p.amount.currency] = (expectedByCurrency[p.amount.currency] ?? 0) + p.amount.value;

    const pledges = await inParallel(created, 25, async (p) => ZPledgeReply.parse(await (await w.send(`/api/pledges/${p.id}`, { cookie: w.moderator })).json()).pledge);
    for (const [index, p] of pledges.entries()) {
      const { amount } = wanted[index]!;
      expect(p).toMatchObject({ status: 'succeeded', received: amount, kgsMinor: kgsOf(amount), refundedMinor: 0, refundedKgsMinor: 0 });
      expect(p.rate).toMatchObject({ currency: amount.currency, kgsPerUnit: defaultRates[amount.currency] });
    }
    expect(pledges.reduce((sum, p) => sum + (p.kgsMinor ?? 0), 0)).toBe(expectedRaised);

    const after = await w.project(projectId);
    expect(after.raisedMinor).toBe(expectedRaised);
    expect(after.backers).toBe(200);
    expect(after.status).toBe('published');
    const stored = await projectItem(projectId);
    for (const [currency, minor] of Object.entries(expectedByCurrency)) expect(stored[`raisedIn${currency}`]).toBe(minor);

    const ledger = ZLedgerReply.parse(await (await w.send(`/api/projects/${projectId}/ledger`)).json());
    expect(ledger.entries).toHaveLength(200);
    expect(new Set(ledger.entries.map((e) => e.pledgeId)).size).toBe(200);
    expect(ledger.totals).toEqual({ raisedMinor: expectedRaised, backers: 200, byCurrency: expectedByCurrency });

    // The immutable ledger partition: exactly one credit per pledge, summing to the counter.
    const entries = await listLedgerEntries(w.setup.deps.db, projectId);
    expect(entries).toHaveLength(200);
    expect(entries.every((e) => e.kind === 'credit')).toBe(true);
    expect(new Set(entries.map((e) => e.pledgeId))).toEqual(new Set(created.map((p) => p.id)));
    expect(entries.reduce((sum, e) => sum + e.kgsMinor, 0)).toBe(expectedRaised);

    // One receipt per donor, none twice (the dev outbox endpoint shows only the last 100).
    const mail = await queryAll(w.setup.deps.db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'OUTBOX' } });
    const receipts = mail.filter((m) => String(m.to).startsWith('wave-'));
    expect(receipts).toHaveLength(200);
    expect(new Set(receipts.map((m) => m.to)).size).toBe(200);
  });
});

/** What the SDK throws when DynamoDB cancels a transaction because another one held an item. */
function transactionConflict(kind: 'cancelled' | 'conflict' = 'cancelled'): Error {
  if (kind === 'conflict') return Object.assign(new Error('Transaction is ongoing for the item'), { name: 'TransactionConflictException' });
  return Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]'), {
    name: 'TransactionCanceledException',
    CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
  });
}

type TSend = (command: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Puts a fault in front of the table's client: `decide` sees each TransactWriteCommand that moves
 * a project's counters and may return an error to throw instead of sending it. `committed`
 * counts, per project key, the counter transactions DynamoDB actually accepted.
 */
function injectFaults(decide: (projectPk: string) => Error | undefined) {
  const client = w.setup.deps.db.client as unknown as { send: TSend };
  const original = client.send;
  const committed = new Map<string, number>();
  client.send = async function send(this: unknown, command: unknown, ...rest: unknown[]) {
    const counter = command instanceof TransactWriteCommand
      ? (command.input.TransactItems ?? []).find((item) => item.Update?.UpdateExpression?.startsWith('ADD raisedMinor'))
      : undefined;
    if (!counter) return original.call(this, command, ...rest);
    const pk = String(counter.Update?.Key?.pk);
    const fault = decide(pk);
    if (fault) throw fault;
    const reply = await original.call(this, command, ...rest);
    committed.set(pk, (committed.get(pk) ?? 0) + 1);
    return reply;
  };
  return { committed, restore: () => void (client.send = original) };
}

describe('transaction conflicts on the hot project item are retried with backoff', () => {
  it('counts every completion exactly once although many commits were cancelled', async () => {
    const projectId = await w.publish(hugeBudget);
    const amounts = [12_345, 500_000, 777, 99_999, 1_000, 250_050, 3_333, 40_000];
    const ours = await Promise.all(
      amounts.map(async (value, i) => {
        const response = await w.pledge({ amount: { value, currency: currencies[i % currencies.length] }, method: 'card', email: `hot-${i}@example.kg` }, { project: projectId });
        expect(response.status).toBe(201);
        return ZPledgeCreatedReply.parse(await response.json()).pledge;
      }),
    );
    const events = ours.map((p) => w.paidEvent(w.sessionOf(p.id)));

    const projectPk = `PROJECT#${projectId}`;
    let attempts = 0;
    let injected = 0;
    const faults = injectFaults((pk) => {
      if (pk !== projectPk) return undefined;
      attempts += 1;
      // Two of every three commits that move our counters are cancelled, until 12 have been; both shapes.
      // Deterministic: 8 commits need at least 20 attempts, and the 12th fault is the 17th attempt.
      if (attempts > 17 || attempts % 3 === 0) return undefined;
      injected += 1;
      return transactionConflict(injected % 3 === 0 ? 'conflict' : 'cancelled');
    });
    let replies: Response[];
    try {
      replies = await Promise.all(events.flatMap((event) => [w.deliver(event), w.deliver(event)]));
    } finally {
      faults.restore();
    }
    expect(replies.map((r) => r.status)).toEqual(new Array(16).fill(200));
    expect(injected).toBe(12);
    // Exactly one counter transaction per pledge got through; every fault was followed by a retry.
    expect(faults.committed.get(projectPk)).toBe(8);
    expect(attempts).toBeGreaterThanOrEqual(8 + injected);

    const expected = amounts.reduce((sum, value, i) => sum + convertToKgsMinor(value, defaultRates[currencies[i % currencies.length]!]), 0);
    const project = await w.project(projectId);
    expect(project.raisedMinor).toBe(expected);
    expect(project.backers).toBe(8);
    const entries = await listLedgerEntries(w.setup.deps.db, projectId);
    expect(entries.map((e) => e.kind)).toEqual(new Array(8).fill('credit'));
    expect(new Set(entries.map((e) => e.pledgeId)).size).toBe(8);
    for (const p of ours) expect((await getPledge(w.setup.deps.db, p.id))?.status).toBe('succeeded');
  });

  it('a commit that keeps conflicting answers 500 and counts nothing; Stripe\'s retry later counts it once', { timeout: 30_000 }, async () => {
    const projectId = await w.publish(hugeBudget);
    const response = await w.pledge({ amount: { value: 2_000, currency: 'USD' }, method: 'card', email: 'stubborn@example.kg' }, { project: projectId });
    const pledge = ZPledgeCreatedReply.parse(await response.json()).pledge;
    const event = w.paidEvent(w.sessionOf(pledge.id));
    let attempts = 0;
    const faults = injectFaults((pk) => {
      if (pk !== `PROJECT#${projectId}`) return undefined;
      attempts += 1;
      return transactionConflict();
    });
    let failed: Response;
    try {
      failed = await w.deliver(event);
    } finally {
      faults.restore();
    }
    expect(failed.status).toBe(500);
    // transact's default: ten attempts, then the error goes up.
    expect(attempts).toBe(10);
    expect(await isPaymentEventProcessed(w.setup.deps.db, event.id)).toBe(false);
    expect((await getPledge(w.setup.deps.db, pledge.id))?.status).toBe('pending');
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 0, backers: 0 });
    expect(await listLedgerEntries(w.setup.deps.db, projectId)).toHaveLength(0);

    const retried = await w.deliver(event);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ outcome: 'processed' });
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 174_900, backers: 1 });
    expect(await listLedgerEntries(w.setup.deps.db, projectId)).toHaveLength(1);
  });
});

describe('transact: which cancellations are retried', () => {
  const key = (id: string) => ({ pk: `TRANSACT-TEST#${id}`, sk: 'ITEM' });

  it('a failed condition is an answer, not retried: DynamoDB Local\'s own ConditionalCheckFailed', async () => {
    const { db } = w.setup.deps;
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...key('a'), n: 1 } }));
    let retries = 0;
    const outcome = await transact(
      db,
      [
        { Put: { TableName: db.tableName, Item: { ...key('b'), n: 1 } } },
        { ConditionCheck: { TableName: db.tableName, Key: key('a'), ConditionExpression: 'n = :two', ExpressionAttributeValues: { ':two': 2 } } },
      ],
      { onRetry: () => (retries += 1) },
    );
    expect(outcome).toBe('condition_failed');
    expect(retries).toBe(0);
    // All or nothing: the Put beside the failed check was not written.
    const items = await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key('b').pk } });
    expect(items).toHaveLength(0);
  });

  it('a cancellation naming both a failed condition and a conflict is a failed condition, sent once', async () => {
    const { db } = w.setup.deps;
    let sends = 0;
    const fake = {
      ...db,
      client: {
        send: async () => {
          sends += 1;
          throw Object.assign(new Error('Transaction cancelled'), {
            name: 'TransactionCanceledException',
            CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }],
          });
        },
      },
    } as unknown as typeof db;
    expect(await transact(fake, [{ Put: { TableName: db.tableName, Item: key('c') } }])).toBe('condition_failed');
    expect(sends).toBe(1);
  });

  it('a conflict is retried until it clears; other errors are thrown at once', async () => {
    const { db } = w.setup.deps;
    let sends = 0;
    const flaky = { ...db, client: { send: async (command: unknown) => {
      sends += 1;
      if (sends <= 3) throw transactionConflict(sends === 2 ? 'conflict' : 'cancelled');
      return (db.client.send as unknown as TSend).call(db.client, command);
    } } } as unknown as typeof db;
    const retried: number[] = [];
    expect(await transact(flaky, [{ Put: { TableName: db.tableName, Item: { ...key('d'), n: 4 } } }], { baseDelayMs: 1, onRetry: (n) => retried.push(n) })).toBe('committed');
    expect(retried).toEqual([1, 2, 3]);
    expect(await queryAll(db, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key('d').pk } })).toHaveLength(1);

    let broken = 0;
    const failing = { ...db, client: { send: async () => {
      broken += 1;
      throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ValidationException' });
    } } } as unknown as typeof db;
    await expect(transact(failing, [{ Put: { TableName: db.tableName, Item: key('e') } }])).rejects.toThrow('Throughput');
    expect(broken).toBe(1);
  });
});

describe('double submit', () => {
  it('ten concurrent submits with one Idempotency-Key make one pledge and one checkout session', async () => {
    const projectId = await w.publish(hugeBudget);
    const body = { amount: { value: 4_200, currency: 'EUR' }, method: 'card', email: 'impatient@example.kg' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => w.pledge(body, { key: 'impatient-click-42', project: projectId })));
    const replies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: ZPledgeCreatedReply.parse(await r.json()) })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(replies.map((r) => r.body.pledge.id));
    expect(ids.size).toBe(1);
    const [pledgeId] = [...ids];
    expect((await w.pledgeItems(projectId)).filter((i) => i.email === 'impatient@example.kg')).toHaveLength(1);
    expect([...w.fake.sessions.values()].filter((s) => s.metadata.pledgeId === pledgeId)).toHaveLength(1);
    // Every reply that carries a checkout link carries the same one.
    const urls = new Set(replies.map((r) => r.body.checkoutUrl).filter(Boolean));
    expect(urls.size).toBe(1);
    const sessionRequests = w.fake.requestsTo('POST', '/v1/checkout/sessions').filter((r) => r.idempotencyKey === `checkout-${pledgeId}`);
    // Stripe created one session; the racing submits were replays or refused for their other token.
    expect(sessionRequests.filter((r) => !r.replayed && r.status === 200)).toHaveLength(1);
  });
});
