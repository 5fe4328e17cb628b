import * as z from 'zod';
import { ZCurrency } from '../money.ts';
import { ZIsoDate } from './text.ts';

/** KGS per one unit of a currency, as a decimal string (never a float): "87.4500". */
export const ZKgsPerUnit = z.string().trim().regex(/^\d{1,7}(\.\d{1,6})?$/, 'A decimal like 87.45').refine((s) => Number(s) > 0, 'Must be more than zero');

/** One row of the rates table: what one unit of `currency` is worth in KGS, where that came from and for which day. */
export const ZRate = z.object({
  currency: ZCurrency,
  kgsPerUnit: ZKgsPerUnit,
  /** `nbkr` (the National Bank's daily rates), `seed` (local demo) or `moderator:<userId>`. */
  source: z.string(),
  date: ZIsoDate,
  updatedAt: z.string(),
});
export type TRate = z.infer<typeof ZRate>;

export const ZRatesReply = z.object({ rates: z.array(ZRate) });
/** PUT /api/moderation/rates/:currency */
export const ZRateInput = z.object({ kgsPerUnit: ZKgsPerUnit, date: ZIsoDate });
/** Reply of PUT /api/moderation/rates/:currency: the rate as stored. */
export const ZRateReply = z.object({ rate: ZRate });
/** Reply of POST /api/moderation/rates/refresh: what the National Bank's list changed. */
export const ZRefreshRatesReply = z.object({
  count: z.number().int().nonnegative(),
  date: ZIsoDate,
  updated: z.array(ZCurrency),
  skipped: z.array(z.string()),
});
