import { pickText, pickTextLocale, type TLocalizedText } from '@koldoo/shared/contracts/text.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { formatDate, formatMoney, money, numberFormat } from '@koldoo/shared/money.ts';
import type { TLocalText } from '../views.ts';

/** Picks a council's text for the reader; `lang` is set only when it fell back to another language. */
export function localText(text: TLocalizedText, locale: TLocale): TLocalText {
  const used = pickTextLocale(text, locale);
  return { text: pickText(text, locale), lang: used === locale ? undefined : used };
}

export function som(minor: number, locale: TLocale): string {
  return formatMoney(money(minor, 'KGS'), locale);
}

export function date(iso: string, locale: TLocale): string {
  return formatDate(iso, locale);
}


export function count(value: number, locale: TLocale): string {
  return numberFormat(locale).format(value);
}

/** Whole percent raised, rounded down so "100%" appears only when the goal is really met. */
export function percentRaised(raisedMinor: number, goalMinor: number): number {
  if (goalMinor <= 0) return raisedMinor > 0 ? 100 : 0;
  return Math.floor((raisedMinor / goalMinor) * 100);
}

/** Basis points as a percentage for people, e.g. 2500 -> "25", 3333 -> "33.33" (locale decimal mark). */
export function shareText(basisPoints: number, locale: TLocale): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(
    basisPoints / 100,
  );
}
