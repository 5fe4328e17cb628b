import {
  ZCancelInput,
  ZDecisionInput,
  type TDecisionInput,
} from '@koldoo/shared/contracts/moderation.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { errorsFromZod, textField, type TFormErrors } from './form-errors.ts';

export type TRead<T> =
  | { ok: true; value: T }
  | { ok: false; errors: TFormErrors; values: { reason: string; checked?: string[] } };

/**
 * A moderator's decision form: the pressed button names the decision, three checkboxes make the
 * checklist (unchecked boxes are simply absent from the form), and a reason is always required.
 */
export function readDecision(form: FormData, locale: TLocale): TRead<TDecisionInput> {
  const reason = textField(form, 'reason');
  const submitted = {
    decision: textField(form, 'decision'),
    reason,
    checklist: {
      documentsPresent: form.has('documentsPresent'),
      budgetPlausible: form.has('budgetPlausible'),
      locationMatches: form.has('locationMatches'),
    },
  };
  const parsed = ZDecisionInput.safeParse(submitted);
  if (parsed.success) return { ok: true, value: parsed.data };
  const checked = Object.entries(submitted.checklist)
    .filter(([, isChecked]) => isChecked)
    .map(([name]) => name);
  return {
    ok: false,
    errors: errorsFromZod(locale, parsed.error, { reason }),
    values: { reason, checked },
  };
}

export function readCancel(form: FormData, locale: TLocale): TRead<{ reason: string }> {
  const reason = textField(form, 'reason');
  const parsed = ZCancelInput.safeParse({ reason });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: errorsFromZod(locale, parsed.error, { reason }), values: { reason } };
}
