import { fail, redirect } from '@sveltejs/kit';
import { t } from '@koldoo/shared/i18n/index.ts';
import { advanceProject, cancelProject, decide, getProject } from '#lib/server/api.ts';
import { readCancel, readDecision } from '#lib/server/decision-form.ts';
import { errorsFromApi, failureStatus } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { actsFor, failPage, isModerator, requireModerator } from '#lib/server/page-errors.ts';
import { amendableStatuses } from '#lib/server/project-form/amendment.ts';
import { toProjectView } from '#lib/server/views/project-page.ts';
import type { Actions, PageServerLoad } from './$types';

// As the API's lifecycle: a moderator may cancel anything not yet completed, rejected or cancelled.
const cancellable = new Set([
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'funded',
  'in_progress',
  'expired',
]);

/**
 * The public project page is a document: read, shared in messengers, opened on costly data.
 * It ships no JavaScript and no hydration payload; its forms (moderators' decisions) post plainly.
 */
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const { locale, user } = event.locals;
  const result = await getProject(event, event.params.id);
  if (!result.ok) failPage(result);
  const project = toProjectView(result.value, locale);
  const { coverImageId } = result.value.project;
  const url = new URL(`/projects/${encodeURIComponent(project.id)}`, event.url.origin);
  const isOfficial = actsFor(user, project.councilId);
  return {
    project,
    // Absolute URLs: messengers fetch these when the link is shared, without our page's context.
    share: {
      url: url.href,
      image: coverImageId
        ? new URL(`/api/files/${encodeURIComponent(coverImageId)}`, event.url.origin).href
        : null,
      description: `${project.summary.text} — ${t(locale, 'project.percentFunded', { percent: project.percent })}`,
    },
    can: {
      edit: isOfficial && (project.status === 'draft' || project.status === 'changes_requested'),
      amend: isOfficial && amendableStatuses.has(project.status),
      startWork: isOfficial && project.status === 'funded',
      complete: isOfficial && project.status === 'in_progress',
      decide: isModerator(user) && project.status === 'submitted',
      cancel: isModerator(user) && cancellable.has(project.status),
    },
    notice: noticeKey(event.url),
  };
};

export const actions = {
  decide: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const read = readDecision(await event.request.formData(), locale);
    if (!read.ok)
      return fail(400, { form: 'decide' as const, ...read.errors, values: read.values });
    const result = await decide(event, 'projects', event.params.id, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'decide' as const,
        ...errorsFromApi(locale, result),
        values: { reason: read.value.reason },
      });
    redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=decided`);
  },
  cancel: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const read = readCancel(await event.request.formData(), locale);
    if (!read.ok)
      return fail(400, { form: 'cancel' as const, ...read.errors, values: read.values });
    const result = await cancelProject(event, event.params.id, read.value.reason);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'cancel' as const,
        ...errorsFromApi(locale, result),
        values: read.value,
      });
    redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=cancelled`);
  },
  advance: async (event) => {
    const step = (await event.request.formData()).get('step');
    if (step !== 'start' && step !== 'complete') return fail(400, { form: 'advance' as const });
    const result = await advanceProject(event, event.params.id, step);
    if (!result.ok) return fail(failureStatus(result), { form: 'advance' as const, ...errorsFromApi(event.locals.locale, result) });
    redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=advanced`);
  },
} satisfies Actions;
