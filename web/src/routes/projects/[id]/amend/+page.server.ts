import { error, redirect } from '@sveltejs/kit';
import { getProject } from '#lib/server/api.ts';
import { localText } from '#lib/server/format.ts';
import { actsFor, failPage, requireUser } from '#lib/server/page-errors.ts';
import {
  amendableStatuses,
  amendmentAction,
  amendmentValues,
} from '#lib/server/project-form/amendment.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The project, if the signed-in official may propose a change to it now. */
async function amendableProject(event: RequestEvent) {
  const user = requireUser(event);
  const result = await getProject(event, event.params.id);
  if (!result.ok) failPage(result);
  const { project } = result.value;
  if (!actsFor(user, project.councilId)) error(403, 'Forbidden');
  if (!amendableStatuses.has(project.status))
    redirect(303, `/projects/${encodeURIComponent(project.id)}`);
  return project;
}

export const load: PageServerLoad = async (event) => {
  const project = await amendableProject(event);
  return {
    project: { id: project.id, title: localText(project.title, event.locals.locale) },
    values: amendmentValues(project),
  };
};

export const actions = {
  default: async (event) => amendmentAction(event, await amendableProject(event)),
} satisfies Actions;
