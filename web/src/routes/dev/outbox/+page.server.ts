import { error } from '@sveltejs/kit';
import { listOutbox } from '#lib/server/api.ts';
import { date } from '#lib/server/format.ts';
import type { PageServerLoad } from './$types';

/** Local only: the API answers 404 outside a developer's machine, and so does this page. */
export const load: PageServerLoad = async (event) => {
  const result = await listOutbox(event);
  if (!result.ok) error(404, 'Not found');
  return {
    mails: result.value.map((mail) => ({
      ...mail,
      sentAtText: `${date(mail.sentAt, event.locals.locale)}, ${mail.sentAt.slice(11, 16)} UTC`,
    })),
  };
};
