import { placeName, regions } from '@koldoo/shared/regions.ts';
import { listProjects } from '#lib/server/api.ts';
import { toCardView } from '#lib/server/views/cards.ts';
import type { PageServerLoad } from './$types';

/** Region names are resolved here so the region data never ships in the page's JavaScript. */
export const load: PageServerLoad = async (event) => {
  const { locale } = event.locals;
  // Both lists in parallel; if the API is down the home page still shows everything else.
  const [endingSoon, nearlyFunded] = await Promise.all(
    (['ending_soon', 'closest_to_goal'] as const).map(async (sort) => {
      const result = await listProjects(event, { sort, limit: 4, status: 'published' });
      return result.ok ? result.value.items.map((card) => toCardView(card, locale)) : null;
    }),
  );
  return {
    regions: regions.map((region) => ({ id: region.id, name: placeName(region, locale) })),
    endingSoon,
    nearlyFunded,
  };
};

/**
 * A public reading page, opened on costly mobile data: no JavaScript or hydration payload.
 * Its forms (filters, search, the language switcher) are plain GET/POST forms.
 */
export const csr = false;
