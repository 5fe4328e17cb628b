import { fail, redirect } from '@sveltejs/kit';
import { addCouncilOfficial, fileUrl, getCouncil } from '#lib/server/api.ts';
import { officialErrorsFromApi, readAddOfficial } from '#lib/server/council-admin.ts';
import { count, date } from '#lib/server/format.ts';
import { failureStatus } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { failPage, requireModerator } from '#lib/server/page-errors.ts';
import { toCouncilView } from '#lib/server/views/cards.ts';
import type { Actions, PageServerLoad } from './$types';

/** One council as a moderator sees it, with the form that adds another official. */
export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const { locale } = event.locals;
  const result = await getCouncil(event, event.params.id);
  if (!result.ok) failPage(result);
  const council = result.value;
  // Moderators always get the private fields; the public branch only keeps the types honest.
  const isPrivate = 'officialIds' in council;
  return {
    council: {
      ...toCouncilView(council, locale),
      status: council.status,
      verifiedAt: council.verifiedAt ? date(council.verifiedAt, locale) : null,
      verifiedAtIso: council.verifiedAt ?? null,
      officials: isPrivate ? count(council.officialIds.length, locale) : null,
      contact: isPrivate ? council.contact : null,
      proofUrl: isPrivate && council.proofFileId ? fileUrl(council.proofFileId) : null,
    },
    notice: noticeKey(event.url),
  };
};

export const actions = {
  add: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const read = readAddOfficial(await event.request.formData(), locale);
    if (!read.ok) return fail(400, { ...read.errors, values: read.values });
    const result = await addCouncilOfficial(event, event.params.id, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        ...officialErrorsFromApi(locale, result),
        values: read.value,
      });
    redirect(
      303,
      `/moderation/councils/${encodeURIComponent(event.params.id)}?notice=officialAdded`,
    );
  },
} satisfies Actions;
