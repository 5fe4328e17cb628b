import type { TMe } from '@koldoo/shared/contracts/auth.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';

declare global {
  namespace App {
    interface Locals {
      /** Chosen in hooks.server.ts: cookie, then Accept-Language, then `ru`. */
      locale: TLocale;
      /** The signed-in user from GET /api/me, or null. */
      user: TMe | null;
    }
    interface PageData {
      locale: TLocale;
      user: TMe | null;
    }
  }
}

export {};
