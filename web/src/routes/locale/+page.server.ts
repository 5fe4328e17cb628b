import { redirect } from '@sveltejs/kit';
import { localeCookie, ZLocale } from '@koldoo/shared/locales.ts';
import { sameSitePath } from '#lib/server/redirect-target.ts';
import type { Actions } from './$types';

const oneYearInSeconds = 365 * 24 * 60 * 60;

export const actions = {
  /** The language switcher posts here: remember the choice, then go back where the reader was. */
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const locale = ZLocale.safeParse(form.get('locale'));
    if (locale.success) {
      cookies.set(localeCookie, locale.data, {
        path: '/',
        maxAge: oneYearInSeconds,
        sameSite: 'lax',
        // Not a secret; readable by scripts is harmless.
        httpOnly: false,
        secure: url.protocol === 'https:',
      });
    }
    const target = sameSitePath(form.get('redirectTo'));
    redirect(303, target && !target.startsWith('/locale') ? target : '/');
  },
} satisfies Actions;
