import type { TLocale } from '@koldoo/shared/locales.ts';
import { switcherLocales, t } from './i18n.ts';

/** The reader's language first, then the rest in the site's order (ky, ru, en). */
export function localesFor(primary: TLocale): TLocale[] {
  return [primary, ...otherLocales(primary)];
}

export function otherLocales(primary: TLocale): TLocale[] {
  return switcherLocales.filter((locale) => locale !== primary);
}

const rowLabels = {
  budgetLines: {
    row: 'projectForm.budgetLine',
    item: 'projectForm.item',
    unit: 'projectForm.unit',
    quantity: 'project.budget.quantity',
    unitCost: 'projectForm.unitCost',
  },
  coFunding: {
    row: 'projectForm.coFundingRow',
    source: 'projectForm.source',
    amount: 'projectForm.amount',
  },
  milestones: {
    row: 'projectForm.milestone',
    title: 'projectForm.milestoneTitle',
    targetDate: 'projectForm.targetDate',
    share: 'projectForm.share',
  },
} as const;

const fieldLabels = {
  title: 'projectForm.title',
  summary: 'projectForm.summary',
  story: 'projectForm.story',
  'location.village': 'projectForm.village',
  'location.ayilAimak': 'projectForm.ayilAimak',
  'location.districtId': 'projects.filter.district',
  category: 'project.category',
  beneficiaries: 'projectForm.beneficiaries',
  deadline: 'projectForm.deadline',
  fundingMode: 'project.fundingMode',
  skills: 'project.skills',
  'contact.name': 'projectForm.contactName',
  'contact.phone': 'projectForm.contactPhone',
  cover: 'projectForm.cover',
  gallery: 'projectForm.gallery',
  budgetLines: 'project.budget.caption',
  coFunding: 'project.coFunding.caption',
  milestones: 'project.milestones',
} as const;

/** "Line 2: Unit price, som" or "Title (Кыргызча)": how the error summary names a field. */
export function labelFor(field: string): string {
  const row = /^(budgetLines|coFunding|milestones)\.(\d+)\.(\w+)(?:\.(ky|ru|en))?$/.exec(field);
  if (row) {
    const [, list, index, leaf, locale] = row as unknown as [
      string,
      keyof typeof rowLabels,
      string,
      string,
      TLocale | undefined,
    ];
    const labels: Record<string, string> = rowLabels[list];
    const leafKey = labels[leaf];
    const leafText = leafKey ? t(leafKey as 'projectForm.item') : leaf;
    return `${t(rowLabels[list].row, { number: Number(index) + 1 })}: ${leafText}${locale ? ` (${t(`locale.name.${locale}`)})` : ''}`;
  }
  const localized = /^(.+)\.(ky|ru|en)$/.exec(field);
  const base = localized?.[1] ?? field;
  const key = fieldLabels[base as keyof typeof fieldLabels];
  if (!key) return field;
  return localized ? `${t(key)} (${t(`locale.name.${localized[2] as TLocale}`)})` : t(key);
}

export function labelsFor(issues: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(issues).map((field) => [field, labelFor(field)]));
}
