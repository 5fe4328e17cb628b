/**
 * Numbers as people type them on phones: spaces or apostrophes between thousands, a comma or a
 * dot before decimals. Money becomes integer tyiyn (1 som = 100 tyiyn), never a float.
 */
const clean = (text: string) => text.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');

/** "1 500,5" -> 150050; null when it is not an amount with at most two decimals. */
export function parseSom(text: string): number | null {
  const cleaned = clean(text);
  if (!/^\d{1,11}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * An amount in any of our currencies, typed in major units ("25", "25,50"): all of them have two
 * decimals, like the som, so the same rule gives exact minor units.
 */
export const parseMajor = parseSom;

/** 150050 -> "1500.50", 150000 -> "1500": the inverse of parseSom, for filling a form. */
export function somInput(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const fraction = minor % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`;
}

/** "33,33" (percent) -> 3333 basis points; null unless above 0 and at most 100. */
export function parsePercent(text: string): number | null {
  const basisPoints = parseSom(text);
  return basisPoints !== null && basisPoints > 0 && basisPoints <= 10_000 ? basisPoints : null;
}

export const percentInput = somInput;
export const majorInput = somInput;

/** A whole number such as a quantity or a head count; null for anything else. */
export function parseWhole(text: string): number | null {
  const cleaned = clean(text);
  return /^\d{1,9}$/.test(cleaned) ? Number(cleaned) : null;
}
