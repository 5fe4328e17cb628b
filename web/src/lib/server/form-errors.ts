import type { z } from 'zod';
import { ZPassword } from '@koldoo/shared/contracts/auth.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import type { TApiFailure } from './api.ts';

/** What a failed form action hands back to its page: translated text, keyed by field name. */
export type TFormErrors = {
  /** One line for the summary at the top of the form. */
  message: string;
  /** Field name -> problem, shown next to the field and listed in the summary. */
  issues: Record<string, string>;
};

const passwordMin = ZPassword.minLength ?? 10;

type TIssueFacts = { field: string; code: string; minimum?: unknown; maximum?: unknown; origin?: unknown };

const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;

/**
 * Cross-field rules of the shared contracts report `custom` issues; the field they sit on says
 * which rule it was (the English message is for developers only).
 */
function describeCustom(locale: TLocale, field: string): string | null {
  // `galleryImageIds.2` is about the gallery: skip list indexes.
  const last = field.split('.').findLast((segment) => !/^\d+$/.test(segment)) ?? '';
  switch (last) {
    case 'deadline':
      return t(locale, 'validation.deadlineFuture');
    case 'milestones':
      return t(locale, 'validation.sharesTotal');
    case 'coFunding':
      return t(locale, 'validation.coFundingTooBig');
    case 'budgetLines':
      return t(locale, 'validation.budgetTooBig');
    case 'districtId':
    case 'regionId':
      return t(locale, 'validation.district');
    case 'coverImageId':
    case 'galleryImageIds':
    case 'imageIds':
      return t(locale, 'validation.image');
    default:
      return null;
  }
}

/** One translated sentence per problem; we never show the API's or zod's English text. */
function describeIssue(locale: TLocale, issue: TIssueFacts): string {
  const minimum = asNumber(issue.minimum);
  const maximum = asNumber(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return t(locale, 'validation.required');
    case 'too_small':
      if (issue.field === 'password') return t(locale, 'validation.passwordTooShort', { min: passwordMin });
      if (issue.origin === 'string' && minimum !== undefined && minimum > 1) return t(locale, 'validation.tooShort', { min: minimum });
      if (issue.origin === 'number') return t(locale, 'validation.tooSmall');
      return t(locale, 'validation.required');
    case 'too_big':
      if (issue.origin === 'number') return t(locale, 'validation.tooBig');
      if (issue.origin === 'array' && maximum !== undefined) return t(locale, 'validation.tooMany', { max: maximum });
      return maximum !== undefined ? t(locale, 'validation.tooLong', { max: maximum }) : t(locale, 'validation.invalid');
    case 'invalid_format':
      return issue.field === 'email' || issue.field.endsWith('.email') ? t(locale, 'validation.email') : t(locale, 'validation.invalid');
    case 'custom':
      // The custom rule not tied to one field is "write it in at least one language" on localized text.
      return describeCustom(locale, issue.field) ?? t(locale, 'validation.oneLanguage');
    default:
      // The API's own checks use codes like `past` or `unknown_image`; the field still tells which.
      return describeCustom(locale, issue.field) ?? t(locale, 'validation.invalid');
  }
}

function firstPerField(entries: { field: string; message: string }[]): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const { field, message } of entries) issues[field] ??= message;
  return issues;
}

/** Maps a schema path (`budgetLines.0.unitCostMinor`) to the form field showing it (`budgetLines.0.unitCost`). */
export type TFieldOf = (path: string) => string;
const samePath: TFieldOf = (path) => path;

/**
 * Our own check of the form with the shared schema, before bothering the API. `submitted` holds
 * the raw text fields, so an empty field says "fill in" rather than "not a valid e-mail".
 */
export function errorsFromZod(
  locale: TLocale,
  error: z.ZodError,
  submitted: Record<string, string>,
  fieldOf: TFieldOf = samePath,
): TFormErrors {
  const issues = firstPerField(
    error.issues.map((issue) => {
      const field = fieldOf(issue.path.map(String).join('.'));
      if (submitted[field]?.trim() === '') return { field, message: t(locale, 'validation.required') };
      const facts: TIssueFacts = {
        field,
        code: issue.code,
        ...('minimum' in issue ? { minimum: issue.minimum } : {}),
        ...('maximum' in issue ? { maximum: issue.maximum } : {}),
        ...('origin' in issue ? { origin: issue.origin } : {}),
      };
      return { field, message: describeIssue(locale, facts) };
    }),
  );
  return { message: errorMessage(locale, 'VALIDATION_FAILED'), issues };
}

/** An API refusal, mapped to the fields it concerns where we know them. */
export function errorsFromApi(locale: TLocale, failure: TApiFailure, fieldOf: TFieldOf = samePath): TFormErrors {
  switch (failure.code) {
    case 'VALIDATION_FAILED':
      return {
        message: errorMessage(locale, 'VALIDATION_FAILED'),
        issues: firstPerField(
          failure.issues.map((issue) => ({
            field: fieldOf(issue.path),
            message: describeIssue(locale, {
              field: issue.path,
              code: issue.code,
              // The API's issues carry no origin; money paths (`amount.value`, `unitCostMinor`) are numbers.
              origin: /(^|\.)value$|Minor$/.test(issue.path) ? 'number' : undefined,
            }),
          })),
        ),
      };
    case 'EMAIL_TAKEN':
      return { message: errorMessage(locale, 'EMAIL_TAKEN'), issues: { email: errorMessage(locale, 'EMAIL_TAKEN') } };
    case 'RATE_LIMITED':
      return {
        message: failure.retryAfter
          ? t(locale, 'error.rateLimitedRetry', { minutes: Math.max(1, Math.ceil(failure.retryAfter / 60)) })
          : errorMessage(locale, 'RATE_LIMITED'),
        issues: {},
      };
    default:
      return { message: errorMessage(locale, failure.code), issues: {} };
  }
}

/** A form action may only answer 4xx/5xx through `fail()`. */
export function failureStatus(failure: TApiFailure): number {
  return failure.status >= 400 && failure.status <= 599 ? failure.status : 502;
}

/** Reads a text field; a missing field or a file becomes ''. */
export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
