import { ZAddOfficialInput, type TCouncilPublic } from '@koldoo/shared/contracts/councils.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { findDistrict, findRegion } from '@koldoo/shared/regions.ts';
import type { TAddOfficialInput, TApiFailure } from './api.ts';
import { errorsFromApi, errorsFromZod, textField, type TFormErrors } from './form-errors.ts';

/**
 * The moderators' council pages (`/moderation/councils`): finding a verified council without
 * knowing its id, and the form that adds another official to it.
 */

const fold = (text: string) =>
  text.toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

/**
 * Whether a council matches what a moderator typed: any part of its name, ayil aimak, villages,
 * district or region, in any language (a call from "Гульча" must find "Gulcha ayil okmotu"
 * whichever language it was registered in), or its id.
 */
export function matchesCouncil(council: TCouncilPublic, query: string): boolean {
  const wanted = fold(query);
  if (!wanted) return true;
  const region = findRegion(council.regionId);
  const district = findDistrict(council.regionId, council.districtId);
  const texts = [
    council.id,
    ...Object.values(council.name),
    ...Object.values(council.ayilAimak),
    ...council.villages.flatMap((village) => Object.values(village)),
    ...(region ? [region.ky, region.ru, region.en] : []),
    ...(district ? [district.ky, district.ru, district.en] : []),
  ];
  return texts.some((text) => fold(text).includes(wanted));
}

export type TOfficialValues = { email: string; reason: string };

export type TReadOfficial =
  | { ok: true; value: TAddOfficialInput }
  | { ok: false; errors: TFormErrors; values: TOfficialValues };

export function readAddOfficial(form: FormData, locale: TLocale): TReadOfficial {
  const values = { email: textField(form, 'email'), reason: textField(form, 'reason') };
  const parsed = ZAddOfficialInput.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: errorsFromZod(locale, parsed.error, values), values };
}

/** The API's refusals, said next to the e-mail field where they concern the person. */
export function officialErrorsFromApi(locale: TLocale, failure: TApiFailure): TFormErrors {
  const onEmail = (message: string): TFormErrors => ({
    message: errorMessage(locale, 'VALIDATION_FAILED'),
    issues: { email: message },
  });
  if (failure.issues.some((issue) => issue.path === 'email' && issue.code === 'unknown_user')) {
    return onEmail(t(locale, 'councilAdmin.unknownEmail'));
  }
  // The form is shown for verified councils only, so a conflict is almost always "already an official".
  if (failure.code === 'CONFLICT') return onEmail(t(locale, 'councilAdmin.alreadyOfficial'));
  return errorsFromApi(locale, failure);
}
