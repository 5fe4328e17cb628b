import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPledge, listLedgerEntries } from '@koldoo/api/data/pledges-repo.ts';
import type { TPledgeRecord } from '@koldoo/api/data/pledge-record.ts';
import { refundedKgs } from '@koldoo/api/domain/pledges/pledge-lifecycle.ts';
import { convertToKgsMinor } from '@koldoo/shared/convert-to-kgs.ts';
import { runScheduledJobs } from '@koldoo/api/domain/run-scheduled-jobs.ts';
import { ZLedgerReply, ZPledgeCreatedReply, ZPledgeList, ZPledgeReply, type TPledge } from '@koldoo/shared/contracts/pledges.ts';
import { inDays, signInModerator } from '../support/project-fixtures.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';

/**
 * The scheduled jobs and the treasurer's refunds: the expiry refund run twice and concurrently,
 * the bank-transfer chase, and moderators' partial refunds, each proven by what the Stripe fake
 * recorded and by the project's counters and ledger.
 */

const day = 86_400_000;
const hugeBudget = { budgetLines: [{ item: { ru: 'Всё' }, quantity: 1_000, unitCostMinor: 10_000_000_000 }] };
type TOutbox = { items: { to: string; subject: string; text: string }[] };

function jobsOf(w: TPledgeWorld) {
  return async () => {
    const results = await runScheduledJobs(w.setup.deps);
    // No step may have failed (each step catches and reports its own error).
    expect(Object.entries(results).filter(([, result]) => typeof result === 'object' && result !== null && 'error' in result)).toEqual([]);
    return results as { expireProjects: { expired: string[] }; refundExpiredProjects: { refunded: number; queued: number; failed: number }; chaseBankTransfers: { reminded: number; expired: number } };
  };
}

const view = async (w: TPledgeWorld, id: string, cookie = w.moderator): Promise<TPledge> =>
  ZPledgeReply.parse(await (await w.send(`/api/pledges/${id}`, { cookie })).json()).pledge;
const record = async (w: TPledgeWorld, id: string): Promise<TPledgeRecord> => {
  const found = await getPledge(w.setup.deps.db, id);
  if (!found) throw new Error(`no pledge ${id}`);
  return found;
};
const queue = async (w: TPledgeWorld, name: 'awaiting_transfer' | 'refunds_due', cookie = w.moderator) =>
  ZPledgeList.parse(await (await w.send(`/api/moderation/pledges?view=${name}`, { cookie })).json()).items.map((p) => p.id);
const outbox = async (w: TPledgeWorld) => ((await (await w.send('/api/dev/outbox')).json()) as TOutbox).items;

async function bankPledge(w: TPledgeWorld, projectId: string, value: number, email: string, currency = 'KGS') {
  const response = await w.pledge({ amount: { value, currency }, method: 'bank_transfer', email, displayName: 'Нурлан' }, { project: projectId });
  expect(response.status).toBe(201);
  return ZPledgeCreatedReply.parse(await response.json());
}

async function paidCard(w: TPledgeWorld, projectId: string, value: number, currency: string, email: string) {
  const response = await w.pledge({ amount: { value, currency }, method: 'card', email }, { project: projectId });
  expect(response.status).toBe(201);
  const { pledge } = ZPledgeCreatedReply.parse(await response.json());
  const event = w.paidEvent(w.sessionOf(pledge.id));
  expect((await w.deliver(event)).status).toBe(200);
  return { id: pledge.id, pi: String(event.data.object.payment_intent), value, currency };
}

