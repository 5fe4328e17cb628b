import { listProjects } from '#lib/server/api.ts';
import { apiQuery, filterOptions, listingHref, readFilters } from '#lib/server/listing.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { toCardView } from '#lib/server/views/cards.ts';
import type { PageServerLoad } from './$types';

const pageSize = 12;

export const load: PageServerLoad = async (event) => {
  const { locale } = event.locals;
  const filters = readFilters(event.url.searchParams);
  let cursor = event.url.searchParams.get('cursor')?.slice(0, 500) || undefined;
  let result = await listProjects(event, apiQuery(filters, pageSize, cursor));
  if (!result.ok && cursor && result.code === 'VALIDATION_FAILED') {
    // A stale or tampered cursor should not be a dead end: start the listing again.
    cursor = undefined;
    result = await listProjects(event, apiQuery(filters, pageSize));
  }
  if (!result.ok) failPage(result);
  const { items, nextCursor } = result.value;
  return {
    filters,
    options: filterOptions(locale),
    projects: items.map((card) => toCardView(card, locale)),
    nextHref: nextCursor ? listingHref('/projects', { ...filters, cursor: nextCursor }) : null,
    firstHref: cursor ? listingHref('/projects', filters) : null,
  };
};

/**
 * A public reading page, opened on costly mobile data: no JavaScript or hydration payload.
 * Its forms (filters, search, the language switcher) are plain GET/POST forms.
 */
export const csr = false;
