import { categories } from '@koldoo/shared/contracts/projects.ts';
import { t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { districtGroups } from '../places.ts';

/** Choices of the project form, labelled on the server so the page ships no region data logic. */
export function projectFormOptions(locale: TLocale) {
  return {
    categories: categories.map((value) => ({ value, label: t(locale, `category.${value}`) })),
    districts: districtGroups(locale),
  };
}