describe('expiry refunds of an all-or-nothing project', () => {
  let w: TPledgeWorld;
  beforeAll(async () => {
    w = await pledgeWorld();
  });
  afterAll(async () => {
    await w.fake.close();
  });

  it('run twice concurrently and once more, refunds each card pledge once and queues the transfers', { timeout: 120_000 }, async () => {
    const runJobs = jobsOf(w);
    const projectId = await w.publish({ deadline: inDays(3), fundingMode: 'all_or_nothing', ...hugeBudget });
    const cards = [
      await paidCard(w, projectId, 5_000, 'USD', 'usd@example.kg'),
      await paidCard(w, projectId, 12_345, 'EUR', 'eur@example.kg'),
      await paidCard(w, projectId, 250_000, 'KGS', 'kgs@example.kg'),
      await paidCard(w, projectId, 8_000, 'GBP', 'gbp@example.kg'),
    ];
    const partly = cards[3]!;
    // 30.00 GBP of the 80.00 were refunded in Stripe's dashboard earlier: only the webhook told us.
    w.fake.charges.get(w.fake.chargeOf(partly.pi).id)!.amount_refunded = 3_000;
    expect((await w.deliver(w.refundedEvent(partly.pi, 3_000, `evt_dashboard_${partly.pi}`))).status).toBe(200);
    expect(await view(w, partly.id)).toMatchObject({ status: 'partially_refunded', refundedMinor: 3_000 });

    // A bank transfer that arrived (in roubles, although pledged in som), and one still awaited.
    const arrived = await bankPledge(w, projectId, 100_000, 'arrived@example.kg');
    const reconciled = await w.send(`/api/moderation/pledges/${arrived.pledge.id}/reconcile`, {
      body: { received: { value: 90_000, currency: 'RUB' }, bankReference: 'MT103-0001', receivedOn: inDays(0) },
      cookie: w.moderator,
    });
    expect(reconciled.status).toBe(200);
    const arrivedKgs = convertToKgsMinor(90_000, '1.0951');
    const awaited = await bankPledge(w, projectId, 70_000, 'awaited@example.kg');
    // A card checkout opened but never paid before the deadline.
    const unpaid = ZPledgeCreatedReply.parse(await (await w.pledge({ amount: { value: 9_900, currency: 'USD' }, method: 'card', email: 'late@example.kg' }, { project: projectId })).json()).pledge;

    const cardKgs = await Promise.all(cards.map(async (c) => (await record(w, c.id)).kgsMinor ?? 0));
    const partlyRecord = await record(w, partly.id);
    const raisedBefore = cardKgs.reduce((a, b) => a + b, 0) - partlyRecord.refundedKgsMinor + arrivedKgs;
    expect(await w.project(projectId)).toMatchObject({ status: 'published', raisedMinor: raisedBefore, backers: 5 });
    const refundRequestsBefore = w.fake.requestsTo('POST', '/v1/refunds').length;

    w.clock.at = new Date(Date.now() + 4 * day);
    const [first, second] = await Promise.all([runJobs(), runJobs()]);
    const third = await runJobs();
    // The project expired once; the four card pledges were refunded once between the runs.
    expect([...first.expireProjects.expired, ...second.expireProjects.expired, ...third.expireProjects.expired]).toEqual([projectId]);
    expect(first.refundExpiredProjects.refunded + second.refundExpiredProjects.refunded + third.refundExpiredProjects.refunded).toBe(4);
    expect(first.refundExpiredProjects.queued + second.refundExpiredProjects.queued + third.refundExpiredProjects.queued).toBe(1);
    expect(first.refundExpiredProjects.failed + second.refundExpiredProjects.failed + third.refundExpiredProjects.failed).toBe(0);
    expect((await w.project(projectId)).status).toBe('expired');

    // What Stripe saw: per payment, one refund of what remained, under the key naming the full amount.
    const requests = w.fake.requestsTo('POST', '/v1/refunds').slice(refundRequestsBefore);
    for (const card of cards) {
      const remaining = card.value - (card === partly ? 3_000 : 0);
      const created = w.fake.refunds.filter((r) => r.payment_intent === card.pi);
      expect(created.map((r) => r.amount)).toEqual([remaining]);
      expect(created[0]!.metadata).toEqual({ pledgeId: card.id });
      const fresh = requests.filter((r) => r.body.payment_intent === card.pi && !r.replayed);
      expect(fresh).toHaveLength(1);
      expect(fresh[0]!.idempotencyKey).toBe(`refund-${card.id}-${card.value}`);
      expect(w.fake.chargeOf(card.pi)).toMatchObject({ amount_refunded: card.value, refunded: true });
      expect(await view(w, card.id)).toMatchObject({ status: 'refunded', refundedMinor: card.value, refundedKgsMinor: (await record(w, card.id)).kgsMinor });
    }
    expect(requests.every((r) => r.status === 200)).toBe(true);
    // Nothing for the checkout that was never paid, and it stays pending (Stripe expires it).
    expect(requests.some((r) => r.body.metadata && (r.body.metadata as Record<string, string>).pledgeId === unpaid.id)).toBe(false);
    expect((await view(w, unpaid.id)).status).toBe('pending');

    // Cards are back to zero; the received transfer is still counted until the treasurer refunds it.
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: arrivedKgs, backers: 1 });
    const ledger = ZLedgerReply.parse(await (await w.send(`/api/projects/${projectId}/ledger`)).json());
    expect(ledger.totals).toMatchObject({ raisedMinor: arrivedKgs, backers: 1, byCurrency: { USD: 0, EUR: 0, KGS: 0, GBP: 0, RUB: 90_000 } });
    const entries = await listLedgerEntries(w.setup.deps.db, projectId);
    expect(entries.reduce((sum, e) => sum + e.kgsMinor, 0)).toBe(arrivedKgs);
    // Per card: its credit and one debit per refund step (two for the one refunded in parts).
    expect(entries.filter((e) => e.kind.startsWith('refund-'))).toHaveLength(5);

    expect(await queue(w, 'refunds_due')).toEqual([arrived.pledge.id]);
    expect(await queue(w, 'awaiting_transfer')).toContain(awaited.pledge.id);

    // The treasurer sends the roubles back by hand: a reference is required.
    const noReference = await w.send(`/api/moderation/pledges/${arrived.pledge.id}/refund`, { body: { reason: 'Project expired below goal' }, cookie: w.moderator });
    expect(noReference.status).toBe(400);
    expect(await noReference.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', issues: [{ path: 'reference' }] } });
    expect((await view(w, arrived.pledge.id)).status).toBe('succeeded');
    const refundedByHand = await w.send(`/api/moderation/pledges/${arrived.pledge.id}/refund`, {
      body: { reference: 'MT103-RET-0001', reason: 'Project expired below goal' },
      cookie: w.moderator,
    });
    expect(refundedByHand.status).toBe(200);
    expect(await refundedByHand.json()).toMatchObject({ pledge: { status: 'refunded', refundedMinor: 90_000, refundedKgsMinor: arrivedKgs } });
    expect(await record(w, arrived.pledge.id)).toMatchObject({ refundReference: 'MT103-RET-0001', refundReason: 'Project expired below goal' });
    expect(await queue(w, 'refunds_due')).toEqual([]);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 0, backers: 0 });
    // Bank refunds never go to Stripe.
    expect(w.fake.requestsTo('POST', '/v1/refunds').slice(refundRequestsBefore)).toHaveLength(requests.length);

    // Stripe's charge.refunded webhooks for the job's refunds arrive afterwards: nothing changes.
    const versions = await Promise.all(cards.map(async (c) => (await record(w, c.id)).version));
    const entriesBefore = (await listLedgerEntries(w.setup.deps.db, projectId)).length;
    for (const card of cards) {
      const late = await w.deliver(w.refundedEvent(card.pi, card.value, `evt_refunded_${card.pi}`));
      expect(late.status).toBe(200);
      // Already applied by the job: the pledge's state makes it a duplicate.
      expect(await late.json()).toMatchObject({ outcome: 'duplicate' });
    }
    expect(await Promise.all(cards.map(async (c) => (await record(w, c.id)).version))).toEqual(versions);
    expect(await listLedgerEntries(w.setup.deps.db, projectId)).toHaveLength(entriesBefore);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 0, backers: 0 });

    // Another run finds nothing left to do.
    const again = await runJobs();
    expect(again.refundExpiredProjects).toEqual({ refunded: 0, queued: 0, failed: 0 });
    expect(w.fake.requestsTo('POST', '/v1/refunds').slice(refundRequestsBefore)).toHaveLength(requests.length);
  });

  it('money that arrives after expiry is refunded by the next run: a late card completion and a late transfer', async () => {
    const runJobs = jobsOf(w);
    w.clock.at = new Date();
    const projectId = await w.publish({ deadline: inDays(2), fundingMode: 'all_or_nothing', ...hugeBudget });
    const response = await w.pledge({ amount: { value: 4_000, currency: 'EUR' }, method: 'card', email: 'slow@example.kg' }, { project: projectId });
    const card = ZPledgeCreatedReply.parse(await response.json()).pledge;
    const transfer = await bankPledge(w, projectId, 60_000, 'slowbank@example.kg');

    w.clock.at = new Date(Date.now() + 3 * day);
    expect((await runJobs()).expireProjects.expired).toEqual([projectId]);
    // The donor paid just before the deadline; the webhook comes after the run.
    const completed = w.paidEvent(w.sessionOf(card.id));
    expect((await w.deliver(completed)).status).toBe(200);
    const reconciled = await w.send(`/api/moderation/pledges/${transfer.pledge.id}/reconcile`, {
      body: { received: { value: 60_000, currency: 'KGS' }, bankReference: 'LATE-1', receivedOn: inDays(1) },
      cookie: w.moderator,
    });
    expect(reconciled.status).toBe(200);
    expect(await w.project(projectId)).toMatchObject({ status: 'expired', raisedMinor: convertToKgsMinor(4_000, '101.23') + 60_000, backers: 2 });

    const next = await runJobs();
    expect(next.refundExpiredProjects).toEqual({ refunded: 1, queued: 1, failed: 0 });
    const pi = String(completed.data.object.payment_intent);
    expect(w.fake.refunds.filter((r) => r.payment_intent === pi).map((r) => r.amount)).toEqual([4_000]);
    expect((await view(w, card.id)).status).toBe('refunded');
    expect(await queue(w, 'refunds_due')).toEqual([transfer.pledge.id]);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 60_000, backers: 1 });
  });
});

