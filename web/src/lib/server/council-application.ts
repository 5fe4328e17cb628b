import type { RequestEvent } from '@sveltejs/kit';
import {
  ZCouncilApplicationInput,
  type TCouncilApplicationInput,
} from '@koldoo/shared/contracts/councils.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import { locales, type TLocale } from '@koldoo/shared/locales.ts';
import type { TTexts } from '../project-form.ts';
import { uploadFile } from './api.ts';
import { errorsFromZod, textField, type TFieldOf } from './form-errors.ts';
import { regionOfDistrict } from './places.ts';
import { uploadProblem } from './project-form/uploads.ts';

/** The application form as typed; villages are one per line, per language, paired by line. */
export type TApplicationValues = {
  name: TTexts;
  ayilAimak: TTexts;
  villages: TTexts;
  districtId: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** Set once the proof is uploaded, so a form sent back with errors need not ask for it again. */
  proofFileId: string;
};

export const emptyApplication = (): TApplicationValues => ({
  name: { ky: '', ru: '', en: '' },
  ayilAimak: { ky: '', ru: '', en: '' },
  villages: { ky: '', ru: '', en: '' },
  districtId: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  proofFileId: '',
});

export function readApplication(form: FormData): TApplicationValues {
  const texts = (prefix: string) =>
    Object.fromEntries(locales.map((l) => [l, textField(form, `${prefix}.${l}`)])) as TTexts;
  return {
    name: texts('name'),
    ayilAimak: texts('ayilAimak'),
    villages: texts('villages'),
    districtId: textField(form, 'districtId'),
    contactName: textField(form, 'contact.name'),
    contactPhone: textField(form, 'contact.phone'),
    contactEmail: textField(form, 'contact.email'),
    proofFileId: textField(form, 'proofFileId'),
  };
}

/** Line n of every language's textarea makes village n. */
function villagesOf(villages: TTexts): Partial<TTexts>[] {
  const lines = Object.fromEntries(
    locales.map((l) => [l, villages[l].split('\n').map((line) => line.trim())]),
  ) as Record<TLocale, string[]>;
  const count = Math.max(...locales.map((l) => lines[l].length));
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(locales.map((l) => [l, lines[l][i] ?? '']).filter(([, v]) => v)),
  ).filter((village) => Object.keys(village).length > 0);
}

/** Schema paths -> field names; localized errors sit on the reader's own language. */
export const applicationFieldOf =
  (locale: TLocale): TFieldOf =>
  (path) => {
    if (/^(name|ayilAimak)$/.test(path)) return `${path}.${locale}`;
    if (/^villages(\.\d+)?$/.test(path)) return `villages.${locale}`;
    if (path === 'regionId') return 'districtId';
    if (path === 'proofFileId') return 'proof';
    return path;
  };

type TChecked =
  | { ok: true; input: TCouncilApplicationInput }
  | { ok: false; message: string; issues: Record<string, string> };

/** Uploads the proof if one was chosen (keeping its id in `values`), then checks with the shared schema. */
export async function checkApplication(
  event: RequestEvent,
  form: FormData,
  values: TApplicationValues,
): Promise<TChecked> {
  const { locale } = event.locals;
  const issues: Record<string, string> = {};
  const proof = form.get('proof');
  if (proof instanceof File && proof.size > 0) {
    const uploaded = await uploadFile(event, proof, 'council_proof');
    if (uploaded.ok) values.proofFileId = uploaded.value.id;
    else issues.proof = uploadProblem(locale, uploaded);
  } else if (!values.proofFileId) {
    issues.proof = t(locale, 'validation.fileRequired');
  }
  const submitted = {
    districtId: values.districtId,
    'contact.name': values.contactName,
    'contact.phone': values.contactPhone,
    'contact.email': values.contactEmail,
  };
  const parsed = ZCouncilApplicationInput.safeParse({
    name: values.name,
    regionId: regionOfDistrict(values.districtId) ?? '',
    districtId: values.districtId,
    ayilAimak: values.ayilAimak,
    villages: villagesOf(values.villages),
    contact: { name: values.contactName, phone: values.contactPhone, email: values.contactEmail },
    // The schema wants an id; a placeholder lets it judge every other field when the proof is missing.
    proofFileId: values.proofFileId || 'missing-proof',
  });
  const fromSchema = parsed.success
    ? {}
    : errorsFromZod(locale, parsed.error, submitted, applicationFieldOf(locale)).issues;
  const all = { ...fromSchema, ...issues };
  if (parsed.success && Object.keys(all).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, message: errorMessage(locale, 'VALIDATION_FAILED'), issues: all };
}
