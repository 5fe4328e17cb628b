import { findDistrict, findRegion, placeName, regions } from '@koldoo/shared/regions.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import type { TOption, TOptionGroup } from '../views.ts';

/** "Alay District, Osh Region" (or just the region for cities), for cards and headings. */
export function placeLabel(regionId: string, districtId: string, locale: TLocale): string {
  const region = findRegion(regionId);
  if (!region) return '';
  const district = findDistrict(regionId, districtId);
  return district
    ? `${placeName(district, locale)}, ${placeName(region, locale)}`
    : placeName(region, locale);
}

export function regionOptions(locale: TLocale): TOption[] {
  return regions.map((region) => ({ value: region.id, label: placeName(region, locale) }));
}

/**
 * Districts grouped by region. Cities have no districts and so cannot hold a council or project
 * (the shared contracts require a district); they are left out. District ids are unique
 * country-wide, so one district `<select>` also says the region.
 */
export function districtGroups(locale: TLocale): TOptionGroup[] {
  return regions
    .filter((region) => region.districts.length > 0)
    .map((region) => ({
      label: placeName(region, locale),
      options: region.districts.map((district) => ({
        value: district.id,
        label: placeName(district, locale),
      })),
    }));
}

/** The region a district belongs to, so a form can send one `<select>` and we derive the other. */
export function regionOfDistrict(districtId: string): string | undefined {
  return regions.find((region) => region.districts.some((district) => district.id === districtId))
    ?.id;
}