describe('an expiry refund interrupted after Stripe acted', () => {
  let w: TPledgeWorld;
  beforeAll(async () => {
    w = await pledgeWorld();
  });
  afterAll(async () => {
    await w.fake.close();
  });

  it('the run that lost Stripe\'s answer holds the claim; after the lease the next run replays the same key', async () => {
    const runJobs = jobsOf(w);
    const projectId = await w.publish({ deadline: inDays(2), fundingMode: 'all_or_nothing', ...hugeBudget });
    const card = await paidCard(w, projectId, 7_000, 'USD', 'lost@example.kg');
    const payments = w.setup.deps.payments!;
    const original = payments.refund;
    let lost = 0;
    // Stripe refunds, then the connection drops before its answer reaches us (once).
    payments.refund = async (input) => {
      const result = await original(input);
      if (lost === 0) {
        lost += 1;
        throw Object.assign(new Error('Stripe is unavailable: could not refund. Retrying is safe.'), { code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
      }
      return result;
    };
    const start = Date.now() + 3 * day;
    try {
      w.clock.at = new Date(start);
      expect((await runJobs()).refundExpiredProjects).toEqual({ refunded: 0, queued: 0, failed: 1 });
      expect(w.fake.refunds.filter((r) => r.payment_intent === card.pi).map((r) => r.amount)).toEqual([7_000]);
      expect(await view(w, card.id)).toMatchObject({ status: 'succeeded', refundedMinor: 0 });

      // Within the lease another run leaves it alone.
      w.clock.at = new Date(start + 5 * 60_000);
      expect((await runJobs()).refundExpiredProjects).toEqual({ refunded: 0, queued: 0, failed: 0 });

      // After the lease the next run asks again with the same key: Stripe replays, nothing is refunded twice.
      w.clock.at = new Date(start + 11 * 60_000);
      expect((await runJobs()).refundExpiredProjects).toEqual({ refunded: 1, queued: 0, failed: 0 });
    } finally {
      payments.refund = original;
    }
    const requests = w.fake.requestsTo('POST', '/v1/refunds').filter((r) => r.body.payment_intent === card.pi);
    expect(requests.map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      [`refund-${card.id}-7000`, false],
      [`refund-${card.id}-7000`, true],
    ]);
    expect(w.fake.refunds.filter((r) => r.payment_intent === card.pi)).toHaveLength(1);
    expect(w.fake.chargeOf(card.pi)).toMatchObject({ amount_refunded: 7_000 });
    expect(await view(w, card.id)).toMatchObject({ status: 'refunded', refundedMinor: 7_000 });
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 0, backers: 0 });
  });
});

