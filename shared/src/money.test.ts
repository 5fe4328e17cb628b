import { describe, expect, it } from 'vitest';
import { addMoney, formatMoney, money } from './money.ts';

describe('money', () => {
  it('formats som with the local word and grouping, never floats', () => {
    expect(formatMoney(money(150_000_000, 'KGS'), 'ru')).toBe('1\u00a0500\u00a0000\u00a0сом');
    expect(formatMoney(money(150_050, 'KGS'), 'en')).toBe('1,500.50\u00a0som');
    expect(formatMoney(money(1250, 'EUR'), 'en')).toBe('€12.50');
  });

  it('refuses to add different currencies or non-integers', () => {
    expect(addMoney(money(1, 'KGS'), money(2, 'KGS'))).toEqual({ value: 3, currency: 'KGS' });
    expect(() => addMoney(money(1, 'KGS'), money(2, 'USD'))).toThrow(RangeError);
    expect(() => money(1.5, 'KGS')).toThrow(RangeError);
  });
});
