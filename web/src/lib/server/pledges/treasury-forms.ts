import { ZReconcileInput, ZRefundInput } from '@koldoo/shared/contracts/pledges.ts';
import { ZRateInput } from '@koldoo/shared/contracts/rates.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import type { TReconcileInput, TRefundInput } from '../api/pledges.ts';
import { errorsFromZod, textField, type TFieldOf, type TFormErrors } from '../form-errors.ts';
import { parseMajor } from '../project-form/numbers.ts';

/**
 * The treasurer's forms: what arrived on the bank statement (reconcile), money sent back
 * (refund), and a hand-set exchange rate. Each reads the posted text, checks it with the shared
 * schema and keeps the typed values for a form sent back with errors.
 */
type TRead<T, V> =
  { ok: true; value: T; values: V } | { ok: false; errors: TFormErrors; values: V };

const problems = (locale: TLocale, issues: Record<string, string>): TFormErrors => ({
  message: errorMessage(locale, 'VALIDATION_FAILED'),
  issues,
});

export type TReconcileValues = {
  receivedAmount: string;
  receivedCurrency: string;
  bankReference: string;
  receivedOn: string;
};

export const reconcileFieldOf: TFieldOf = (path) => {
  if (path === 'received' || path === 'received.value') return 'receivedAmount';
  if (path === 'received.currency') return 'receivedCurrency';
  return path;
};

export function readReconcile(
  form: FormData,
  locale: TLocale,
): TRead<TReconcileInput, TReconcileValues> {
  const values: TReconcileValues = {
    receivedAmount: textField(form, 'receivedAmount'),
    receivedCurrency: textField(form, 'receivedCurrency'),
    bankReference: textField(form, 'bankReference'),
    receivedOn: textField(form, 'receivedOn'),
  };
  const minor = parseMajor(values.receivedAmount);
  const parsed = ZReconcileInput.safeParse({
    received: { value: minor ?? 1, currency: values.receivedCurrency },
    bankReference: values.bankReference,
    receivedOn: values.receivedOn,
  });
  const issues: Record<string, string> = parsed.success
    ? {}
    : errorsFromZod(locale, parsed.error, values, reconcileFieldOf).issues;
  if (minor === null || minor <= 0)
    issues.receivedAmount =
      values.receivedAmount.trim() === ''
        ? t(locale, 'validation.required')
        : t(locale, 'validation.amount');
  if (parsed.success && Object.keys(issues).length === 0)
    return { ok: true, value: parsed.data, values };
  return { ok: false, errors: problems(locale, issues), values };
}

export type TRefundValues = {
  scope: 'full' | 'partial';
  amount: string;
  reference: string;
  reason: string;
};

export const refundFieldOf: TFieldOf = (path) => (path === 'amount.value' ? 'amount' : path);

/** `method` is the pledge's, from a hidden field: bank-transfer refunds need the outgoing reference. */
export function readRefund(form: FormData, locale: TLocale): TRead<TRefundInput, TRefundValues> {
  const values: TRefundValues = {
    scope: textField(form, 'scope') === 'partial' ? 'partial' : 'full',
    amount: textField(form, 'amount'),
    reference: textField(form, 'reference'),
    reason: textField(form, 'reason'),
  };
  const issues: Record<string, string> = {};
  const minor = values.scope === 'partial' ? parseMajor(values.amount) : null;
  if (values.scope === 'partial' && (minor === null || minor <= 0))
    issues.amount =
      values.amount.trim() === ''
        ? t(locale, 'validation.required')
        : t(locale, 'validation.amount');
  if (textField(form, 'method') === 'bank_transfer' && values.reference.trim() === '')
    issues.reference = t(locale, 'validation.required');
  const parsed = ZRefundInput.safeParse({
    amount: minor !== null && minor > 0 ? { value: minor } : undefined,
    reference: values.reference.trim() === '' ? undefined : values.reference,
    reason: values.reason,
  });
  const fromSchema = parsed.success
    ? {}
    : errorsFromZod(locale, parsed.error, values, refundFieldOf).issues;
  const all = { ...fromSchema, ...issues };
  if (parsed.success && Object.keys(all).length === 0)
    return { ok: true, value: parsed.data, values };
  return { ok: false, errors: problems(locale, all), values };
}

export type TRateValues = { kgsPerUnit: string; date: string };

export function readRate(form: FormData, locale: TLocale): TRead<TRateValues, TRateValues> {
  // People type decimal commas; the API wants a dot.
  const values: TRateValues = {
    kgsPerUnit: textField(form, 'kgsPerUnit').trim().replace(',', '.'),
    date: textField(form, 'date'),
  };
  const parsed = ZRateInput.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data, values };
  const issues = errorsFromZod(locale, parsed.error, values).issues;
  if (issues.kgsPerUnit && values.kgsPerUnit !== '')
    issues.kgsPerUnit = t(locale, 'validation.rate');
  return { ok: false, errors: problems(locale, issues), values };
}
