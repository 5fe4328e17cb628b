import { bishkekToday } from '@koldoo/shared/dates.ts';
import { t } from '@koldoo/shared/i18n/index.ts';
import {
  ZCreateProjectInput,
  ZProjectContentShape,
  checkProjectContent,
  type TProjectContent,
} from '@koldoo/shared/contracts/projects.ts';
import { locales, type TLocale } from '@koldoo/shared/locales.ts';
import type { TProjectFormValues, TRowList, TTexts } from '../../project-form.ts';
import { errorsFromZod, type TFieldOf } from '../form-errors.ts';
import { regionOfDistrict } from '../places.ts';
import { parsePercent, parseSom, parseWhole } from './numbers.ts';

export type TConverted =
  | { ok: true; content: TProjectContent & { councilId?: string }; fieldOf: TFieldOf }
  | { ok: false; issues: Record<string, string> };

const isBlankText = (text: TTexts) => locales.every((locale) => text[locale].trim() === '');
const hasText = (text: TTexts) => !isBlankText(text);

/** Today in Bishkek, where deadlines are meant (the API counts them with the same function). */
export { bishkekToday };

const localizedLeaf = /(^|\.)(title|summary|story|village|ayilAimak|item|unit|source)$/;

/**
 * Schema paths -> form field names. Empty rows were dropped before checking, so row `k` of the
 * checked content is row `kept[list][k]` of the form.
 */
export function fieldMapper(kept: Record<TRowList, number[]>, locale: TLocale): TFieldOf {
  return (path) => {
    let field = path.replace(
      /^(budgetLines|coFunding|milestones)\.(\d+)/,
      (whole, list: TRowList, index: string) => `${list}.${kept[list][Number(index)] ?? index}`,
    );
    field = field
      .replace(/\.unitCostMinor$/, '.unitCost')
      .replace(/\.amountMinor$/, '.amount')
      .replace(/\.shareBasisPoints$/, '.share')
      .replace(/^location\.regionId$/, 'location.districtId')
      .replace(/^skillsWanted(\.\d+)?$/, 'skills')
      .replace(/^galleryImageIds(\.\d+)?$/, 'gallery')
      .replace(/^coverImageId$/, 'cover');
    // "Write it in at least one language" belongs next to the reader's own language input.
    return localizedLeaf.test(field) ? `${field}.${locale}` : field;
  };
}

/** Every field under its HTML name, so an empty one is reported as "fill in". */
export function flatten(values: TProjectFormValues): Record<string, string> {
  const flat: Record<string, string> = {
    category: values.category,
    'location.districtId': values.districtId,
    beneficiaries: values.beneficiaries,
    deadline: values.deadline,
    fundingMode: values.fundingMode,
    'contact.name': values.contactName,
    'contact.phone': values.contactPhone,
  };
  values.budgetLines.forEach((row, i) =>
    Object.assign(flat, {
      [`budgetLines.${i}.quantity`]: row.quantity,
      [`budgetLines.${i}.unitCost`]: row.unitCost,
    }),
  );
  values.coFunding.forEach((row, i) => (flat[`coFunding.${i}.amount`] = row.amount));
  values.milestones.forEach((row, i) =>
    Object.assign(flat, {
      [`milestones.${i}.targetDate`]: row.targetDate,
      [`milestones.${i}.share`]: row.share,
    }),
  );
  return flat;
}

type TNumberKey = 'validation.money' | 'validation.wholeNumber' | 'validation.percent';

/**
 * The repeated rows (budget, co-funding, stages) as the API wants them: som -> tyiyn,
 * percent -> basis points, empty rows dropped. `kept` remembers which form row each came from.
 */
