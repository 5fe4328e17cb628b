import { readFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ZMeReply } from '@koldoo/shared/contracts/auth.ts';
import { ZRateReply, ZRatesReply, ZRefreshRatesReply } from '@koldoo/shared/contracts/rates.ts';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { createNbkrRatesSource } from '@koldoo/api/adapters/nbkr-rates.ts';
import { getRate, listRateHistory, putRate } from '@koldoo/api/data/rates-repo.ts';
import type { TRatesSource } from '@koldoo/api/domain/ports.ts';
import { today } from '@koldoo/api/domain/parse-input.ts';
import { seedDefaultRates } from '@koldoo/api/domain/rates/default-rates.ts';
import { seedDemoData } from '@koldoo/infra/local/seed.ts';
import { createTestApp, jsonRequest } from '../support/test-app.ts';
import { signInModerator, signUp } from '../support/project-fixtures.ts';

type TSetup = Awaited<ReturnType<typeof createTestApp>>;
const errorOf = async (response: Response) => ZErrorBody.parse(await response.json()).error;

/** The real NBKR adapter over a fake fetch that serves the hand-made fixture: no network. */
const nbkrFixture = readFileSync(new URL('../../api/src/adapters/fixtures/nbkr-daily.xml', import.meta.url));
const fixtureSource = createNbkrRatesSource({ url: 'https://nbkr.test/XML/daily.xml', fetch: async () => new Response(new Uint8Array(nbkrFixture)) });

async function rateSetup(overrides: Parameters<typeof createTestApp>[0] = {}) {
  const setup = await createTestApp(overrides);
  await seedDefaultRates(setup.deps.db, today(setup.deps));
  const send = async (path: string, init: Parameters<typeof jsonRequest>[1] = {}) => setup.app.request(jsonRequest(path, init));
  return { ...setup, send };
}

async function publicRates(setup: { send: (path: string) => Promise<Response> }) {
  return ZRatesReply.parse(await (await setup.send('/api/rates')).json()).rates;
}

const currentItem = async (setup: TSetup, currency: string) =>
  (await setup.deps.db.client.send(new GetCommand({ TableName: setup.tableName, Key: { pk: 'RATE', sk: `CURRENCY#${currency}` }, ConsistentRead: true }))).Item;

describe('public rates', () => {
  it('lists the seeded rates, KGS first as the identity, cacheable for a minute', async () => {
    const setup = await rateSetup();
    const response = await setup.send('/api/rates');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const { rates } = ZRatesReply.parse(await response.json());
    expect(rates.map((r) => [r.currency, r.kgsPerUnit, r.source])).toEqual([
      ['KGS', '1', 'identity'],
      ['USD', '87.45', 'seed'],
      ['EUR', '101.23', 'seed'],
      ['RUB', '1.0951', 'seed'],
      ['KZT', '0.169', 'seed'],
      ['TRY', '2.431', 'seed'],
      ['GBP', '116.8', 'seed'],
    ]);
    expect(new Set(rates.map((r) => r.date))).toEqual(new Set([today(setup.deps)]));
    // KGS is implied, never stored; the others are one partition.
    expect(await currentItem(setup, 'KGS')).toBeUndefined();
    expect(await currentItem(setup, 'USD')).toMatchObject({ type: 'RATE', kgsPerUnit: '87.45' });
  });

  it('answer byte-identical replies while nothing changes, so caches keyed by the body can share them', async () => {
    const setup = await rateSetup();
    const first = await (await setup.send('/api/rates')).text();
    await new Promise((done) => setTimeout(done, 20));
    const second = await (await setup.send('/api/rates')).text();
    expect(second).toBe(first);
    // The implied KGS row is dated the Bishkek day, "updated" at its start (UTC+6).
    const kgs = ZRatesReply.parse(JSON.parse(first)).rates[0]!;
    expect(kgs.updatedAt).toBe(new Date(`${kgs.date}T00:00:00+06:00`).toISOString());
  });

  it('are seeded by the local platform’s demo seed, which never overwrites an existing rate', async () => {
    const setup = await createTestApp();
    const date = today(setup.deps);
    const moderatorSet = { currency: 'USD' as const, kgsPerUnit: '90', source: 'moderator:01TEST', date, updatedAt: new Date().toISOString() };
    await putRate(setup.deps.db, moderatorSet);
    expect(await seedDemoData(setup.deps, inject('dynamoEndpoint'))).toBe(true);
    const send = async (path: string) => setup.app.request(jsonRequest(path));
    const rates = await publicRates({ send });
    expect(rates.map((r) => r.currency)).toEqual(['KGS', 'USD', 'EUR', 'RUB', 'KZT', 'TRY', 'GBP']);
    expect(rates.find((r) => r.currency === 'USD')).toEqual(moderatorSet);
    expect(rates.filter((r) => r.source === 'seed')).toHaveLength(5);
  });

  it('seeds only once: a second run writes nothing', async () => {
    const setup = await rateSetup();
    expect(await seedDefaultRates(setup.deps.db, '2030-01-01')).toEqual([]);
    expect((await listRateHistory(setup.deps.db, 'USD')).map((r) => r.date)).toEqual([today(setup.deps)]);
  });
});

