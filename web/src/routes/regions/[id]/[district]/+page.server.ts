import { loadPlace } from '#lib/server/region-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
  loadPlace(event, event.locals.locale, event.params.id, event.params.district);

/**
 * A public reading page, opened on costly mobile data: no JavaScript or hydration payload.
 * Its forms (filters, search, the language switcher) are plain GET/POST forms.
 */
export const csr = false;
