import type { RequestEvent } from '@sveltejs/kit';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import type { TProjectFormValues } from '../../project-form.ts';
import { uploadFile, type TApiFailure } from '../api.ts';

export const maxGalleryImages = 12;

/** A chosen file input arrives as a File; an untouched one as an empty File without a name. */
const chosenFiles = (form: FormData, name: string): File[] =>
  form.getAll(name).filter((value): value is File => value instanceof File && value.size > 0);

export function uploadProblem(locale: TLocale, failure: TApiFailure): string {
  if (failure.code === 'PAYLOAD_TOO_LARGE')
    return t(locale, 'validation.fileTooLarge', { max: maxUploadBytes / 1024 / 1024 });
  if (failure.code === 'VALIDATION_FAILED') return t(locale, 'validation.fileType');
  return errorMessage(locale, failure.code);
}

/**
 * Sends chosen images to the API before anything else, whatever button was pressed, and records
 * their ids in `values`: a re-rendered form cannot refill a file input, but it keeps the ids.
 */
export async function uploadChosenImages(
  event: RequestEvent,
  form: FormData,
  values: TProjectFormValues,
): Promise<Record<string, string>> {
  const { locale } = event.locals;
  const issues: Record<string, string> = {};
  const [cover] = chosenFiles(form, 'cover');
  if (cover) {
    const result = await uploadFile(event, cover, 'project_image');
    if (result.ok) values.coverImageId = result.value.id;
    else issues.cover = uploadProblem(locale, result);
  }
  for (const file of chosenFiles(form, 'gallery')) {
    if (values.galleryImageIds.length >= maxGalleryImages) {
      issues.gallery = t(locale, 'validation.tooMany', { max: maxGalleryImages });
      break;
    }
    const result = await uploadFile(event, file, 'project_image');
    if (result.ok) values.galleryImageIds.push(result.value.id);
    else issues.gallery ??= uploadProblem(locale, result);
  }
  return issues;
}
