import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { ZRate, type TRate } from '@koldoo/shared/contracts/rates.ts';
import { currencies, type TCurrency } from '@koldoo/shared/money.ts';
import { bishkekToday } from '@koldoo/shared/dates.ts';
import type { TDb } from './db.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-all.ts';

/**
 * Exchange rates to KGS. Current rates: `RATE` / `CURRENCY#<code>` (one partition, ≤ 6 items,
 * so all of them are one Query). Every write also puts an immutable `RATE#<code>` /
 * `AT#<updatedAt>#<ulid>` item in the same transaction, so any past rate can be audited.
 *
 * KGS is never stored: it is the base currency and its rate is 1 by definition. Reads
 * synthesise it (source `identity`), so a stray write can never make a som worth two.
 */

/**
 * Every pledge reads the rates, moderators change them a few times a day: each process keeps
 * what it read for a few seconds and forgets it at once on its own writes (other Lambdas see
 * a change within `maxAgeMs` plus one refresh). Same idea as domain/projects/public-project-cache.ts.
 */
const maxAgeMs = 5_000;
type TCached = { loadedAt: number; value: Promise<TRate[]>; isRefreshing?: boolean };
const cache = new Map<string, TCached>();

function readStoredRates(db: TDb): Promise<TRate[]> {
  return queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': 'RATE', ':prefix': 'CURRENCY#' },
  }).then((items) => items.map((item) => ZRate.parse(item)).filter((rate) => rate.currency !== 'KGS'));
}

/**
 * Stored rates (KGS excluded), read at most once per `maxAgeMs` per table. Stale-while-revalidate:
 * past `maxAgeMs` the first reader starts one refresh and everyone keeps the previous rates until
 * it lands. Every project page and pledge reads the rates; when they all awaited the refresh,
 * each expiry held every page in flight for one DynamoDB round trip (the bench's p99).
 */
function storedRates(db: TDb, nowMs = Date.now()): Promise<TRate[]> {
  const entry = cache.get(db.tableName);
  if (entry && (nowMs - entry.loadedAt < maxAgeMs || entry.isRefreshing)) return entry.value;
  if (!entry) {
    const value = readStoredRates(db);
    cache.set(db.tableName, { loadedAt: nowMs, value });
    value.catch(() => cache.get(db.tableName)?.value === value && cache.delete(db.tableName)); // a failed read is not cached
    return value;
  }
  entry.isRefreshing = true;
  readStoredRates(db).then(
    // Only if no write forgot the entry meanwhile: an older read must not undo a moderator's change.
    (rates) => cache.get(db.tableName) === entry && cache.set(db.tableName, { loadedAt: Date.now(), value: Promise.resolve(rates) }),
    () => (entry.isRefreshing = false),
  );
  return entry.value;
}

/** Drops this process's cached rates; every write here calls it. */
export function forgetRates(tableName: string): void {
  cache.delete(tableName);
}


/**
 * The KGS row every reader sees: 1 som per som, dated the day it was asked for and "updated" at
 * that day's start in Bishkek (UTC+6), so the public rates reply stays byte-identical all day.
 * It carried the request's own time once: every reply then differed, and the web, which keeps
 * parsed public replies by their text (web/src/lib/server/api/shared-replies.ts), filled its
 * cache with one-off rates replies that pushed the project replies out; pages re-parsed and
 * re-rendered their project on every request (bench: ~300 against ~500 pages/s).
 */
export function identityRate(now: Date): TRate {
  const date = bishkekToday(now);
  return { currency: 'KGS', kgsPerUnit: '1', source: 'identity', date, updatedAt: new Date(`${date}T00:00:00+06:00`).toISOString() };
}

/** Every rate, KGS first and then in `currencies` order. May be up to a few seconds old. */
export async function listRates(db: TDb, now = new Date()): Promise<TRate[]> {
  const stored = await storedRates(db, now.getTime());
  const order = (rate: TRate) => currencies.indexOf(rate.currency);
  return [identityRate(now), ...[...stored].sort((a, b) => order(a) - order(b))];
}

/** One currency's rate, or undefined when none is stored (KGS always has one). From the cached list. */
export async function getRate(db: TDb, currency: TCurrency, now = new Date()): Promise<TRate | undefined> {
  if (currency === 'KGS') return identityRate(now);
  return (await storedRates(db, now.getTime())).find((rate) => rate.currency === currency);
}

/**
 * Writes a currency's current rate and its history item in one transaction. With
 * `onlyIfAbsent` (seeding) nothing is written if the currency already has a rate, so a
 * moderator's value is never overwritten; the result says whether anything was written.
 */
export async function putRate(db: TDb, rate: TRate, options: { onlyIfAbsent?: boolean } = {}): Promise<boolean> {
  if (rate.currency === 'KGS') throw new RangeError('KGS is the base currency; its rate is always 1 and is not stored');
  const item = ZRate.parse(rate);
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.rate(item.currency), type: 'RATE', ...item },
              ...(options.onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.rateHistory(item.currency, item.updatedAt, ulid()), type: 'RATE_HISTORY', ...item },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (options.onlyIfAbsent && isCurrentRateTaken(error)) return false;
    throw error;
  } finally {
    forgetRates(db.tableName);
  }
  return true;
}

/** The transaction failed because the current-rate item (the first) already existed, not for another reason. */
function isCurrentRateTaken(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  return (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
}

/** A currency's past rates, oldest first (moderators' audit; not on any hot path). */
export async function listRateHistory(db: TDb, currency: TCurrency): Promise<TRate[]> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.rateHistory(currency, '', '').pk, ':prefix': 'AT#' },
    ConsistentRead: true,
  });
  return items.map((item) => ZRate.parse(item));
}
