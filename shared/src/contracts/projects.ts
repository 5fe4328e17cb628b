import * as z from 'zod';
import { findDistrict } from '../regions.ts';
import { ZId, ZIsoDate, ZLocalizedText } from './text.ts';

export const categories = [
  'bridge', 'road', 'water_supply', 'school', 'kindergarten', 'clinic_fap',
  'medical_mission', 'sports', 'culture', 'other',
] as const;
export const ZCategory = z.enum(categories);
export type TCategory = z.infer<typeof ZCategory>;

export const projectStatuses = [
  'draft', 'submitted', 'changes_requested', 'published', 'rejected',
  'funded', 'expired', 'in_progress', 'completed', 'cancelled',
] as const;
export const ZProjectStatus = z.enum(projectStatuses);
export type TProjectStatus = z.infer<typeof ZProjectStatus>;

/** Statuses the public may see; everything else is visible only to the council and moderators. */
export const publicStatuses = ['published', 'funded', 'expired', 'in_progress', 'completed', 'cancelled'] as const;
export function isPublicStatus(status: TProjectStatus): boolean {
  return (publicStatuses as readonly string[]).includes(status);
}

export const fundingModes = ['all_or_nothing', 'flexible'] as const;
export const ZFundingMode = z.enum(fundingModes);

const ZMinor = z.number().int('Whole tyiyn only').nonnegative('Cannot be negative').max(1e13);

export const ZBudgetLine = z.object({
  item: ZLocalizedText(200),
  quantity: z.number().int().positive().max(1_000_000),
  unit: ZLocalizedText(40).optional(),
  unitCostMinor: ZMinor,
});
export const ZCoFunding = z.object({ source: ZLocalizedText(200), amountMinor: ZMinor });
export const ZMilestone = z.object({
  title: ZLocalizedText(200),
  targetDate: ZIsoDate,
  /** Share of the budget in basis points; all milestones sum to 10 000. */
  shareBasisPoints: z.number().int().positive().max(10_000),
});
export const ZLocation = z.object({
  regionId: z.string().min(1),
  districtId: z.string().min(1),
  ayilAimak: ZLocalizedText(120),
  village: ZLocalizedText(120),
  coordinates: z.object({ lat: z.number().min(39).max(43.5), lng: z.number().min(69).max(81) }).optional(),
});

/** The editable content of a project; a draft holds it, a published project changes it only by amendment. */
export const ZProjectContentShape = z.object({
  title: ZLocalizedText(120),
  summary: ZLocalizedText(300),
  story: ZLocalizedText(20_000),
  category: ZCategory,
  location: ZLocation,
  beneficiaries: z.number().int().nonnegative().max(10_000_000),
  budgetLines: z.array(ZBudgetLine).min(1).max(100),
  coFunding: z.array(ZCoFunding).max(20).default([]),
  deadline: ZIsoDate,
  fundingMode: ZFundingMode,
  milestones: z.array(ZMilestone).min(1).max(20),
  skillsWanted: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
  coverImageId: ZId.optional(),
  galleryImageIds: z.array(ZId).max(12).default([]),
  contact: z.object({ name: z.string().trim().min(1).max(120), phone: z.string().trim().min(6).max(20) }),
});
export type TProjectContent = z.infer<typeof ZProjectContentShape>;

export function budgetTotalMinor(lines: { quantity: number; unitCostMinor: number }[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitCostMinor, 0);
}
export function coFundingMinor(items: { amountMinor: number }[]): number {
  return items.reduce((sum, item) => sum + item.amountMinor, 0);
}

/** Rules across fields. `today` comes from the caller's clock so tests control it. */
export function checkProjectContent(content: TProjectContent, today: string, ctx: z.RefinementCtx): void {
  if (!findDistrict(content.location.regionId, content.location.districtId)) {
    ctx.addIssue({ code: 'custom', path: ['location', 'districtId'], message: 'Unknown region or district' });
  }
  if (content.deadline <= today) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be in the future' });
  const shares = content.milestones.reduce((sum, m) => sum + m.shareBasisPoints, 0);
  if (shares !== 10_000) {
    ctx.addIssue({ code: 'custom', path: ['milestones'], message: `Milestone shares must add up to 100% (now ${shares / 100}%)` });
  }
  const total = budgetTotalMinor(content.budgetLines);
  if (!Number.isSafeInteger(total)) ctx.addIssue({ code: 'custom', path: ['budgetLines'], message: 'Budget too large' });
  if (coFundingMinor(content.coFunding) >= total) {
    ctx.addIssue({ code: 'custom', path: ['coFunding'], message: 'Co-funding must be less than the budget' });
  }
}

/** POST /api/projects: `councilId` says which of the official's councils owns it. */
export function ZCreateProjectInput(today: string) {
  return ZProjectContentShape.extend({ councilId: ZId }).superRefine((c, ctx) => checkProjectContent(c, today, ctx));
}
/** PATCH /api/projects/:id: any subset of the content; the merged result is checked again. */
export const ZPatchProjectInput = ZProjectContentShape.partial().strict();

