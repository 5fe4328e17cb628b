import { page } from '$app/state';
import { t as translate, type TMessageKey, type TParamsFor } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';

/** The reader's locale, from the root layout's data (chosen in hooks.server.ts). */
export function currentLocale(): TLocale {
  // The root layout always sets it. The literal stands in for `defaultLocale` because importing
  // shared/locales.ts at runtime would pull zod into the browser bundle.
  return page.data.locale ?? 'ru';
}

/**
 * Translates for the current page. Reading `page.data` inside templates keeps it reactive,
 * so components need not thread the locale through props.
 */
export function t<K extends TMessageKey>(key: K, ...params: TParamsFor<K>): string {
  return translate(currentLocale(), key, ...params);
}

/**
 * The switcher's order (Kyrgyz and Russian first). Kept here rather than imported from
 * shared/locales.ts so the browser bundle stays free of zod; the type below fails to compile
 * if a locale is added to shared and forgotten here.
 */
export const switcherLocales = ['ky', 'ru', 'en'] as const satisfies readonly TLocale[];
type TMissingFromSwitcher = Exclude<TLocale, (typeof switcherLocales)[number]>;
export const switcherCoversEveryLocale: [TMissingFromSwitcher] extends [never] ? true : never = true;
