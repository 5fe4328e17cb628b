import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ZAmendmentInput, type TProject } from '@koldoo/shared/contracts/projects.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import { rowLimits, type TProjectFormValues } from '../../project-form.ts';
import { proposeAmendment } from '../api.ts';
import { errorsFromApi, errorsFromZod, failureStatus, textField } from '../form-errors.ts';
import { readPostedForm } from '../read-form.ts';
import { convertRows, fieldMapper } from './convert.ts';
import { emptyRow, fromProject, readProjectForm } from './values.ts';

/** The part of the project form an amendment may change, plus why. */
export type TAmendmentValues = Pick<
  TProjectFormValues,
  'budgetLines' | 'coFunding' | 'deadline'
> & { reason: string };

export const amendableStatuses: ReadonlySet<string> = new Set([
  'published',
  'funded',
  'in_progress',
]);

export function amendmentValues(project: TProject): TAmendmentValues {
  const { budgetLines, coFunding, deadline } = fromProject(project);
  return { budgetLines, coFunding, deadline, reason: '' };
}

const sameRows = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Proposes only what changed: both the project as it stands and the form go through the same
 * conversion, so an untouched budget compares equal however it was typed.
 */
export async function amendmentAction(event: RequestEvent, project: TProject) {
  const { locale } = event.locals;
  const posted = await readPostedForm(event);
  if (!posted.form) return posted.tooLarge;
  const { form } = posted;
  const { budgetLines, coFunding, deadline } = readProjectForm(form);
  const values: TAmendmentValues = {
    budgetLines,
    coFunding,
    deadline,
    reason: textField(form, 'reason'),
  };
  const intent = textField(form, 'intent');
  if (intent === 'add:budgetLines' && values.budgetLines.length < rowLimits.budgetLines) {
    return {
      values: { ...values, budgetLines: [...values.budgetLines, emptyRow.budgetLines()] },
      issues: {},
      message: undefined,
    };
  }
  if (intent === 'add:coFunding' && values.coFunding.length < rowLimits.coFunding) {
    return {
      values: { ...values, coFunding: [...values.coFunding, emptyRow.coFunding()] },
      issues: {},
      message: undefined,
    };
  }

  const typed = convertRows({ ...values, milestones: [] }, locale);
  const current = convertRows({ ...fromProject(project), milestones: [] }, locale);
  const input = {
    ...(sameRows(typed.budgetLines, current.budgetLines) ? {} : { budgetLines: typed.budgetLines }),
    ...(sameRows(typed.coFunding, current.coFunding) ? {} : { coFunding: typed.coFunding }),
    ...(values.deadline === project.deadline.slice(0, 10) ? {} : { deadline: values.deadline }),
    reason: values.reason,
  };
  const fieldOf = fieldMapper(typed.kept, locale);
  const parsed = ZAmendmentInput.safeParse(input);
  const issues = {
    ...(parsed.success
      ? {}
      : errorsFromZod(
          locale,
          parsed.error,
          { reason: values.reason, deadline: values.deadline },
          fieldOf,
        ).issues),
    ...typed.issues,
  };
  // The schema's "change something" rule has no field; say it in the summary instead.
  const message =
    '' in issues ? t(locale, 'amend.nothingChanged') : errorMessage(locale, 'VALIDATION_FAILED');
  delete issues[''];
  if (!parsed.success || Object.keys(typed.issues).length > 0)
    return fail(400, { values, message, issues });

  const result = await proposeAmendment(event, project.id, parsed.data);
  if (!result.ok)
    return fail(failureStatus(result), { values, ...errorsFromApi(locale, result, fieldOf) });
  redirect(303, `/projects/${encodeURIComponent(project.id)}?notice=amended`);
}