/** POST /api/projects/:id/amendments: goal (via budget and co-funding) and deadline of a published project. */
export const ZAmendmentInput = z
  .object({
    budgetLines: z.array(ZBudgetLine).min(1).max(100).optional(),
    coFunding: z.array(ZCoFunding).max(20).optional(),
    deadline: ZIsoDate.optional(),
    reason: z.string().trim().min(3).max(2000),
  })
  .refine((a) => a.budgetLines || a.coFunding || a.deadline, 'Change at least one of budget, co-funding or deadline');
export type TAmendmentInput = z.infer<typeof ZAmendmentInput>;

/** Statuses in which a council reports progress to its donors (the report-cadence job watches the same). */
export const reportingStatuses = ['funded', 'in_progress'] as const;
export const maxProgressUpdateImages = 6;
export const maxProgressUpdateLength = 2_000;

/**
 * POST /api/projects/:id/updates: the council's news while the work goes on, in any of
 * ky/ru/en, with up to six uploaded project images. No money here: expenses come with receipts.
 */
export const ZProgressUpdateInput = z
  .object({
    text: ZLocalizedText(maxProgressUpdateLength),
    imageIds: z
      .array(ZId)
      .max(maxProgressUpdateImages, `At most ${maxProgressUpdateImages} photos`)
      .refine((ids) => new Set(ids).size === ids.length, 'The same photo twice')
      .default([]),
  })
  .strict();
export type TProgressUpdateInput = z.infer<typeof ZProgressUpdateInput>;

export const ZAuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorRole: z.enum(['council_official', 'moderator', 'system']),
  action: z.string(),
  from: ZProjectStatus.nullable(),
  to: ZProjectStatus.nullable(),
  reason: z.string().optional(),
  /** The moderator's checklist at a decision: documents present, budget plausible, location matches. */
  checklist: z.object({ documentsPresent: z.boolean(), budgetPlausible: z.boolean(), locationMatches: z.boolean() }).optional(),
  /** A progress update's news (action `progress_update`): the council's text in ky/ru/en. */
  text: z.record(z.string(), z.string()).optional(),
  /** A progress update's photos: uploaded project images (public). */
  imageIds: z.array(z.string()).optional(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

const ZText = z.record(z.string(), z.string());
const ZMoneyFields = {
  budgetTotalMinor: z.number().int(),
  coFundingMinor: z.number().int(),
  /** The amount sought from the diaspora: budget total minus co-funding. */
  goalMinor: z.number().int(),
  raisedMinor: z.number().int(),
  backers: z.number().int(),
};

/** A project in listings: small, no story. */
export const ZProjectCard = z.object({
  id: z.string(),
  councilId: z.string(),
  title: ZText,
  summary: ZText,
  category: ZCategory,
  status: ZProjectStatus,
  fundingMode: ZFundingMode,
  regionId: z.string(),
  districtId: z.string(),
  village: ZText,
  deadline: z.string(),
  publishedAt: z.string().optional(),
  coverImageId: z.string().optional(),
  ...ZMoneyFields,
});
export type TProjectCard = z.infer<typeof ZProjectCard>;

export const ZProject = ZProjectCard.extend({
  story: ZText,
  location: z.object({
    regionId: z.string(),
    districtId: z.string(),
    ayilAimak: ZText,
    village: ZText,
    coordinates: z.object({ lat: z.number(), lng: z.number() }).optional(),
  }),
  beneficiaries: z.number().int(),
  budgetLines: z.array(z.object({ item: ZText, quantity: z.number(), unit: ZText.optional(), unitCostMinor: z.number(), lineTotalMinor: z.number() })),
  coFunding: z.array(z.object({ source: ZText, amountMinor: z.number() })),
  milestones: z.array(z.object({ title: ZText, targetDate: z.string(), shareBasisPoints: z.number() })),
  skillsWanted: z.array(z.string()),
  galleryImageIds: z.array(z.string()),
  contact: z.object({ name: z.string(), phone: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectReply = z.object({
  project: ZProject,
  council: z.object({ id: z.string(), name: ZText, isVerified: z.boolean() }),
  timeline: z.array(ZAuditEvent),
  amendments: z.array(z.object({ id: z.string(), status: z.enum(['pending', 'approved', 'rejected']), reason: z.string(), createdAt: z.string(), decidedAt: z.string().optional() })),
});

export const projectSorts = ['newest', 'ending_soon', 'most_funded', 'closest_to_goal'] as const;
export const ZProjectListQuery = z.object({
  region: z.string().optional(),
  district: z.string().optional(),
  category: ZCategory.optional(),
  status: z.enum(publicStatuses).optional(),
  fundingMode: ZFundingMode.optional(),
  councilId: z.string().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(projectSorts).default('newest'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(500).optional(),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;
export const ZProjectList = z.object({ items: z.array(ZProjectCard), nextCursor: z.string().nullable() });
