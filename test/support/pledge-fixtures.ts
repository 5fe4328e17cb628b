import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { checkoutCompletedEvent, chargeRefundedEvent } from '@koldoo/api/adapters/stripe-events.ts';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import { seedDefaultRates } from '@koldoo/api/domain/rates/default-rates.ts';
import type { TPaymentEvent } from '@koldoo/api/domain/ports.ts';
import { ZPledgeCreatedReply } from '@koldoo/shared/contracts/pledges.ts';
import { ZProjectReply } from '@koldoo/shared/contracts/projects.ts';
import { inDays, officialOfNewCouncil, projectInput, signInModerator } from './project-fixtures.ts';
import { signStripeEvent, startStripeFake, stripePaymentsForFake, type TStripeFake } from './stripe-fake.ts';
import { createTestApp, jsonRequest, testOrigin } from './test-app.ts';

/**
 * A fresh table with rates, a moderator, a verified council with one published project, and
 * the real Stripe adapter pointed at a local fake. `now` is movable for deadline tests.
 */
export async function pledgeWorld(options: { fake?: TStripeFake; overrides?: Partial<TAppDeps>; project?: Record<string, unknown> } = {}) {
  const fake = options.fake ?? (await startStripeFake());
  const { payments, webhookSecret } = stripePaymentsForFake(fake);
  const clock = { at: new Date(), now() { return this.at; } };
  const setup = await createTestApp({ payments, clock, ...options.overrides });
  await seedDefaultRates(setup.deps.db, new Date().toISOString().slice(0, 10));
  const send = (path: string, init: Parameters<typeof jsonRequest>[1] = {}) => setup.app.request(jsonRequest(path, init));
  const moderator = await signInModerator(setup);
  const official = await officialOfNewCouncil(setup, moderator);
  const publish = async (overrides: Record<string, unknown> = {}) => {
    const created = await send('/api/projects', { body: projectInput(official.councilId, { deadline: inDays(30), ...options.project, ...overrides }), cookie: official.cookie });
    if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`);
    const { id } = ((await created.json()) as { project: { id: string } }).project;
    await send(`/api/projects/${id}/submit`, { method: 'POST', cookie: official.cookie });
    const decided = await send(`/api/moderation/projects/${id}/decision`, { body: { decision: 'approve', reason: 'Checked' }, cookie: moderator });
    if (decided.status !== 200) throw new Error(`approve failed: ${await decided.text()}`);
    return id;
  };
  const projectId = await publish();

  /** POST a pledge; returns the raw response. */
  const pledge = (body: Record<string, unknown>, init: { key?: string; cookie?: string; project?: string } = {}) =>
    send(`/api/projects/${init.project ?? projectId}/pledges`, { body, cookie: init.cookie, headers: init.key ? { 'idempotency-key': init.key } : {} });
  const cardPledge = async (value: number, currency = 'KGS', extra: Record<string, unknown> = {}) => {
    const response = await pledge({ amount: { value, currency }, method: 'card', email: 'donor@example.kg', displayName: 'Айгүл', ...extra });
    if (response.status !== 201) throw new Error(`pledge failed: ${response.status} ${await response.text()}`);
    return ZPledgeCreatedReply.parse(await response.json());
  };

  /** Stripe delivering a webhook: signed for real with the adapter's secret. */
  const deliver = (event: TPaymentEvent, secret = webhookSecret, timestamp?: number) => {
    const signed = signStripeEvent(event, secret, timestamp === undefined ? {} : { timestamp });
    return setup.app.request(new Request('http://localhost/api/webhooks/stripe', { method: 'POST', headers: { 'stripe-signature': signed.signature, 'content-type': 'application/json' }, body: signed.rawBody }));
  };
  /** The customer pays at the fake's checkout; returns the `checkout.session.completed` event. */
  const paidEvent = (sessionId: string, eventId = `evt_${sessionId}_completed`) => {
    const session = fake.completeSession(sessionId);
    return checkoutCompletedEvent({
      eventId, sessionId, pledgeId: String(session.metadata.pledgeId), paymentIntentId: String(session.payment_intent),
      amountTotal: Number(session.amount_total), currency: String(session.currency), paymentStatus: 'paid', created: Math.floor(Date.now() / 1000),
    });
  };
  const refundedEvent = (paymentIntentId: string, amountRefunded: number, eventId: string) => {
    const charge = fake.chargeOf(paymentIntentId);
    return chargeRefundedEvent({
      eventId, chargeId: charge.id, paymentIntentId, amount: charge.amount, amountRefunded, currency: charge.currency, created: Math.floor(Date.now() / 1000),
    });
  };
  const sessionOf = (pledgeId: string) => {
    const session = [...fake.sessions.values()].find((s) => s.metadata.pledgeId === pledgeId);
    if (!session) throw new Error(`no checkout session for ${pledgeId}`);
    return session.id;
  };
  const project = async (id = projectId) => ZProjectReply.parse(await (await send(`/api/projects/${id}`, { cookie: moderator })).json()).project;
  /** Every item of a project's pledges (GSI1), to prove a refusal wrote nothing. */
  const pledgeItems = async (id = projectId) =>
    (await setup.deps.db.client.send(new QueryCommand({ TableName: setup.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `PROJECT#${id}#PLEDGES` } }))).Items ?? [];

  return { setup, send, fake, webhookSecret, clock, moderator, official, projectId, publish, pledge, cardPledge, deliver, paidEvent, refundedEvent, sessionOf, project, pledgeItems, origin: testOrigin };
}
export type TPledgeWorld = Awaited<ReturnType<typeof pledgeWorld>>;
