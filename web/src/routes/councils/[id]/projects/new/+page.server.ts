import { error } from '@sveltejs/kit';
import { listMyCouncils } from '#lib/server/api.ts';
import { actsFor, failPage, requireUser } from '#lib/server/page-errors.ts';
import { projectFormAction } from '#lib/server/project-form/action.ts';
import { projectFormOptions } from '#lib/server/project-form/options.ts';
import { emptyValues } from '#lib/server/project-form/values.ts';
import { localText } from '#lib/server/format.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { locale } = event.locals;
  if (!actsFor(user, event.params.id)) error(403, 'Forbidden');
  // From "my councils" rather than GET /api/councils/:id: this list always carries the private
  // contact, which the single read leaves out for councils that have no proof file on record.
  const mine = await listMyCouncils(event);
  if (!mine.ok) failPage(mine);
  const council = mine.value.find((item) => item.id === event.params.id);
  if (!council) error(404, 'Not found');
  // The council's own place and contact are the likely answers; the official can change them.
  const { contact } = council;
  return {
    council: {
      id: council.id,
      name: localText(council.name, locale),
      isVerified: council.isVerified,
    },
    values: emptyValues({
      districtId: council.districtId,
      ayilAimak: {
        ky: council.ayilAimak.ky ?? '',
        ru: council.ayilAimak.ru ?? '',
        en: council.ayilAimak.en ?? '',
      },
      contactName: contact.name,
      contactPhone: contact.phone,
    }),
    options: projectFormOptions(locale),
  };
};

export const actions = {
  default: (event) => projectFormAction(event, { mode: 'create', councilId: event.params.id }),
} satisfies Actions;
