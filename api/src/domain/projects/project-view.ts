import type { TProjectContent } from '@koldoo/shared/contracts/projects.ts';
import type { TProjectRecord } from '../../data/project-record.ts';
import { projectMoney } from './project-money.ts';

/** Turns validated content into the stored record fields (content + derived money + flat card fields). */
export function contentToRecordFields(content: TProjectContent) {
  return {
    title: content.title,
    summary: content.summary,
    story: content.story,
    category: content.category,
    fundingMode: content.fundingMode,
    location: content.location,
    regionId: content.location.regionId,
    districtId: content.location.districtId,
    village: content.location.village,
    beneficiaries: content.beneficiaries,
    deadline: content.deadline,
    milestones: content.milestones,
    skillsWanted: content.skillsWanted,
    galleryImageIds: content.galleryImageIds,
    contact: content.contact,
    ...(content.coverImageId ? { coverImageId: content.coverImageId } : {}),
    ...projectMoney(content),
  } satisfies Partial<TProjectRecord>;
}

/** The editable content back out of a record, for PATCH merges. */
export function recordToContent(record: TProjectRecord): TProjectContent {
  return {
    title: record.title,
    summary: record.summary,
    story: record.story,
    category: record.category,
    location: record.location,
    beneficiaries: record.beneficiaries,
    budgetLines: record.budgetLines.map(({ lineTotalMinor: _derived, ...line }) => line),
    coFunding: record.coFunding,
    deadline: record.deadline,
    fundingMode: record.fundingMode,
    milestones: record.milestones,
    skillsWanted: record.skillsWanted,
    galleryImageIds: record.galleryImageIds,
    contact: record.contact,
    ...(record.coverImageId ? { coverImageId: record.coverImageId } : {}),
  };
}
