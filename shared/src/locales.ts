import * as z from 'zod';

/** Kyrgyz and Russian first, English third; Russian is the default (the diaspora's common written language). */
export const locales = ['ky', 'ru', 'en'] as const;
export const ZLocale = z.enum(locales);
export type TLocale = z.infer<typeof ZLocale>;
export const defaultLocale: TLocale = 'ru';
export const localeCookie = 'koldoo_locale';

/** Picks a locale from the cookie first, then Accept-Language (by q), then the default. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): TLocale {
  const fromCookie = ZLocale.safeParse(cookieValue);
  if (fromCookie.success) return fromCookie.data;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.base && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    const match = ZLocale.safeParse(entry.base);
    if (match.success) return match.data;
  }
  return defaultLocale;
}
