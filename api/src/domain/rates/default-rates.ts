import type { TCurrency } from '@koldoo/shared/money.ts';
import type { TDb } from '../../data/db.ts';
import { putRate } from '../../data/rates-repo.ts';

/**
 * Plausible rates (late 2026, KGS per unit) for the local platform and tests, whose tables
 * start empty. Not for production: there the National Bank's rates or a moderator's apply.
 * KGS is listed for completeness but never stored: its rate is 1 by definition.
 */
export const defaultRates: Readonly<Record<TCurrency, string>> = {
  KGS: '1',
  USD: '87.45',
  EUR: '101.23',
  RUB: '1.0951',
  KZT: '0.169',
  TRY: '2.431',
  GBP: '116.8',
};

/**
 * Writes each default rate (source `seed`, dated `today`) only where the currency has no rate
 * yet, so re-running it never undoes a moderator's or the National Bank's value. Returns the
 * currencies it wrote.
 */
export async function seedDefaultRates(db: TDb, today: string, now: Date = new Date()): Promise<TCurrency[]> {
  const written: TCurrency[] = [];
  for (const [currency, kgsPerUnit] of Object.entries(defaultRates) as [TCurrency, string][]) {
    if (currency === 'KGS') continue;
    const rate = { currency, kgsPerUnit, source: 'seed', date: today, updatedAt: now.toISOString() };
    if (await putRate(db, rate, { onlyIfAbsent: true })) written.push(currency);
  }
  return written;
}