describe('chasing bank transfers', () => {
  let w: TPledgeWorld;
  beforeAll(async () => {
    w = await pledgeWorld();
  });
  afterAll(async () => {
    await w.fake.close();
  });

  it('one reminder after 14 days, expiry after 30, and late money is still reconciled', { timeout: 60_000 }, async () => {
    const runJobs = jobsOf(w);
    const projectId = await w.publish({ deadline: inDays(90), ...hugeBudget });
    const created = await bankPledge(w, projectId, 500_000, 'chase@example.kg');
    const code = created.bankInstructions!.referenceCode;
    const token = new URL(created.receiptUrl).searchParams.get('token')!;
    const reminders = async () => (await outbox(w)).filter((m) => m.to === 'chase@example.kg' && m.subject.includes('Мы ждём ваш перевод'));
    const instructions = (await outbox(w)).filter((m) => m.to === 'chase@example.kg');
    expect(instructions).toHaveLength(1);

    w.clock.at = new Date(Date.now() + 13 * day);
    expect((await runJobs()).chaseBankTransfers).toEqual({ reminded: 0, expired: 0 });
    expect(await reminders()).toHaveLength(0);

    w.clock.at = new Date(Date.now() + 15 * day);
    const [a, b] = await Promise.all([runJobs(), runJobs()]);
    const c = await runJobs();
    expect(a.chaseBankTransfers.reminded + b.chaseBankTransfers.reminded + c.chaseBankTransfers.reminded).toBe(1);
    const [reminder, ...more] = await reminders();
    expect(more).toHaveLength(0);
    expect(reminder!.subject).toContain(code);
    expect(reminder!.text).toContain(code);
    // The reminder repeats the receipt link, which still works.
    expect(reminder!.text).toContain(`/pledges/${created.pledge.id}?token=`);
    expect((await w.send(`/api/pledges/${created.pledge.id}?token=${encodeURIComponent(token)}`)).status).toBe(200);
    expect((await record(w, created.pledge.id)).status).toBe('pending');

    // After 30 days: expired (once), out of the awaiting queue, and no further reminder.
    w.clock.at = new Date(Date.now() + 31 * day);
    const [d, e] = await Promise.all([runJobs(), runJobs()]);
    expect(d.chaseBankTransfers.expired + e.chaseBankTransfers.expired).toBe(1);
    expect(d.chaseBankTransfers.reminded + e.chaseBankTransfers.reminded).toBe(0);
    expect(await reminders()).toHaveLength(1);
    const treasurer = await signInModerator(w.setup);
    expect(await view(w, created.pledge.id, treasurer)).toMatchObject({ status: 'expired' });
    expect(await queue(w, 'awaiting_transfer', treasurer)).not.toContain(created.pledge.id);
    // The code still finds it, and the donor still sees how to pay.
    const found = ZPledgeList.parse(await (await w.send(`/api/moderation/pledges?reference=${code.toLowerCase()}`, { cookie: treasurer })).json());
    expect(found.items.map((p) => p.id)).toEqual([created.pledge.id]);
    const receipt = ZPledgeReply.parse(await (await w.send(`/api/pledges/${created.pledge.id}?token=${encodeURIComponent(token)}`)).json());
    expect(receipt.bankInstructions?.referenceCode).toBe(code);

    // The money turns up after all, in dollars: it succeeds with what arrived, at today's rate.
    const reconciled = await w.send(`/api/moderation/pledges/${created.pledge.id}/reconcile`, {
      body: { received: { value: 6_000, currency: 'USD' }, bankReference: 'SWIFT-LATE-77', receivedOn: inDays(31) },
      cookie: treasurer,
    });
    expect(reconciled.status).toBe(200);
    const after = await view(w, created.pledge.id, treasurer);
    expect(after).toMatchObject({
      status: 'succeeded',
      amount: { value: 500_000, currency: 'KGS' },
      received: { value: 6_000, currency: 'USD' },
      kgsMinor: 524_700,
      rate: { currency: 'USD', kgsPerUnit: '87.45', source: 'seed' },
      bankReference: 'SWIFT-LATE-77',
      receivedOn: inDays(31),
    });
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 524_700, backers: 1 });
    expect(await listLedgerEntries(w.setup.deps.db, projectId)).toMatchObject([{ kind: 'credit', pledgeId: created.pledge.id, kgsMinor: 524_700, currency: 'USD', minor: 6_000 }]);
    // A receipt went out, once.
    expect((await outbox(w)).filter((m) => m.to === 'chase@example.kg' && m.subject.includes('Квитанция'))).toHaveLength(1);

    // Reconciling it again is refused and counts nothing twice.
    const twice = await w.send(`/api/moderation/pledges/${created.pledge.id}/reconcile`, {
      body: { received: { value: 6_000, currency: 'USD' }, bankReference: 'SWIFT-LATE-77', receivedOn: inDays(31) },
      cookie: treasurer,
    });
    expect(twice.status).toBe(409);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 524_700, backers: 1 });
    expect((await runJobs()).chaseBankTransfers).toEqual({ reminded: 0, expired: 0 });
  });
});

