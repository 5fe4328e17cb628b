import type { RequestEvent } from '@sveltejs/kit';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { maxUploadBytes } from '@koldoo/shared/contracts/uploads.ts';
import type { TProjectFormValues } from '../../project-form.ts';
import { uploadFile, type TApiFailure } from '../api.ts';

export const maxGalleryImages = 12;

/** A chosen file input arrives as a File; an untouched one as an empty File without a name. */
export const chosenFiles = (form: FormData, name: string): File[] =>
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
  const galleryProblem = await uploadImagesInto(event, chosenFiles(form, 'gallery'), values.galleryImageIds, maxGalleryImages);
  if (galleryProblem) issues.gallery = galleryProblem;
  return issues;
}

/**
 * Uploads `files` as project images and appends their ids to `ids` (which may already hold
 * earlier ones), stopping at `max`. Returns the first problem to show on the field, if any.
 */
export async function uploadImagesInto(event: RequestEvent, files: File[], ids: string[], max: number): Promise<string | undefined> {
  const { locale } = event.locals;
  let problem: string | undefined;
  for (const file of files) {
    if (ids.length >= max) return t(locale, 'validation.tooMany', { max });
    const result = await uploadFile(event, file, 'project_image');
    if (result.ok) ids.push(result.value.id);
    else problem ??= uploadProblem(locale, result);
  }
  return problem;
}
