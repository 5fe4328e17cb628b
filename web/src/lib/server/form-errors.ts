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

type TIssueFacts = { field: string; code: string; minimum?: unknown; maximum?: unknown; format?: unknown };

/** One translated sentence per problem; we never show the API's or zod's English text. */
function describeIssue(locale: TLocale, issue: TIssueFacts): string {
  switch (issue.code) {
    case 'invalid_type':
      return t(locale, 'validation.required');
    case 'too_small':
      if (issue.field === 'password') return t(locale, 'validation.passwordTooShort', { min: passwordMin });
      return t(locale, 'validation.required');
    case 'too_big':
      return typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'
        ? t(locale, 'validation.tooLong', { max: Number(issue.maximum) })
        : t(locale, 'validation.invalid');
    case 'invalid_format':
      return issue.field === 'email' ? t(locale, 'validation.email') : t(locale, 'validation.invalid');
    default:
      return t(locale, 'validation.invalid');
  }
}

function firstPerField(entries: { field: string; message: string }[]): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const { field, message } of entries) issues[field] ??= message;
  return issues;
}

/**
 * Our own check of the form with the shared schema, before bothering the API. `submitted` holds
 * the raw text fields, so an empty field says "fill in" rather than "not a valid e-mail".
 */
export function errorsFromZod(locale: TLocale, error: z.ZodError, submitted: Record<string, string>): TFormErrors {
  const issues = firstPerField(
    error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      if (submitted[field]?.trim() === '') return { field, message: t(locale, 'validation.required') };
      const facts: TIssueFacts = { field, code: issue.code, ...('maximum' in issue ? { maximum: issue.maximum } : {}) };
      return { field, message: describeIssue(locale, facts) };
    }),
  );
  return { message: errorMessage(locale, 'VALIDATION_FAILED'), issues };
}

/** An API refusal, mapped to the fields it concerns where we know them. */
export function errorsFromApi(locale: TLocale, failure: TApiFailure): TFormErrors {
  switch (failure.code) {
    case 'VALIDATION_FAILED':
      return {
        message: errorMessage(locale, 'VALIDATION_FAILED'),
        issues: firstPerField(
          failure.issues.map((issue) => ({ field: issue.path, message: describeIssue(locale, { field: issue.path, code: issue.code }) })),
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
