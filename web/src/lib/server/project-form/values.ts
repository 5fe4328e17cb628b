import type { TProject } from '@koldoo/shared/contracts/projects.ts';
import { locales } from '@koldoo/shared/locales.ts';
import {
  rowLimits,
  type TProjectFormValues,
  type TRowList,
  type TTexts,
} from '../../project-form.ts';
import { textField } from '../form-errors.ts';
import { percentInput, somInput } from './numbers.ts';

const noText = (): TTexts => ({ ky: '', ru: '', en: '' });
const texts = (text: Partial<TTexts> | undefined): TTexts => ({
  ky: text?.ky ?? '',
  ru: text?.ru ?? '',
  en: text?.en ?? '',
});

export const emptyRow = {
  budgetLines: () => ({ item: noText(), unit: noText(), quantity: '', unitCost: '' }),
  coFunding: () => ({ source: noText(), amount: '' }),
  milestones: () => ({ title: noText(), targetDate: '', share: '' }),
};

export function emptyValues(defaults: Partial<TProjectFormValues> = {}): TProjectFormValues {
  return {
    title: noText(),
    summary: noText(),
    story: noText(),
    village: noText(),
    ayilAimak: noText(),
    category: '',
    districtId: '',
    beneficiaries: '',
    deadline: '',
    fundingMode: 'flexible',
    skills: '',
    contactName: '',
    contactPhone: '',
    budgetLines: [emptyRow.budgetLines()],
    // One empty row each, so people see what is asked; empty rows are dropped on save.
    coFunding: [emptyRow.coFunding()],
    milestones: [{ ...emptyRow.milestones(), share: '100' }],
    coverImageId: '',
    galleryImageIds: [],
    ...defaults,
  };
}

/** How many rows of a list the form sent: one past the highest index seen, within the list's limit. */
function rowCount(form: FormData, list: TRowList): number {
  let count = 0;
  const pattern = new RegExp(`^${list}\\.(\\d+)\\.`);
  for (const key of form.keys()) {
    const index = Number(pattern.exec(key)?.[1] ?? -1);
    if (index >= count) count = index + 1;
  }
  return Math.min(count, rowLimits[list]);
}

/** Reads the posted form into plain strings; nothing is judged here. */
export function readProjectForm(form: FormData): TProjectFormValues {
  const text = (name: string) => textField(form, name);
  const localized = (prefix: string): TTexts =>
    Object.fromEntries(locales.map((locale) => [locale, text(`${prefix}.${locale}`)])) as TTexts;
  const rows = <T>(list: TRowList, read: (prefix: string) => T): T[] =>
    Array.from({ length: rowCount(form, list) }, (_, index) => read(`${list}.${index}`));
  return {
    title: localized('title'),
    summary: localized('summary'),
    story: localized('story'),
    village: localized('location.village'),
    ayilAimak: localized('location.ayilAimak'),
    category: text('category'),
    districtId: text('location.districtId'),
    beneficiaries: text('beneficiaries'),
    deadline: text('deadline'),
    fundingMode: text('fundingMode'),
    skills: text('skills'),
    contactName: text('contact.name'),
    contactPhone: text('contact.phone'),
    budgetLines: rows('budgetLines', (p) => ({
      item: localized(`${p}.item`),
      unit: localized(`${p}.unit`),
      quantity: text(`${p}.quantity`),
      unitCost: text(`${p}.unitCost`),
    })),
    coFunding: rows('coFunding', (p) => ({
      source: localized(`${p}.source`),
      amount: text(`${p}.amount`),
    })),
    milestones: rows('milestones', (p) => ({
      title: localized(`${p}.title`),
      targetDate: text(`${p}.targetDate`),
      share: text(`${p}.share`),
    })),
    coverImageId: text('coverImageId'),
    // Gallery images the official ticked for removal are dropped here.
    galleryImageIds: form
      .getAll('galleryImageIds')
      .filter(
        (id): id is string =>
          typeof id === 'string' && id !== '' && !form.getAll('removeGallery').includes(id),
      ),
  };
}

/** The form filled from a saved project, for the edit page. */
export function fromProject(project: TProject): TProjectFormValues {
  return {
    title: texts(project.title),
    summary: texts(project.summary),
    story: texts(project.story),
    village: texts(project.location.village),
    ayilAimak: texts(project.location.ayilAimak),
    category: project.category,
    districtId: project.location.districtId,
    beneficiaries: String(project.beneficiaries),
    deadline: project.deadline.slice(0, 10),
    fundingMode: project.fundingMode,
    skills: project.skillsWanted.join(', '),
    contactName: project.contact.name,
    contactPhone: project.contact.phone,
    budgetLines: project.budgetLines.map((line) => ({
      item: texts(line.item),
      unit: texts(line.unit),
      quantity: String(line.quantity),
      unitCost: somInput(line.unitCostMinor),
    })),
    coFunding: project.coFunding.map((item) => ({
      source: texts(item.source),
      amount: somInput(item.amountMinor),
    })),
    milestones: project.milestones.map((m) => ({
      title: texts(m.title),
      targetDate: m.targetDate.slice(0, 10),
      share: percentInput(m.shareBasisPoints),
    })),
    coverImageId: project.coverImageId ?? '',
    galleryImageIds: project.galleryImageIds,
  };
}

/** "Add a row" without JavaScript: the action answers with the same values and one more empty row. */
export function withExtraRow(values: TProjectFormValues, list: TRowList): TProjectFormValues {
  if (values[list].length >= rowLimits[list]) return values;
  return { ...values, [list]: [...values[list], emptyRow[list]()] };
}
