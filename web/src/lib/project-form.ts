import type { TLocale } from '@koldoo/shared/locales.ts';

/**
 * The project form as the browser sends it back: every value a string, so a failed submit can
 * show exactly what was typed. Type-only (plus constants), safe for components.
 * Field names in the HTML are these paths joined by dots (`budgetLines.0.unitCost`).
 */
export type TTexts = Record<TLocale, string>;

export type TBudgetRow = { item: TTexts; unit: TTexts; quantity: string; unitCost: string };
export type TCoFundingRow = { source: TTexts; amount: string };
export type TMilestoneRow = { title: TTexts; targetDate: string; share: string };

export type TProjectFormValues = {
  title: TTexts;
  summary: TTexts;
  story: TTexts;
  village: TTexts;
  ayilAimak: TTexts;
  category: string;
  districtId: string;
  beneficiaries: string;
  deadline: string;
  fundingMode: string;
  skills: string;
  contactName: string;
  contactPhone: string;
  budgetLines: TBudgetRow[];
  coFunding: TCoFundingRow[];
  milestones: TMilestoneRow[];
  coverImageId: string;
  galleryImageIds: string[];
};

export type TRowList = 'budgetLines' | 'coFunding' | 'milestones';
export const rowLimits = {
  budgetLines: 100,
  coFunding: 20,
  milestones: 20,
} as const satisfies Record<TRowList, number>;

/** What a failed or re-rendered project form gets back from its action. */
export type TProjectFormResult = {
  values: TProjectFormValues;
  message?: string;
  issues: Record<string, string>;
};
