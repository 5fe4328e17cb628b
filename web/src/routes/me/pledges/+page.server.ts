import { myPledges } from '#lib/server/api.ts';
import { failPage, requireUser } from '#lib/server/page-errors.ts';
import { toPledgeView } from '#lib/server/views/pledges.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await myPledges(event);
  if (!result.ok) failPage(result);
  // Newest first: a donor comes back to see what happened to the latest pledge.
  const items = [...result.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    pledges: items.map((item) => toPledgeView(item, item.projectTitle, event.locals.locale)),
  };
};