export function convertRows(values: Pick<TProjectFormValues, TRowList>, locale: TLocale) {
  const issues: Record<string, string> = {};
  const number = (
    field: string,
    raw: string,
    parse: (text: string) => number | null,
    key: TNumberKey,
  ) => {
    const parsed = raw.trim() === '' ? null : parse(raw);
    if (parsed === null)
      issues[field] ??= raw.trim() === '' ? t(locale, 'validation.required') : t(locale, key);
    return parsed ?? 0;
  };
  const kept: Record<TRowList, number[]> = { budgetLines: [], coFunding: [], milestones: [] };
  const keep = <T>(list: TRowList, rows: T[], isBlank: (row: T) => boolean) =>
    rows.flatMap((row, index) => (isBlank(row) ? [] : (kept[list].push(index), [{ row, index }])));

  const budgetLines = keep(
    'budgetLines',
    values.budgetLines,
    (r) => isBlankText(r.item) && isBlankText(r.unit) && !r.quantity.trim() && !r.unitCost.trim(),
  ).map(({ row, index }) => ({
    item: row.item,
    quantity: number(
      `budgetLines.${index}.quantity`,
      row.quantity,
      parseWhole,
      'validation.wholeNumber',
    ),
    ...(hasText(row.unit) ? { unit: row.unit } : {}),
    unitCostMinor: number(
      `budgetLines.${index}.unitCost`,
      row.unitCost,
      parseSom,
      'validation.money',
    ),
  }));
  const coFunding = keep(
    'coFunding',
    values.coFunding,
    (r) => isBlankText(r.source) && !r.amount.trim(),
  ).map(({ row, index }) => ({
    source: row.source,
    amountMinor: number(`coFunding.${index}.amount`, row.amount, parseSom, 'validation.money'),
  }));
  const milestones = keep(
    'milestones',
    values.milestones,
    (r) => isBlankText(r.title) && !r.targetDate.trim(),
  ).map(({ row, index }) => ({
    title: row.title,
    targetDate: row.targetDate,
    shareBasisPoints: number(
      `milestones.${index}.share`,
      row.share,
      parsePercent,
      'validation.percent',
    ),
  }));
  return { budgetLines, coFunding, milestones, kept, issues, number };
}

/**
 * Turns the typed strings into the API's content, then checks it with the shared schema, so
 * most mistakes are explained without a round trip.
 */
export function toProjectContent(
  values: TProjectFormValues,
  locale: TLocale,
  councilId?: string,
): TConverted {
  const { budgetLines, coFunding, milestones, kept, issues, number } = convertRows(values, locale);

  const content = {
    ...(councilId ? { councilId } : {}),
    title: values.title,
    summary: values.summary,
    story: values.story,
    category: values.category || undefined,
    location: {
      regionId: regionOfDistrict(values.districtId) ?? '',
      districtId: values.districtId,
      ayilAimak: values.ayilAimak,
      village: values.village,
    },
    beneficiaries: number(
      'beneficiaries',
      values.beneficiaries,
      parseWhole,
      'validation.wholeNumber',
    ),
    budgetLines,
    coFunding,
    deadline: values.deadline,
    fundingMode: values.fundingMode || undefined,
    milestones,
    skillsWanted: values.skills
      .split(/[,\n]/)
      .map((skill) => skill.trim())
      .filter(Boolean),
    ...(values.coverImageId ? { coverImageId: values.coverImageId } : {}),
    galleryImageIds: values.galleryImageIds,
    contact: { name: values.contactName, phone: values.contactPhone },
  };

  const today = bishkekToday();
  const schema = councilId
    ? ZCreateProjectInput(today)
    : ZProjectContentShape.superRefine((c, ctx) => checkProjectContent(c, today, ctx));
  const parsed = schema.safeParse(content);
  const fieldOf = fieldMapper(kept, locale);
  if (!parsed.success) {
    const fromSchema = errorsFromZod(locale, parsed.error, flatten(values), fieldOf).issues;
    return { ok: false, issues: { ...fromSchema, ...issues } };
  }
  if (Object.keys(issues).length > 0) return { ok: false, issues };
  return { ok: true, content: parsed.data, fieldOf };
}
