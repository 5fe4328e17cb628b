import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import { ZKgsPerUnit } from '@koldoo/shared/contracts/rates.ts';
import { ZIsoDate } from '@koldoo/shared/contracts/text.ts';
import { AppError } from '@koldoo/shared/errors.ts';
import { currencies, type TCurrency } from '@koldoo/shared/money.ts';
import { forgetRates, getRate, putRate } from '../../data/rates-repo.ts';
import { requireModerator } from '../access.ts';
import type { TDomainContext } from '../context.ts';
import type { TRatesSource } from '../ports.ts';
import { normaliseRate } from '@koldoo/shared/rate-decimal.ts';

export type TRefreshOutcome = {
  /** How many rates were written. */
  count: number;
  /** The day the source's rates are for. */
  date: string;
  /** Currencies whose rate was written (a changed value or date). */
  updated: TCurrency[];
  /** Currencies the source had that we do not accept, or whose value was unusable. */
  skipped: string[];
};

const isSupported = (code: string): code is Exclude<TCurrency, 'KGS'> => code !== 'KGS' && (currencies as readonly string[]).includes(code);

/**
 * Pulls the official rates (NBKR in production) and writes every currency we accept that the
 * source has, as source `nbkr`. Currencies the source lacks (NBKR's daily list has no TRY or
 * GBP) keep their last rate. A rate equal to the stored one (same value and date) is not
 * rewritten, so running this twice adds no history. `by` is a moderator, or `system` for a job.
 */
export async function refreshRatesFromSource(
  ctx: Pick<TDomainContext, 'db' | 'clock' | 'logger'>,
  source: TRatesSource,
  by: TMe | undefined | 'system',
): Promise<TRefreshOutcome> {
  if (by !== 'system') requireModerator(by);
  let daily: Awaited<ReturnType<TRatesSource['fetchDaily']>>;
  try {
    daily = await source.fetchDaily();
  } catch (error) {
    ctx.logger.error({ err: error }, 'rates source failed');
    throw new AppError('SERVICE_UNAVAILABLE', 'The rates source could not be read; the stored rates are unchanged', { cause: error });
  }
  const date = ZIsoDate.safeParse(daily.date);
  if (!date.success) throw new AppError('SERVICE_UNAVAILABLE', `The rates source gave an invalid date: ${daily.date}`);

  const outcome: TRefreshOutcome = { count: 0, date: date.data, updated: [], skipped: [] };
  // Compare with the table, not with this process's few-seconds-old copy of it.
  forgetRates(ctx.db.tableName);
  const updatedAt = ctx.clock.now().toISOString();
  for (const { currency, kgsPerUnit } of daily.rates) {
    const value = ZKgsPerUnit.safeParse(kgsPerUnit);
    if (!isSupported(currency) || !value.success) {
      // Not an error: the source lists currencies we do not take (CNY…) and KGS needs no rate.
      ctx.logger.info({ currency, kgsPerUnit }, 'rate from source skipped');
      outcome.skipped.push(currency);
      continue;
    }
    const rate = { currency, kgsPerUnit: normaliseRate(value.data), source: 'nbkr', date: date.data, updatedAt };
    const stored = await getRate(ctx.db, currency);
    if (stored && stored.source === rate.source && stored.kgsPerUnit === rate.kgsPerUnit && stored.date === rate.date) continue;
    await putRate(ctx.db, rate);
    outcome.updated.push(currency);
  }
  outcome.count = outcome.updated.length;
  ctx.logger.info({ date: outcome.date, updated: outcome.updated, skipped: outcome.skipped }, 'rates refreshed from source');
  return outcome;
}
