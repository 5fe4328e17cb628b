import { fail, redirect } from '@sveltejs/kit';
import { ZLoginInput } from '@koldoo/shared/contracts/auth.ts';
import { login } from '#lib/server/api.ts';
import { errorsFromApi, errorsFromZod, failureStatus, textField } from '#lib/server/form-errors.ts';
import { sameSitePath } from '#lib/server/redirect-target.ts';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: `?redirectTo=` when it is one of our paths (e.g. from /me), else the account page. */
const destination = (url: URL) => sameSitePath(url.searchParams.get('redirectTo')) ?? '/me';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, destination(url));
};

export const actions = {
  default: async (event) => {
    const { locale } = event.locals;
    const form = await event.request.formData();
    const values = { email: textField(form, 'email') };
    const submitted = { ...values, password: textField(form, 'password') };
    const parsed = ZLoginInput.safeParse(submitted);
    if (!parsed.success) return fail(400, { values, ...errorsFromZod(locale, parsed.error, submitted) });

    const result = await login(event, parsed.data);
    if (!result.ok) return fail(failureStatus(result), { values, ...errorsFromApi(locale, result) });
    redirect(303, destination(event.url));
  },
} satisfies Actions;
