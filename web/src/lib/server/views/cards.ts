import type { TCouncilPublic } from '@koldoo/shared/contracts/councils.ts';
import type { TProjectCard } from '@koldoo/shared/contracts/projects.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import type { TCardView, TCouncilView } from '../../views.ts';
import { fileUrl } from '../api/uploads.ts';
import { date, localText, percentRaised, som } from '../format.ts';
import { placeLabel } from '../places.ts';

export function toCardView(card: TProjectCard, locale: TLocale): TCardView {
  return {
    id: card.id,
    title: localText(card.title, locale),
    village: localText(card.village, locale),
    place: placeLabel(card.regionId, card.districtId, locale),
    category: card.category,
    status: card.status,
    percent: percentRaised(card.raisedMinor, card.goalMinor),
    raised: som(card.raisedMinor, locale),
    goal: som(card.goalMinor, locale),
    deadline: date(card.deadline, locale),
    deadlineIso: card.deadline,
    coverUrl: card.coverImageId ? fileUrl(card.coverImageId) : null,
  };
}

export function toCouncilView(council: TCouncilPublic, locale: TLocale): TCouncilView {
  return {
    id: council.id,
    name: localText(council.name, locale),
    place: placeLabel(council.regionId, council.districtId, locale),
    ayilAimak: localText(council.ayilAimak, locale),
    villages: council.villages.map((village) => localText(village, locale)),
    isVerified: council.isVerified,
  };
}
