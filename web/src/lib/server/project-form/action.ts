import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { errorMessage } from '@koldoo/shared/i18n/index.ts';
import type { TProjectFormResult, TRowList } from '../../project-form.ts';
import { createProject, submitProject, updateProject } from '../api.ts';
import { errorsFromApi, failureStatus, textField } from '../form-errors.ts';
import { requireUser } from '../page-errors.ts';
import { readPostedForm } from '../read-form.ts';
import { toProjectContent } from './convert.ts';
import { uploadChosenImages } from './uploads.ts';
import { readProjectForm, withExtraRow } from './values.ts';

export type TProjectFormTarget =
  { mode: 'create'; councilId: string } | { mode: 'edit'; projectId: string };

const rowLists: readonly string[] = ['budgetLines', 'coFunding', 'milestones'] satisfies TRowList[];
const projectPath = (id: string) => `/projects/${encodeURIComponent(id)}`;

/**
 * The one action behind the new and edit pages. The pressed button's `intent` says what to do:
 * `add:<list>` re-renders with one more row, `save` stores the draft, `submit` stores it and
 * sends it for vetting. Every path answers with the values typed so nothing is lost.
 */
export async function projectFormAction(event: RequestEvent, target: TProjectFormTarget) {
  requireUser(event);
  const { locale } = event.locals;
  const posted = await readPostedForm(event);
  if (!posted.form) return posted.tooLarge;
  const { form } = posted;
  let values = readProjectForm(form);
  const intent = textField(form, 'intent');
  const uploadIssues = await uploadChosenImages(event, form, values);

  if (intent.startsWith('add:') && rowLists.includes(intent.slice(4))) {
    values = withExtraRow(values, intent.slice(4) as TRowList);
    const message =
      Object.keys(uploadIssues).length > 0 ? errorMessage(locale, 'VALIDATION_FAILED') : undefined;
    return { values, message, issues: uploadIssues } satisfies TProjectFormResult;
  }
  if (Object.keys(uploadIssues).length > 0) {
    return fail(400, {
      values,
      message: errorMessage(locale, 'VALIDATION_FAILED'),
      issues: uploadIssues,
    } satisfies TProjectFormResult);
  }

  const converted = toProjectContent(
    values,
    locale,
    target.mode === 'create' ? target.councilId : undefined,
  );
  if (!converted.ok) {
    return fail(400, {
      values,
      message: errorMessage(locale, 'VALIDATION_FAILED'),
      issues: converted.issues,
    } satisfies TProjectFormResult);
  }
  const saved =
    target.mode === 'create'
      ? await createProject(event, converted.content)
      : await updateProject(event, target.projectId, converted.content);
  if (!saved.ok)
    return fail(failureStatus(saved), {
      values,
      ...errorsFromApi(locale, saved, converted.fieldOf),
    } satisfies TProjectFormResult);

  const id = saved.value.id;
  if (intent === 'submit') {
    const submitted = await submitProject(event, id);
    // The draft is stored either way; on the rare refusal the official lands on the saved draft.
    redirect(
      303,
      submitted.ok
        ? `${projectPath(id)}?notice=submitted`
        : `${projectPath(id)}/edit?notice=submitFailed`,
    );
  }
  redirect(303, `${projectPath(id)}?notice=${target.mode === 'create' ? 'created' : 'saved'}`);
}
