import { describe, expect, it } from 'vitest';
import { parsePercent, parseSom, parseWhole, percentInput, somInput } from './numbers.ts';

describe('parseSom', () => {
  it.each([
    ['1500', 150_000],
    ['1 500', 150_000],
    ['1\u00a0500,5', 150_050],
    ["12'000.05", 1_200_005],
    ['0', 0],
    [' 7 ', 700],
  ])('reads %j as %i tyiyn', (text, minor) => expect(parseSom(text)).toBe(minor));

  it.each(['', '-5', '1.234', '1e3', 'abc', '1,2,3', '.5', '999999999999'])('refuses %j', (text) =>
    expect(parseSom(text)).toBeNull(),
  );

  it('round-trips through somInput without floating point drift', () => {
    for (const minor of [0, 1, 10, 99, 100, 150_050, 123_456_789])
      expect(parseSom(somInput(minor))).toBe(minor);
    expect(somInput(150_000)).toBe('1500');
    expect(somInput(150_005)).toBe('1500.05');
  });
});

describe('parsePercent', () => {
  it('reads shares in basis points', () => {
    expect(parsePercent('25')).toBe(2500);
    expect(parsePercent('33,33')).toBe(3333);
    expect(parsePercent('100')).toBe(10_000);
    expect(percentInput(3333)).toBe('33.33');
  });

  it.each(['0', '100.01', '', '-1'])('refuses %j', (text) => expect(parsePercent(text)).toBeNull());
});

describe('parseWhole', () => {
  it('reads whole numbers with spaces', () => {
    expect(parseWhole('1 200')).toBe(1200);
    expect(parseWhole('2.5')).toBeNull();
    expect(parseWhole('')).toBeNull();
  });
});
