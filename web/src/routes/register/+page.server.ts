import { fail, redirect } from '@sveltejs/kit';
import { ZPassword, ZRegisterInput } from '@koldoo/shared/contracts/auth.ts';
import { register } from '#lib/server/api.ts';
import { errorsFromApi, errorsFromZod, failureStatus, textField } from '#lib/server/form-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/me');
  // Sent as data so the page's JavaScript need not import the schema (and zod with it).
  return { passwordMin: ZPassword.minLength ?? 10 };
};

export const actions = {
  default: async (event) => {
    const { locale } = event.locals;
    const form = await event.request.formData();
    // Echoed back on failure so nobody retypes them; the password never is.
    const values = { email: textField(form, 'email'), displayName: textField(form, 'displayName') };
    const submitted = { ...values, password: textField(form, 'password') };
    const parsed = ZRegisterInput.safeParse({ ...submitted, locale });
    if (!parsed.success) return fail(400, { values, ...errorsFromZod(locale, parsed.error, submitted) });

    const result = await register(event, parsed.data);
    if (!result.ok) return fail(failureStatus(result), { values, ...errorsFromApi(locale, result) });
    redirect(303, '/me');
  },
} satisfies Actions;
