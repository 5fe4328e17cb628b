import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZLedgerReply, ZPledgeCreatedReply, ZPledgeReply } from '@koldoo/shared/contracts/pledges.ts';
import { inDays } from '../support/project-fixtures.ts';
import { pledgeWorld, type TPledgeWorld } from '../support/pledge-fixtures.ts';

let w: TPledgeWorld;
beforeAll(async () => {
  w = await pledgeWorld();
});
afterAll(async () => {
  await w.fake.close();
});

describe('card pledges through Stripe Checkout', () => {
  it('opens a checkout with the pledge id and a derived idempotency key, and counts the payment once', async () => {
    const created = await w.cardPledge(2_500, 'USD', { message: 'Для детей', dedication: 'Памяти деда' });
    expect(created.pledge).toMatchObject({ status: 'pending', method: 'card', amount: { value: 2_500, currency: 'USD' } });
    const sessionId = w.sessionOf(created.pledge.id);
    expect(created.checkoutUrl).toContain(sessionId);
    const [request] = w.fake.requestsTo('POST', '/v1/checkout/sessions').filter((r) => r.idempotencyKey === `checkout-${created.pledge.id}`);
    expect(request?.body).toMatchObject({ metadata: { pledgeId: created.pledge.id }, success_url: expect.stringContaining(`/pledges/${created.pledge.id}`), cancel_url: expect.stringContaining(`/projects/${w.projectId}`) });

    const before = await w.project();
    const event = w.paidEvent(sessionId);
    const first = await w.deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'processed' });
    const again = await w.deliver(event);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });

    const after = await w.project();
    // 25.00 USD at the seeded 87.45 KGS/USD = 2 186.25 som.
    expect(after.raisedMinor - before.raisedMinor).toBe(218_625);
    expect(after.backers - before.backers).toBe(1);
    const receipt = ZPledgeReply.parse(await (await w.send(`/api/pledges/${created.pledge.id}?${new URL(created.receiptUrl).searchParams}`)).json());
    expect(receipt.pledge).toMatchObject({ status: 'succeeded', kgsMinor: 218_625, rate: { currency: 'USD', kgsPerUnit: '87.45', source: 'seed' } });
    const outbox = (await (await w.send('/api/dev/outbox')).json()) as { items: { to: string; subject: string; text: string }[] };
    expect(outbox.items.some((m) => m.to === 'donor@example.kg' && m.text.includes('2') && m.text.includes('87.45'))).toBe(true);
  });

  it('answers a repeated Idempotency-Key with the same pledge, and refuses the key for another body', async () => {
    const body = { amount: { value: 100_000, currency: 'KGS' }, method: 'card', email: 'twice@example.kg' };
    const [a, b] = await Promise.all([w.pledge(body, { key: 'double-click-0001' }), w.pledge(body, { key: 'double-click-0001' })]);
    const ids = [ZPledgeCreatedReply.parse(await a.json()).pledge.id, ZPledgeCreatedReply.parse(await b.json()).pledge.id];
    expect(ids[0]).toBe(ids[1]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((await w.pledgeItems()).filter((i) => i.email === 'twice@example.kg')).toHaveLength(1);
    const other = await w.pledge({ ...body, amount: { value: 200_000, currency: 'KGS' } }, { key: 'double-click-0001' });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });
});

