import {
  categories,
  fundingModes,
  projectSorts,
  publicStatuses,
  type TProjectListQuery,
} from '@koldoo/shared/contracts/projects.ts';
import { t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { findRegion } from '@koldoo/shared/regions.ts';
import type { TOption } from '../views.ts';
import { districtGroups, regionOfDistrict, regionOptions } from './places.ts';

/** The filters a listing URL may carry; every field is a plain string so the form can echo it. */
export type TFilters = {
  region: string;
  district: string;
  category: string;
  status: string;
  fundingMode: string;
  councilId: string;
  q: string;
  sort: (typeof projectSorts)[number];
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | '' =>
  allowed.includes(value as T) ? (value as T) : '';

/**
 * Reads filters from the query string. Hand-edited or stale links must not fail the page, so an
 * unknown value is dropped rather than refused; a district alone also says its region.
 */
export function readFilters(params: URLSearchParams): TFilters {
  const district = regionOfDistrict(params.get('district') ?? '')
    ? (params.get('district') ?? '')
    : '';
  const regionParam = params.get('region') ?? '';
  const region = district
    ? (regionOfDistrict(district) ?? '')
    : findRegion(regionParam)
      ? regionParam
      : '';
  return {
    region,
    district,
    category: oneOf(categories, params.get('category')),
    status: oneOf(publicStatuses, params.get('status')),
    fundingMode: oneOf(fundingModes, params.get('fundingMode')),
    councilId: (params.get('councilId') ?? '').slice(0, 64),
    q: (params.get('q') ?? '').trim().slice(0, 100),
    sort: oneOf(projectSorts, params.get('sort')) || 'newest',
  };
}

/** The API query: empty filters are left out (api/core.ts drops '' values). */
export function apiQuery(
  filters: TFilters,
  limit: number,
  cursor?: string,
): Partial<TProjectListQuery> {
  return { ...filters, limit, cursor } as Partial<TProjectListQuery>;
}

/** A link to the same listing with other filters or the next page; empty values are left out. */
export function listingHref(
  path: string,
  filters: Partial<TFilters> & { cursor?: string },
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (params.get('sort') === 'newest') params.delete('sort');
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function filterOptions(locale: TLocale) {
  const labelled = <T extends string>(
    values: readonly T[],
    label: (value: T) => string,
  ): TOption[] => values.map((value) => ({ value, label: label(value) }));
  return {
    regions: regionOptions(locale),
    districts: districtGroups(locale),
    categories: labelled(categories, (value) => t(locale, `category.${value}`)),
    statuses: labelled(publicStatuses, (value) => t(locale, `status.${value}`)),
    fundingModes: labelled(fundingModes, (value) => t(locale, `fundingMode.${value}`)),
    sorts: labelled(projectSorts, (value) => t(locale, `sort.${value}`)),
  };
}
