import { error, type RequestEvent } from '@sveltejs/kit';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { findDistrict, findRegion, placeName } from '@koldoo/shared/regions.ts';
import { listCouncils, listProjects } from './api.ts';
import { listingHref } from './listing.ts';
import { failPage, isModerator } from './page-errors.ts';
import { toCardView, toCouncilView } from './views/cards.ts';

/** Councils and projects of a region, or of one district when `districtId` is given. */
export async function loadPlace(
  event: RequestEvent,
  locale: TLocale,
  regionId: string,
  districtId?: string,
) {
  const region = findRegion(regionId);
  const district = districtId === undefined ? undefined : findDistrict(regionId, districtId);
  if (!region || (districtId !== undefined && !district)) error(404, 'Not found');

  const place = { region: region.id, ...(district ? { district: district.id } : {}) };
  const [councils, projects] = await Promise.all([
    listCouncils(event, place),
    listProjects(event, { ...place, sort: 'newest', limit: 12 }),
  ]);
  if (!councils.ok) failPage(councils);
  if (!projects.ok) failPage(projects);

  return {
    region: { id: region.id, name: placeName(region, locale) },
    district: district ? { id: district.id, name: placeName(district, locale) } : null,
    districts: district
      ? []
      : region.districts.map((d) => ({ id: d.id, name: placeName(d, locale) })),
    councils: councils.value.map((council) => toCouncilView(council, locale)),
    /** Moderators get a link from each council to where they add its officials. */
    canManageCouncils: isModerator(event.locals.user),
    projects: projects.value.items.map((card) => toCardView(card, locale)),
    allProjectsHref: listingHref('/projects', place),
    hasMore: projects.value.nextCursor !== null,
  };
}
