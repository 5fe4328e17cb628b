import { loadPlace } from '#lib/server/region-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
  loadPlace(event, event.locals.locale, event.params.id);
