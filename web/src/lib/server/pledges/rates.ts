import type { TRate } from '@koldoo/shared/contracts/rates.ts';
import { t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { formatMoney, numberFormat, type TCurrency } from '@koldoo/shared/money.ts';
import { convertToKgsMinor, kgsPerUnitFor } from '@koldoo/shared/convert-to-kgs.ts';
import { date } from '../format.ts';

/** Minor units of a currency -> tyiyn at `kgsPerUnit` (the API's own exact conversion), or null for a bad rate. */
export function kgsMinorAt(minor: number, kgsPerUnit: string): number | null {
  try {
    return convertToKgsMinor(minor, kgsPerUnit);
  } catch {
    return null;
  }
}

/** The rate of `currency` among `rates`; KGS is always 1. */
export function rateOf(rates: TRate[], currency: TCurrency): string | null {
  return kgsPerUnitFor(currency, rates) ?? null;
}

/** "87.4500" -> "87.45" for people, with the reader's decimal mark. */
export function rateNumber(kgsPerUnit: string, locale: TLocale): string {
  return numberFormat(locale, { maximumFractionDigits: 6 }).format(Number(kgsPerUnit));
}

/**
 * `1 USD ≈ 87.45 som` for the static line under the currency choice; currencies worth less than
 * a som are shown per 100 (`100 KZT ≈ 17.23 som`) so the two decimals of money still say something.
 */
export function rateLine(
  rate: { currency: TCurrency; kgsPerUnit: string },
  locale: TLocale,
): string {
  const units = Number(rate.kgsPerUnit) < 1 ? 100 : 1;
  const kgs = kgsMinorAt(units * 100, rate.kgsPerUnit);
  const shown =
    kgs === null ? rate.kgsPerUnit : formatMoney({ value: kgs, currency: 'KGS' }, locale);
  return `${units}\u00a0${rate.currency} ≈ ${shown}`;
}

/** Where a rate came from, for people: the National Bank, the demo seed or a moderator. */
export function rateSource(source: string, locale: TLocale): string {
  if (source === 'nbkr') return t(locale, 'rate.source.nbkr');
  if (source === 'seed') return t(locale, 'rate.source.seed');
  if (source.startsWith('moderator')) return t(locale, 'rate.source.moderator');
  return source;
}

/** The day a rate is for, in the reader's words. */
export function rateDate(iso: string, locale: TLocale): string {
  return date(iso, locale);
}
