import { placeName, regions } from '@koldoo/shared/regions.ts';
import type { PageServerLoad } from './$types';

/** Region names are resolved here so the region data never ships in the page's JavaScript. */
export const load: PageServerLoad = ({ locals }) => ({
  regions: regions.map((region) => ({ id: region.id, name: placeName(region, locals.locale) })),
});
