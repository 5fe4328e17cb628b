import { error, redirect } from '@sveltejs/kit';
import { getProject } from '#lib/server/api.ts';
import { localText } from '#lib/server/format.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { actsFor, failPage, requireUser } from '#lib/server/page-errors.ts';
import { projectFormAction } from '#lib/server/project-form/action.ts';
import { projectFormOptions } from '#lib/server/project-form/options.ts';
import { fromProject } from '#lib/server/project-form/values.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { locale } = event.locals;
  const result = await getProject(event, event.params.id);
  if (!result.ok) failPage(result);
  const { project, timeline } = result.value;
  if (!actsFor(user, project.councilId)) error(403, 'Forbidden');
  // Published projects change only through amendments; their page links there.
  if (project.status !== 'draft' && project.status !== 'changes_requested')
    redirect(303, `/projects/${encodeURIComponent(project.id)}`);
  const lastRequest = timeline
    .filter((event) => event.action === 'request_changes')
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  return {
    project: { id: project.id, title: localText(project.title, locale), status: project.status },
    changesRequested:
      project.status === 'changes_requested'
        ? (lastRequest?.reason ?? '')
        : null,
    values: fromProject(project),
    options: projectFormOptions(locale),
    notice: noticeKey(event.url),
  };
};

export const actions = {
  default: (event) => projectFormAction(event, { mode: 'edit', projectId: event.params.id }),
} satisfies Actions;
