import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  ZProgressUpdateInput,
  maxProgressUpdateImages,
} from '@koldoo/shared/contracts/projects.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import { locales, type TLocale } from '@koldoo/shared/locales.ts';
import type { TProgressUpdateValues } from '../views.ts';
import { postProgressUpdate } from './api.ts';
import {
  errorsFromApi,
  errorsFromZod,
  failureStatus,
  textField,
  type TFieldOf,
} from './form-errors.ts';
import { chosenFiles, uploadImagesInto } from './project-form/uploads.ts';
import { readPostedForm } from './read-form.ts';

const form = 'update' as const;
const idPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Where a problem shows: "write it in at least one language" on the reader's own textarea (the
 * one that is open), a photo problem on the file input.
 */
const fieldOf =
  (locale: TLocale): TFieldOf =>
  (path) =>
    path === 'text' ? `text.${locale}` : path.startsWith('imageIds') ? 'photos' : path;

const emptyValues = (): TProgressUpdateValues => ({
  text: { ky: '', ru: '', en: '' },
  imageIds: [],
});

/** The texts as typed and the ids of photos uploaded by an earlier, refused post (minus removed ones). */
function readValues(posted: FormData): TProgressUpdateValues {
  const removed = new Set(posted.getAll('removePhoto'));
  const imageIds = [
    ...new Set(
      posted
        .getAll('imageIds')
        .filter(
          (id): id is string => typeof id === 'string' && idPattern.test(id) && !removed.has(id),
        ),
    ),
  ];
  return {
    text: Object.fromEntries(
      locales.map((l) => [l, textField(posted, `text.${l}`)]),
    ) as TProgressUpdateValues['text'],
    imageIds,
  };
}

/**
 * The project page's "post a progress update" form, without JavaScript: chosen photos go to the
 * API first (so a refused post keeps them as hidden ids), then the update. The API decides who
 * may post and when; its refusal comes back on the form with what was typed.
 */
export async function progressUpdateAction(event: RequestEvent & { params: { id: string } }) {
  const { locale } = event.locals;
  const posted = await readPostedForm(event);
  if (!posted.form)
    return fail(413, {
      form,
      message: t(locale, 'validation.postTooLarge'),
      issues: {},
      values: emptyValues(),
    });
  const values = readValues(posted.form);
  const photosProblem = await uploadImagesInto(
    event,
    chosenFiles(posted.form, 'photos'),
    values.imageIds,
    maxProgressUpdateImages,
  );
  if (photosProblem)
    return fail(400, {
      form,
      message: errorMessage(locale, 'VALIDATION_FAILED'),
      issues: { photos: photosProblem },
      values,
    });

  const parsed = ZProgressUpdateInput.safeParse({ text: values.text, imageIds: values.imageIds });
  // No `submitted` texts: an empty form should say "write it in at least one language", not "fill in".
  if (!parsed.success)
    return fail(400, { form, ...errorsFromZod(locale, parsed.error, {}, fieldOf(locale)), values });
  const result = await postProgressUpdate(event, event.params.id, parsed.data);
  if (!result.ok)
    return fail(failureStatus(result), {
      form,
      ...errorsFromApi(locale, result, fieldOf(locale)),
      values,
    });
  redirect(303, `/projects/${encodeURIComponent(event.params.id)}?notice=updatePosted`);
}
