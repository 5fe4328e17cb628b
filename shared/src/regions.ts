import * as z from 'zod';
import raw from './data/kg-regions.json' with { type: 'json' };
import type { TLocale } from './locales.ts';

const ZName = z.object({ ky: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const ZDistrict = ZName.extend({ id: z.string().min(1) });
const ZRegion = ZName.extend({
  id: z.string().min(1),
  kind: z.enum(['city', 'oblast']),
  districts: z.array(ZDistrict),
});
export type TRegion = z.infer<typeof ZRegion>;
export type TDistrict = z.infer<typeof ZDistrict>;

/** Kyrgyzstan's regions and districts in ky/ru/en, parsed once from the reference data. */
export const regions: readonly TRegion[] = z.object({ regions: z.array(ZRegion) }).parse(raw).regions;

export function findRegion(id: string): TRegion | undefined {
  return regions.find((region) => region.id === id);
}

export function findDistrict(regionId: string, districtId: string): TDistrict | undefined {
  return findRegion(regionId)?.districts.find((district) => district.id === districtId);
}

export function placeName(place: { ky: string; ru: string; en: string }, locale: TLocale): string {
  return place[locale];
}
