import * as z from 'zod';
import { locales, type TLocale } from '../locales.ts';

/**
 * Text a council writes in one or more of ky/ru/en. At least one language is required;
 * readers see their own language, else the first present in ky → ru → en order.
 */
export function ZLocalizedText(maxLength: number) {
  const one = z.string().trim().max(maxLength, `At most ${maxLength} characters`);
  return z
    .object({ ky: one.optional(), ru: one.optional(), en: one.optional() })
    .transform((text) => Object.fromEntries(Object.entries(text).filter(([, v]) => v)) as TLocalizedText)
    .refine((text) => Object.keys(text).length > 0, 'Write it in at least one language');
}
export type TLocalizedText = Partial<Record<TLocale, string>>;

/** A reader's language first, then ky, ru, en. */
export function pickText(text: TLocalizedText, locale: TLocale): string {
  return text[locale] ?? locales.map((l) => text[l]).find(Boolean) ?? '';
}

/** Which language `pickText` actually used, so pages can set `lang` on fallback text. */
export function pickTextLocale(text: TLocalizedText, locale: TLocale): TLocale {
  return text[locale] ? locale : (locales.find((l) => text[l]) ?? locale);
}

export const ZIsoDate = z.iso.date();
export const ZId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$|^[a-z0-9-]{3,64}$/, 'Not an id');
