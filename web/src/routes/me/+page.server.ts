import { redirect } from '@sveltejs/kit';
import { formatDate } from '@koldoo/shared/money.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/login?redirectTo=/me');
  // Formatted here: money.ts (Intl helpers) imports zod, which the browser need not download.
  return { me: locals.user, memberSince: formatDate(locals.user.createdAt, locals.locale) };
};