describe('a moderator refunds a card pledge in parts', () => {
  let w: TPledgeWorld;
  beforeAll(async () => {
    w = await pledgeWorld();
  });
  afterAll(async () => {
    await w.fake.close();
  });

  const refund = (id: string, body: Record<string, unknown>) => w.send(`/api/moderation/pledges/${id}/refund`, { body, cookie: w.moderator });

  it('partial, too much, the late webhook, then the rest', async () => {
    const projectId = await w.publish(hugeBudget);
    const card = await paidCard(w, projectId, 10_000, 'USD', 'parts@example.kg');
    const kgs = 874_500;
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: kgs, backers: 1 });

    const partial = await refund(card.id, { amount: { value: 2_500 }, reason: 'Donor asked for a quarter back' });
    expect(partial.status).toBe(200);
    const partKgs = refundedKgs(kgs, 10_000, 2_500);
    expect(partKgs).toBe(218_625);
    expect(await partial.json()).toMatchObject({ pledge: { status: 'partially_refunded', refundedMinor: 2_500, refundedKgsMinor: partKgs } });
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: kgs - partKgs, backers: 1 });
    expect(w.fake.refunds.filter((r) => r.payment_intent === card.pi).map((r) => r.amount)).toEqual([2_500]);
    const [request] = w.fake.requestsTo('POST', '/v1/refunds').filter((r) => r.body.payment_intent === card.pi);
    expect(request).toMatchObject({ idempotencyKey: `refund-${card.id}-2500`, body: { amount: '2500', metadata: { pledgeId: card.id } } });
    expect((await record(w, card.id)).refundClaimedAt).toBeUndefined();

    // More than the 75.00 that remain: refused before Stripe is asked.
    const tooMuch = await refund(card.id, { amount: { value: 7_501 }, reason: 'Typo in the amount' });
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', issues: [{ path: 'amount.value' }] } });
    expect(w.fake.requestsTo('POST', '/v1/refunds').filter((r) => r.body.payment_intent === card.pi)).toHaveLength(1);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: kgs - partKgs, backers: 1 });

    // Stripe's webhook for that refund, with the running total: already recorded.
    const versionBefore = (await record(w, card.id)).version;
    const late = await w.deliver(w.refundedEvent(card.pi, 2_500, 'evt_parts_1'));
    expect(late.status).toBe(200);
    expect((await record(w, card.id)).version).toBe(versionBefore);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: kgs - partKgs, backers: 1 });

    // The rest, named exactly: refunded in full, the pledge no longer counts.
    const rest = await refund(card.id, { amount: { value: 7_500 }, reason: 'The rest, as agreed' });
    expect(rest.status).toBe(200);
    expect(await rest.json()).toMatchObject({ pledge: { status: 'refunded', refundedMinor: 10_000, refundedKgsMinor: kgs } });
    expect(w.fake.refunds.filter((r) => r.payment_intent === card.pi).map((r) => r.amount)).toEqual([2_500, 7_500]);
    expect(w.fake.chargeOf(card.pi)).toMatchObject({ amount_refunded: 10_000, refunded: true });
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 0, backers: 0 });
    const entries = await listLedgerEntries(w.setup.deps.db, projectId);
    expect(entries.map((e) => [e.kind, e.kgsMinor, e.minor])).toEqual([
      ['credit', kgs, 10_000],
      ['refund-10000', -(kgs - partKgs), -7_500],
      ['refund-2500', -partKgs, -2_500],
    ]);

    expect((await w.deliver(w.refundedEvent(card.pi, 10_000, 'evt_parts_2'))).status).toBe(200);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 0, backers: 0 });
    const again = await refund(card.id, { reason: 'Once more?' });
    expect(again.status).toBe(409);
    expect(w.fake.refunds.filter((r) => r.payment_intent === card.pi)).toHaveLength(2);
  });

  it('two moderators refunding at once never refund more than Stripe recorded', async () => {
    const projectId = await w.publish(hugeBudget);
    const card = await paidCard(w, projectId, 90_000, 'KGS', 'twice@example.kg');
    const replies = await Promise.all([
      refund(card.id, { amount: { value: 20_000 }, reason: 'Half of the duplicate charge' }),
      refund(card.id, { amount: { value: 20_000 }, reason: 'Half of the duplicate charge' }),
    ]);
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
    expect(replies.some((r) => r.status === 200)).toBe(true);
    const refunded = w.fake.refunds.filter((r) => r.payment_intent === card.pi).reduce((sum, r) => sum + r.amount, 0);
    const after = await record(w, card.id);
    expect(after.refundedMinor).toBe(refunded);
    expect(w.fake.chargeOf(card.pi).amount_refunded).toBe(refunded);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 90_000 - refunded, backers: 1 });
  });

  it('when Stripe\'s webhook records the refund before the moderator\'s request does, the next refund is not blocked', async () => {
    const projectId = await w.publish(hugeBudget);
    const card = await paidCard(w, projectId, 300_000, 'KGS', 'race@example.kg');
    const payments = w.setup.deps.payments!;
    const original = payments.refund;
    // Stripe answers the refund, and its charge.refunded webhook reaches us before that answer is handled.
    payments.refund = async (input) => {
      const result = await original(input);
      const charge = w.fake.chargeOf(input.paymentIntentId);
      const webhook = await w.deliver(w.refundedEvent(input.paymentIntentId, charge.amount_refunded, `evt_race_${result.refundId}`));
      expect(webhook.status).toBe(200);
      return result;
    };
    try {
      const first = await refund(card.id, { amount: { value: 100_000 }, reason: 'First part back' });
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ pledge: { status: 'partially_refunded', refundedMinor: 100_000 } });
    } finally {
      payments.refund = original;
    }
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 200_000, backers: 1 });
    // The refund is finished: its claim must not hold off the next one for the lease's ten minutes.
    expect((await record(w, card.id)).refundClaimedAt).toBeUndefined();
    const second = await refund(card.id, { amount: { value: 50_000 }, reason: 'Second part back' });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ pledge: { status: 'partially_refunded', refundedMinor: 150_000 } });
    expect(w.fake.refunds.filter((r) => r.payment_intent === card.pi).map((r) => r.amount)).toEqual([100_000, 50_000]);
    expect(await w.project(projectId)).toMatchObject({ raisedMinor: 150_000, backers: 1 });
  });
});
