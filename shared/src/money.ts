import * as z from 'zod';
import type { TLocale } from './locales.ts';

/** Currencies a pledge may be made in. KGS is the project currency. */
export const currencies = ['KGS', 'USD', 'EUR', 'RUB', 'KZT', 'TRY', 'GBP'] as const;
export const ZCurrency = z.enum(currencies);
export type TCurrency = z.infer<typeof ZCurrency>;
export const isCurrency = (value: string): value is TCurrency => (currencies as readonly string[]).includes(value);

/** Minor units per major unit. All our currencies use two decimals (KGS: tyiyn). */
const minorDigits: Record<TCurrency, number> = { KGS: 2, USD: 2, EUR: 2, RUB: 2, KZT: 2, TRY: 2, GBP: 2 };

/** Money is an integer of minor units plus an ISO 4217 code. Never a float. */
export const ZMoney = z.object({
  value: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: ZCurrency,
});
export type TMoney = z.infer<typeof ZMoney>;

export function money(value: number, currency: TCurrency): TMoney {
  if (!Number.isSafeInteger(value)) throw new RangeError(`money value must be a safe integer, got ${value}`);
  return { value, currency };
}

export function addMoney(a: TMoney, b: TMoney): TMoney {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.value + b.value, a.currency);
}

/** The BCP 47 tag Intl formats each of our locales with. */
export const intlLocale: Record<TLocale, string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB' };

/**
 * Building an Intl formatter costs ~100× using one (a page formats dozens of amounts), so each
 * distinct (kind, locale, options) formatter is made once per process.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
export function numberFormat(locale: TLocale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(intlLocale[locale], options)));
  return formatter;
}
function dateFormat(locale: TLocale): Intl.DateTimeFormat {
  const key = `d|${locale}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Asia/Bishkek' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** ICU has no local symbol for the som (it prints "KGS"); readers expect the word. */
const somWord: Record<TLocale, string> = { ky: 'сом', ru: 'сом', en: 'som' };

/** Formats money for a reader with Intl, e.g. `1 500 сом` in ru, `1,500 som` in en, `€12.50`. */
export function formatMoney(amount: TMoney, locale: TLocale): string {
  const digits = minorDigits[amount.currency];
  const major = amount.value / 10 ** digits;
  const fraction = { minimumFractionDigits: amount.value % 10 ** digits === 0 ? 0 : digits, maximumFractionDigits: digits };
  if (amount.currency === 'KGS') {
    return `${numberFormat(locale, fraction).format(major)}\u00a0${somWord[locale]}`;
  }
  return numberFormat(locale, { style: 'currency', currency: amount.currency, ...fraction }).format(major);
}

/** Formats an ISO date or timestamp for a reader in their locale. */
export function formatDate(iso: string, locale: TLocale): string {
  return dateFormat(locale).format(new Date(iso));
}
