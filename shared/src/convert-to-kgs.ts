import type { TCurrency } from './money.ts';
import { divideHalfUp, parseRateDecimal, rateScale } from './rate-decimal.ts';

/**
 * Converts an amount in a currency's minor units to tyiyn at `kgsPerUnit` KGS per one major
 * unit, rounding half up to a whole tyiyn. Every currency we accept has two decimals, like
 * KGS, so minor × rate = KGS minor with no further scaling (see `currencies` in money.ts).
 * BigInt keeps 1e12 cents × "116.800001" exact; the result must still fit a safe integer.
 */
export function convertToKgsMinor(valueMinor: number, kgsPerUnit: string): number {
  if (!Number.isSafeInteger(valueMinor) || valueMinor < 0) throw new RangeError(`valueMinor must be a non-negative safe integer, got ${valueMinor}`);
  const rate = parseRateDecimal(kgsPerUnit);
  if (rate === 0n) throw new RangeError('A rate of zero converts nothing; refusing it');
  const kgsMinor = divideHalfUp(BigInt(valueMinor) * rate, rateScale);
  if (kgsMinor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${valueMinor} at ${kgsPerUnit} exceeds the largest safe amount`);
  return Number(kgsMinor);
}

/**
 * The rate to use for `currency` from a list of rates: KGS is always "1" (it is the base and is
 * never stored), other currencies need a row. `undefined` means "no rate": the caller refuses
 * the pledge rather than guess.
 */
export function kgsPerUnitFor(currency: TCurrency, rates: readonly { currency: string; kgsPerUnit: string }[]): string | undefined {
  if (currency === 'KGS') return '1';
  return rates.find((rate) => rate.currency === currency)?.kgsPerUnit;
}
