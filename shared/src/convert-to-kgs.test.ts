import { describe, expect, it } from 'vitest';
import { convertToKgsMinor, kgsPerUnitFor } from './convert-to-kgs.ts';
import { divideHalfUp, formatRateDecimal, normaliseRate, parseRateDecimal } from './rate-decimal.ts';

describe('convertToKgsMinor', () => {
  it.each([
    // valueMinor, kgsPerUnit, expected tyiyn (checked with Python's Decimal, ROUND_HALF_UP)
    [1234, '87.4512', 107_915], // 107914.7808
    [999, '1.0951', 1094], // 1094.0049
    [12_345, '0.1690', 2086], // 2086.305
    [50, '0.169', 8], // 8.45
    [3, '0.5', 2], // 1.5: half rounds up
    [5, '0.1', 1], // 0.5: half rounds up
    [1, '0.4999', 0],
    [100, '1.005', 101], // 100.5 exactly; a float multiply gives 100.49999999999999 and rounds down
    [0, '87.45', 0],
  ])('%i minor at %s → %i tyiyn', (valueMinor, rate, expected) => {
    expect(convertToKgsMinor(valueMinor, rate)).toBe(expected);
  });

  it('converts KGS 1:1', () => {
    expect(convertToKgsMinor(100_000_000_001, '1')).toBe(100_000_000_001);
  });

  it('stays exact for huge amounts where floats lose the tyiyn', () => {
    expect(convertToKgsMinor(1e12, '116.800001')).toBe(116_800_001_000_000);
    expect(convertToKgsMinor(999_999_999_999, '87.4512')).toBe(87_451_199_999_913); // …912.5488
    // …740832.4… exactly; Math.round(931444414037 * 87.4512) says …740833.
    expect(convertToKgsMinor(931_444_414_037, '87.4512')).toBe(81_455_931_740_832);
    expect(convertToKgsMinor(1e12, '0.000001')).toBe(1_000_000);
  });

  it('refuses results beyond a safe integer, bad amounts and bad rates', () => {
    expect(() => convertToKgsMinor(Number.MAX_SAFE_INTEGER, '2')).toThrow(RangeError);
    expect(() => convertToKgsMinor(-1, '87.45')).toThrow(RangeError);
    expect(() => convertToKgsMinor(1.5, '87.45')).toThrow(RangeError);
    expect(() => convertToKgsMinor(100, '87,45')).toThrow(/Not a decimal/);
    expect(() => convertToKgsMinor(100, '1e2')).toThrow(/Not a decimal/);
    expect(() => convertToKgsMinor(100, '0.0000005')).toThrow(/at most 6 decimals/);
    expect(() => convertToKgsMinor(100, '0')).toThrow(/zero/);
  });
});

describe('kgsPerUnitFor', () => {
  const rates = [{ currency: 'USD', kgsPerUnit: '87.45' }];
  it('is 1 for KGS without a stored row, the row for others, undefined when missing', () => {
    expect(kgsPerUnitFor('KGS', [])).toBe('1');
    expect(kgsPerUnitFor('USD', rates)).toBe('87.45');
    expect(kgsPerUnitFor('GBP', rates)).toBeUndefined();
  });
});

describe('rate decimals', () => {
  it('parse to and format from micro-KGS exactly', () => {
    expect(parseRateDecimal('87.4512')).toBe(87_451_200n);
    expect(parseRateDecimal('0.000001')).toBe(1n);
    expect(formatRateDecimal(87_450_000n)).toBe('87.45');
    expect(formatRateDecimal(1_000_000n)).toBe('1');
    expect(formatRateDecimal(169_000n)).toBe('0.169');
    expect(normaliseRate('101.234500')).toBe('101.2345');
  });

  it('divides rounding half up', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
    expect(divideHalfUp(1_094_005n, 1000n)).toBe(1094n);
  });
});