describe('moderators editing rates', () => {
  let setup: Awaited<ReturnType<typeof rateSetup>>;
  let moderator: string;
  let moderatorId: string;
  beforeAll(async () => {
    setup = await rateSetup();
    moderator = await signInModerator(setup);
    moderatorId = ZMeReply.parse(await (await setup.send('/api/me', { cookie: moderator })).json()).user.id;
  });

  it('changes a rate, records who did it, and keeps the old value in the history', async () => {
    const date = today(setup.deps);
    const response = await setup.send('/api/moderation/rates/USD', { method: 'PUT', body: { kgsPerUnit: '88.1000', date }, cookie: moderator });
    expect(response.status).toBe(200);
    const { rate } = ZRateReply.parse(await response.json());
    expect(rate).toMatchObject({ currency: 'USD', kgsPerUnit: '88.1', source: `moderator:${moderatorId}`, date });

    expect((await publicRates(setup)).find((r) => r.currency === 'USD')).toEqual(rate);
    expect(await getRate(setup.deps.db, 'USD')).toEqual(rate);
    const history = await listRateHistory(setup.deps.db, 'USD');
    expect(history.map((r) => [r.kgsPerUnit, r.source])).toEqual([['87.45', 'seed'], ['88.1', `moderator:${moderatorId}`]]);

    // The seed never overwrites what a moderator set.
    expect(await seedDefaultRates(setup.deps.db, date)).toEqual([]);
    expect((await getRate(setup.deps.db, 'USD'))?.kgsPerUnit).toBe('88.1');
  });

  it('refuses members (403) and signed-out callers (401) and writes nothing', async () => {
    const member = await signUp(setup);
    const body = { kgsPerUnit: '1.5', date: today(setup.deps) };
    const forbidden = await setup.send('/api/moderation/rates/EUR', { method: 'PUT', body, cookie: member.cookie });
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).code).toBe('FORBIDDEN');
    const anonymous = await setup.send('/api/moderation/rates/EUR', { method: 'PUT', body });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
    expect((await getRate(setup.deps.db, 'EUR'))?.kgsPerUnit).toBe('101.23');
    expect(await listRateHistory(setup.deps.db, 'EUR')).toHaveLength(1);
  });

  it.each([
    ['a comma decimal', 'EUR', { kgsPerUnit: '101,5', date: 'today' }, 'kgsPerUnit'],
    ['a float-looking number', 'EUR', { kgsPerUnit: 101.5, date: 'today' }, 'kgsPerUnit'],
    ['zero', 'EUR', { kgsPerUnit: '0.000', date: 'today' }, 'kgsPerUnit'],
    ['seven decimals', 'EUR', { kgsPerUnit: '1.1234567', date: 'today' }, 'kgsPerUnit'],
    ['a bad date', 'EUR', { kgsPerUnit: '101.5', date: '21.11.2026' }, 'date'],
    ['a date a week ahead', 'EUR', { kgsPerUnit: '101.5', date: 'next week' }, 'date'],
    ['an unknown currency', 'XYZ', { kgsPerUnit: '1.5', date: 'today' }, 'currency'],
    ['lower case', 'eur', { kgsPerUnit: '1.5', date: 'today' }, 'currency'],
    ['KGS, which is always 1', 'KGS', { kgsPerUnit: '2', date: 'today' }, 'currency'],
  ])('answers 400 with a field issue for %s, and writes nothing', async (_name, currency, input, field) => {
    const todayDate = today(setup.deps);
    const date = input.date === 'today' ? todayDate : input.date === 'next week' ? new Date(Date.parse(todayDate) + 7 * 86_400_000).toISOString().slice(0, 10) : input.date;
    const response = await setup.send(`/api/moderation/rates/${currency}`, { method: 'PUT', body: { ...input, date }, cookie: moderator });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.map((i) => i.path)).toContain(field);
    expect(await currentItem(setup, currency)).toEqual(currency === 'EUR' ? expect.objectContaining({ kgsPerUnit: '101.23' }) : undefined);
    expect(await listRateHistory(setup.deps.db, 'EUR')).toHaveLength(1);
  });

  it('answers 409 to a refresh when no source is configured', async () => {
    const response = await setup.send('/api/moderation/rates/refresh', { method: 'POST', cookie: moderator });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('NBKR_RATES_URL');
  });
});

