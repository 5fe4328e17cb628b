import type { RequestEvent } from '@sveltejs/kit';
import type { TCurrency } from '@koldoo/shared/money.ts';
import type { z } from 'zod';
import { ZRatesReply, ZRefreshRatesReply, type TRate } from '@koldoo/shared/contracts/rates.ts';
import { call, mapResult, type TApiResult } from './core.ts';

/** Today's rates to KGS (public). */
export async function listRates(event: RequestEvent): Promise<TApiResult<TRate[]>> {
  return mapResult(
    await call(event, { method: 'GET', path: '/api/rates' }, ZRatesReply),
    (reply) => reply.rates,
  );
}

/** A moderator sets a rate by hand (e.g. when the National Bank's feed failed). */
export async function setRate(
  event: RequestEvent,
  currency: TCurrency,
  input: { kgsPerUnit: string; date: string },
): Promise<TApiResult<void>> {
  const path = `/api/moderation/rates/${encodeURIComponent(currency)}` as const;
  return call<void>(event, { method: 'PUT', path, body: input }, null);
}

export type TRatesRefreshed = z.infer<typeof ZRefreshRatesReply>;

/** A moderator pulls today's official rates from the National Bank now (409 when no source is configured). */
export async function refreshRates(event: RequestEvent): Promise<TApiResult<TRatesRefreshed>> {
  return call(
    event,
    { method: 'POST', path: '/api/moderation/rates/refresh', body: {} },
    ZRefreshRatesReply,
  );
}
