import { fail, redirect } from '@sveltejs/kit';
import {
  decide,
  moderationQueue,
  moderationSubjects,
  type TModerationSubject,
} from '#lib/server/api.ts';
import { readDecision } from '#lib/server/decision-form.ts';
import { errorsFromApi, failureStatus, textField } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { failPage, requireModerator } from '#lib/server/page-errors.ts';
import { toQueueView } from '#lib/server/views/moderation-queue.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const queue = await moderationQueue(event);
  if (!queue.ok) failPage(queue);
  return {
    queue: await toQueueView(event, queue.value, event.locals.locale),
    notice: noticeKey(event.url),
  };
};

export const actions = {
  /** One action for every item: hidden fields say which kind and which one. */
  decide: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const form = await event.request.formData();
    const subject = textField(form, 'subject');
    const itemId = textField(form, 'id');
    if (!(moderationSubjects as readonly string[]).includes(subject) || !itemId)
      return fail(400, { itemId, message: '', issues: {}, values: { reason: '' } });
    const read = readDecision(form, locale);
    if (!read.ok) return fail(400, { itemId, ...read.errors, values: read.values });
    const result = await decide(event, subject as TModerationSubject, itemId, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        itemId,
        ...errorsFromApi(locale, result),
        values: { reason: read.value.reason },
      });
    redirect(303, '/moderation?notice=decided');
  },
} satisfies Actions;
