import type { TErrorCode } from '../errors.ts';
import type { TLocale } from '../locales.ts';
import { en, type TMessageKey, type TMessages } from './en.ts';
import { ky } from './ky.ts';
import { ru } from './ru.ts';

export type { TMessageKey, TMessages };

export const catalogues: Record<TLocale, TMessages> = { ky, ru, en };

export function messages(locale: TLocale): TMessages {
  return catalogues[locale];
}

/** The `{name}` placeholders of an English string literal type, e.g. `'Hi {name}'` -> `'name'`. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** `t()` takes a params object exactly when the English message has placeholders. */
export type TParamsFor<K extends TMessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof en)[K]>, string | number>];

const placeholderPattern = /\{(\w+)\}/g;

/** Translates a key; placeholders are typed from the English catalogue. Unknown params stay visible as `{x}`. */
export function t<K extends TMessageKey>(locale: TLocale, key: K, ...args: TParamsFor<K>): string {
  const template = catalogues[locale][key];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return template;
  return template.replace(placeholderPattern, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholder names in a message, sorted; the catalogue test compares them across locales. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(placeholderPattern)].map((match) => match[1] ?? '').sort();
}

/** Every API error code has a message; the mapped type makes a new code without a message a compile error. */
const errorKeys: { [C in TErrorCode]: `error.${C}` & TMessageKey } = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  MALFORMED_JSON: 'error.MALFORMED_JSON',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  FORBIDDEN: 'error.FORBIDDEN',
  CSRF_REJECTED: 'error.CSRF_REJECTED',
  NOT_FOUND: 'error.NOT_FOUND',
  EMAIL_TAKEN: 'error.EMAIL_TAKEN',
  CONFLICT: 'error.CONFLICT',
  PAYLOAD_TOO_LARGE: 'error.PAYLOAD_TOO_LARGE',
  PROJECT_NOT_ACCEPTING_PLEDGES: 'error.PROJECT_NOT_ACCEPTING_PLEDGES',
  IDEMPOTENCY_KEY_REUSED: 'error.IDEMPOTENCY_KEY_REUSED',
  INVALID_SIGNATURE: 'error.INVALID_SIGNATURE',
  PAYMENT_PROVIDER_UNAVAILABLE: 'error.PAYMENT_PROVIDER_UNAVAILABLE',
  RATE_LIMITED: 'error.RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'error.SERVICE_UNAVAILABLE',
  INTERNAL: 'error.INTERNAL',
};

export function errorMessage(locale: TLocale, code: TErrorCode): string {
  return t(locale, errorKeys[code]);
}

