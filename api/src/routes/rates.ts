import { Hono } from 'hono';
import { ZRateInput, ZRateReply, ZRatesReply, ZRefreshRatesReply } from '@koldoo/shared/contracts/rates.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { listRates } from '../domain/rates/list-rates.ts';
import { refreshRatesFromSource } from '../domain/rates/refresh-rates-from-source.ts';
import { updateRate } from '../domain/rates/update-rate.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';
import { readJsonBody } from '../http/parse-input.ts';
import { requireRole } from '../http/session.ts';

/** Public: donors see what their currency is worth before pledging. Rates change daily, so a minute of caching is harmless. */
export const rateRoutes = new Hono<THonoEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'public, max-age=60');
  return c.json(ZRatesReply.parse(await listRates(c.get('deps'))));
});

/** Moderators only (mounted at /api/moderation/rates); the use cases check the role again. */
export const moderationRateRoutes = new Hono<THonoEnv>()
  .use('*', requireRole('moderator'))
  .put('/:currency', async (c) => {
    // The body is validated by the use case, after the role check, with the same 400 shape.
    const rate = await updateRate(c.get('deps'), c.get('user'), c.req.param('currency'), await readJsonBody(c));
    return c.json(ZRateReply.parse({ rate }));
  })
  .post('/refresh', async (c) => {
    const deps = c.get('deps');
    if (!deps.ratesSource) throw new AppError('CONFLICT', 'No rates source is configured on this server (set NBKR_RATES_URL); set rates by hand instead');
    return c.json(ZRefreshRatesReply.parse(await refreshRatesFromSource(deps, deps.ratesSource, c.get('user'))));
  });

export const rateOperations: TOperation[] = [
  { method: 'get', path: '/api/rates', tag: 'rates', summary: 'Exchange rates to KGS with their source and date (KGS itself is always 1)', responses: { 200: ZRatesReply } },
  { method: 'put', path: '/api/moderation/rates/{currency}', tag: 'moderation', summary: 'Set a currency’s rate to KGS by hand; the previous value stays in the rate history', body: ZRateInput, responses: { 200: ZRateReply }, errors: [401, 403], isAuthenticated: true },
  { method: 'post', path: '/api/moderation/rates/refresh', tag: 'moderation', summary: 'Pull today’s official rates from the National Bank (409 when no source is configured, 503 when it fails)', responses: { 200: ZRefreshRatesReply }, errors: [401, 403, 409, 503], isAuthenticated: true },
];
