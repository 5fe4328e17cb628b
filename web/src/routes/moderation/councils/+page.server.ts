import { placeName, regions } from '@koldoo/shared/regions.ts';
import { listCouncils } from '#lib/server/api.ts';
import { matchesCouncil } from '#lib/server/council-admin.ts';
import { failPage, requireModerator } from '#lib/server/page-errors.ts';
import { toCouncilView } from '#lib/server/views/cards.ts';
import type { PageServerLoad } from './$types';

/** Councils sit in oblast districts; the two cities have none. */
const councilRegions = regions.filter((region) => region.districts.length > 0);

/**
 * Verified councils for moderators to manage, found by words (any language) and region. With no
 * region chosen every region is read: one query each, a handful for the whole country.
 */
export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const { locale } = event.locals;
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const chosen = councilRegions.find(
    (region) => region.id === event.url.searchParams.get('region'),
  );
  const results = await Promise.all(
    (chosen ? [chosen] : councilRegions).map((region) =>
      listCouncils(event, { region: region.id }),
    ),
  );
  const councils = results.flatMap((result) => {
    if (!result.ok) failPage(result);
    return result.value;
  });
  const views = councils
    .filter((council) => matchesCouncil(council, q))
    .map((council) => toCouncilView(council, locale))
    .sort(
      (a, b) =>
        a.place.localeCompare(b.place, locale) || a.name.text.localeCompare(b.name.text, locale),
    );
  return {
    q,
    region: chosen?.id ?? '',
    regions: councilRegions.map((region) => ({
      value: region.id,
      label: placeName(region, locale),
    })),
    councils: views,
  };
};
