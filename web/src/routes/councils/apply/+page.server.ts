import { fail, redirect } from '@sveltejs/kit';
import { applyForCouncil } from '#lib/server/api.ts';
import {
  applicationFieldOf,
  checkApplication,
  emptyApplication,
  readApplication,
} from '#lib/server/council-application.ts';
import { errorsFromApi, failureStatus } from '#lib/server/form-errors.ts';
import { requireUser } from '#lib/server/page-errors.ts';
import { districtGroups } from '#lib/server/places.ts';
import { readPostedForm } from '#lib/server/read-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireUser(event);
  return { values: emptyApplication(), districts: districtGroups(event.locals.locale) };
};

export const actions = {
  default: async (event) => {
    requireUser(event);
    const { locale } = event.locals;
    const posted = await readPostedForm(event);
    if (!posted.form) return posted.tooLarge;
    const { form } = posted;
    const values = readApplication(form);
    const checked = await checkApplication(event, form, values);
    if (!checked.ok) return fail(400, { values, message: checked.message, issues: checked.issues });
    const result = await applyForCouncil(event, checked.input);
    if (!result.ok)
      return fail(failureStatus(result), {
        values,
        ...errorsFromApi(locale, result, applicationFieldOf(locale)),
      });
    redirect(303, '/council?notice=applied');
  },
} satisfies Actions;
