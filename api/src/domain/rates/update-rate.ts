import * as z from 'zod';
import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZRateInput, type TRate } from '@koldoo/shared/contracts/rates.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { ZCurrency } from '@koldoo/shared/money.ts';
import { putRate } from '../../data/rates-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import { parseInput, today } from '../parse-input.ts';
import { normaliseRate } from '@koldoo/shared/rate-decimal.ts';

// Built once: zod compiles a schema on first use. KGS has no stored rate to set (it is always 1).
const ZCurrencyParam = z.object({ currency: ZCurrency.exclude(['KGS'], 'KGS is the base currency; its rate is always 1') });

/**
 * A moderator sets a currency's rate by hand (the National Bank feed is down, or a correction).
 * The source records who did it; the history item written with it keeps the previous values.
 * The role is checked before the input so strangers learn nothing from validation errors.
 */
export async function updateRate(
  ctx: Pick<TDomainContext, 'db' | 'clock' | 'logger'>,
  viewer: TMe | undefined,
  currency: string,
  input: unknown,
): Promise<TRate> {
  const moderator = requireModerator(viewer);
  const { currency: code } = parseInput(ZCurrencyParam, { currency });
  const { kgsPerUnit, date } = parseInput(ZRateInput, input);
  // NBKR publishes tomorrow's rate the afternoon before, so tomorrow is fine; later dates are typos.
  const tomorrow = new Date(Date.parse(today(ctx)) + 86_400_000).toISOString().slice(0, 10);
  if (date > tomorrow) {
    throw new AppError('VALIDATION_FAILED', 'Some fields are invalid', { issues: [{ path: 'date', message: `Must not be after ${tomorrow}`, code: 'too_big' }] });
  }
  const rate: TRate = { currency: code, kgsPerUnit: normaliseRate(kgsPerUnit), source: `moderator:${moderator.id}`, date, updatedAt: ctx.clock.now().toISOString() };
  await putRate(ctx.db, rate);
  ctx.logger.info({ moderatorId: moderator.id, currency: code, kgsPerUnit: rate.kgsPerUnit, date }, 'rate set by moderator');
  return rate;
}