describe('refreshing from the National Bank', () => {
  it('writes every supported currency the daily list has as nbkr, keeps the rest, and is idempotent', async () => {
    const setup = await rateSetup({ ratesSource: fixtureSource });
    const moderator = await signInModerator(setup);
    const response = await setup.send('/api/moderation/rates/refresh', { method: 'POST', cookie: moderator });
    expect(response.status).toBe(200);
    expect(ZRefreshRatesReply.parse(await response.json())).toEqual({ count: 4, date: '2026-11-21', updated: ['USD', 'EUR', 'KZT', 'RUB'], skipped: [] });

    const rates = await publicRates(setup);
    const row = (currency: string) => rates.find((r) => r.currency === currency);
    expect(row('USD')).toMatchObject({ kgsPerUnit: '87.45', source: 'nbkr', date: '2026-11-21' });
    expect(row('EUR')).toMatchObject({ kgsPerUnit: '101.2345', source: 'nbkr', date: '2026-11-21' });
    expect(row('KZT')).toMatchObject({ kgsPerUnit: '0.169', source: 'nbkr' });
    expect(row('RUB')).toMatchObject({ kgsPerUnit: '1.0951', source: 'nbkr' });
    // Not on NBKR's daily list: the last rate stays.
    expect(row('TRY')).toMatchObject({ kgsPerUnit: '2.431', source: 'seed' });
    expect(row('GBP')).toMatchObject({ kgsPerUnit: '116.8', source: 'seed' });
    expect((await listRateHistory(setup.deps.db, 'EUR')).map((r) => r.source)).toEqual(['seed', 'nbkr']);

    const again = ZRefreshRatesReply.parse(await (await setup.send('/api/moderation/rates/refresh', { method: 'POST', cookie: moderator })).json());
    expect(again).toMatchObject({ count: 0, updated: [] });
    expect(await listRateHistory(setup.deps.db, 'EUR')).toHaveLength(2);
  });

  it('skips currencies we do not accept and unusable values', async () => {
    const source: TRatesSource = {
      fetchDaily: async () => ({
        date: '2026-11-22',
        rates: [
          { currency: 'CNY', kgsPerUnit: '12.1' },
          { currency: 'KGS', kgsPerUnit: '1' },
          { currency: 'GBP', kgsPerUnit: '-3' },
          { currency: 'TRY', kgsPerUnit: '2.5000' },
        ],
      }),
    };
    const setup = await rateSetup({ ratesSource: source });
    const moderator = await signInModerator(setup);
    const response = await setup.send('/api/moderation/rates/refresh', { method: 'POST', cookie: moderator });
    expect(ZRefreshRatesReply.parse(await response.json())).toEqual({ count: 1, date: '2026-11-22', updated: ['TRY'], skipped: ['CNY', 'KGS', 'GBP'] });
    expect(await getRate(setup.deps.db, 'TRY')).toMatchObject({ kgsPerUnit: '2.5', source: 'nbkr', date: '2026-11-22' });
    expect(await getRate(setup.deps.db, 'GBP')).toMatchObject({ kgsPerUnit: '116.8', source: 'seed' });
    expect(await currentItem(setup, 'CNY')).toBeUndefined();
  });

  it('answers 503 and changes nothing when the source fails, and refuses members', async () => {
    const broken = createNbkrRatesSource({ url: 'https://nbkr.test/XML/daily.xml', fetch: async () => new Response('<html>maintenance</html>') });
    const setup = await rateSetup({ ratesSource: broken });
    const moderator = await signInModerator(setup);
    const failed = await setup.send('/api/moderation/rates/refresh', { method: 'POST', cookie: moderator });
    expect(failed.status).toBe(503);
    expect((await errorOf(failed)).code).toBe('SERVICE_UNAVAILABLE');
    expect((await publicRates(setup)).every((r) => r.source === 'seed' || r.source === 'identity')).toBe(true);

    const member = await signUp(setup);
    expect((await setup.send('/api/moderation/rates/refresh', { method: 'POST', cookie: member.cookie })).status).toBe(403);
    expect((await setup.send('/api/moderation/rates/refresh', { method: 'POST' })).status).toBe(401);
  });
});
