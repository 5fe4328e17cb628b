import { listCouncilProjects, listMyCouncils } from '#lib/server/api.ts';
import { localText } from '#lib/server/format.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { actsFor, failPage, requireUser } from '#lib/server/page-errors.ts';
import { placeLabel } from '#lib/server/places.ts';
import { toCardView } from '#lib/server/views/cards.ts';
import type { PageServerLoad } from './$types';

/** The official's desk: every council they applied for or act for, with all its projects, drafts too. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { locale } = event.locals;
  const councils = await listMyCouncils(event);
  if (!councils.ok) failPage(councils);
  const items = await Promise.all(
    councils.value.map(async (council) => {
      const isOfficial = council.status === 'verified' && actsFor(user, council.id);
      const projects = isOfficial ? await listCouncilProjects(event, council.id) : null;
      if (projects && !projects.ok) failPage(projects);
      return {
        id: council.id,
        name: localText(council.name, locale),
        place: placeLabel(council.regionId, council.districtId, locale),
        status: council.status,
        decisionReason: council.decisionReason ?? null,
        isOfficial,
        projects: projects?.ok ? projects.value.map((card) => toCardView(card, locale)) : [],
      };
    }),
  );
  return { councils: items, notice: noticeKey(event.url) };
};
