/**
 * Rates are decimal strings ("87.4512") and money is integers, so rate arithmetic is done on
 * scaled BigInts, never on floats: 0.1 + 0.2 must not decide how many tyiyn a donor gave.
 */

/** Rates carry at most this many fractional digits (the contract's `ZKgsPerUnit` allows 6). */
export const rateScaleDigits = 6;
const scale = 10n ** BigInt(rateScaleDigits);

const decimalPattern = /^(\d+)(?:\.(\d+))?$/;

/** "87.4512" → 87451200n (units of 10⁻⁶ KGS). Throws on anything but a plain non-negative decimal. */
export function parseRateDecimal(decimal: string): bigint {
  const match = decimalPattern.exec(decimal.trim());
  if (!match) throw new RangeError(`Not a decimal rate: "${decimal}"`);
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > rateScaleDigits) throw new RangeError(`A rate may have at most ${rateScaleDigits} decimals: "${decimal}"`);
  return BigInt(whole) * scale + BigInt(fraction.padEnd(rateScaleDigits, '0'));
}

/** 87451200n → "87.4512": the shortest exact form (no trailing zeros), so equal rates compare equal as strings. */
export function formatRateDecimal(scaled: bigint): string {
  if (scaled < 0n) throw new RangeError('A rate cannot be negative');
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(rateScaleDigits, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** Integer division rounding half up (both operands non-negative): the rounding the ledger uses everywhere. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('divideHalfUp takes a non-negative numerator and a positive denominator');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** The rate in its canonical form ("87.4500" → "87.45"); more than 6 decimals is refused, not rounded. */
export const normaliseRate = (decimal: string): string => formatRateDecimal(parseRateDecimal(decimal));

export const rateScale = scale;