describe('bad pledges are refused and write nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['zero', { amount: { value: 0, currency: 'KGS' } }, 'amount.value'],
    ['negative', { amount: { value: -500, currency: 'KGS' } }, 'amount.value'],
    ['fractional', { amount: { value: 10.5, currency: 'KGS' } }, 'amount.value'],
    ['above 10 000 000 som', { amount: { value: 1_000_000_001, currency: 'KGS' } }, 'amount.value'],
    ['above 10 000 000 som in dollars', { amount: { value: 12_000_000, currency: 'USD' } }, 'amount.value'],
    ['an unknown currency', { amount: { value: 500, currency: 'CNY' } }, 'amount.currency'],
    ['an unknown method', { method: 'crypto' }, 'method'],
    ['no e-mail from a visitor', { email: undefined }, 'email'],
  ];
  it.each(cases)('%s: 400 with the field named', async (_name, change, path) => {
    const before = (await w.pledgeItems()).length;
    const response = await w.pledge({ amount: { value: 500, currency: 'KGS' }, method: 'card', email: 'x@example.kg', ...change });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.issues.map((i) => i.path)).toContain(path);
    expect((await w.pledgeItems()).length).toBe(before);
  });

  it('409 for a project past its deadline, 404 for a draft', async () => {
    const late = await w.publish({ deadline: inDays(2) });
    w.clock.at = new Date(Date.now() + 4 * 86_400_000);
    try {
      const response = await w.pledge({ amount: { value: 500, currency: 'KGS' }, method: 'bank_transfer', email: 'x@example.kg' }, { project: late });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'PROJECT_NOT_ACCEPTING_PLEDGES' } });
      expect(await w.pledgeItems(late)).toHaveLength(0);
    } finally {
      w.clock.at = new Date();
    }
    const draft = await w.send('/api/projects', { body: (await import('../support/project-fixtures.ts')).projectInput(w.official.councilId), cookie: w.official.cookie });
    const draftId = ((await draft.json()) as { project: { id: string } }).project.id;
    const response = await w.pledge({ amount: { value: 500, currency: 'KGS' }, method: 'card', email: 'x@example.kg' }, { project: draftId });
    expect(response.status).toBe(404);
  });
});

describe('webhook signatures', () => {
  it('refuses a bad or stale signature with 400 and changes nothing', async () => {
    const created = await w.cardPledge(50_000);
    const event = w.paidEvent(w.sessionOf(created.pledge.id));
    const forged = await w.deliver(event, 'whsec_not_the_secret');
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: 'INVALID_SIGNATURE' } });
    const stale = await w.deliver(event, w.webhookSecret, Math.floor(Date.now() / 1000) - 301);
    expect(stale.status).toBe(400);
    const unsigned = await w.setup.app.request(new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body: JSON.stringify(event) }));
    expect(unsigned.status).toBe(400);
    const view = ZPledgeReply.parse(await (await w.send(`/api/pledges/${created.pledge.id}`, { cookie: w.moderator })).json());
    expect(view.pledge.status).toBe('pending');
  });
});

describe('ordering', () => {
  it('a refund that overtakes its completion ends refunded; the late completion does not resurrect it', async () => {
    const created = await w.cardPledge(30_000);
    const before = await w.project();
    const completed = w.paidEvent(w.sessionOf(created.pledge.id));
    const pi = String(completed.data.object.payment_intent);
    w.fake.charges.get(w.fake.chargeOf(pi).id)!.amount_refunded = 30_000;
    expect((await w.deliver(w.refundedEvent(pi, 30_000, `evt_refund_${pi}`))).status).toBe(200);
    expect((await w.deliver(completed)).status).toBe(200);
    const view = ZPledgeReply.parse(await (await w.send(`/api/pledges/${created.pledge.id}`, { cookie: w.moderator })).json());
    expect(view.pledge).toMatchObject({ status: 'refunded', refundedMinor: 30_000 });
    const after = await w.project();
    expect(after.raisedMinor).toBe(before.raisedMinor);
    expect(after.backers).toBe(before.backers);
  });

  it('ledger totals equal the project counters', async () => {
    const ledger = ZLedgerReply.parse(await (await w.send(`/api/projects/${w.projectId}/ledger`)).json());
    const project = await w.project();
    expect(ledger.totals.raisedMinor).toBe(project.raisedMinor);
    expect(ledger.totals.backers).toBe(project.backers);
    expect(ledger.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(ledger)).not.toContain('@example.kg');
    const csv = await (await w.send(`/api/projects/${w.projectId}/ledger?format=csv`)).text();
    expect(csv.split('\r\n')[0]).toContain('date');
    expect(csv.trim().split('\r\n')).toHaveLength(ledger.entries.length + 1);
  });
});
