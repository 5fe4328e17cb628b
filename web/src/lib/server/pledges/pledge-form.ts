import {
  amountPresets,
  pledgeMethods,
  ZPledgeInput,
  type TPledgeInput,
} from '@koldoo/shared/contracts/pledges.ts';
import type { TRate } from '@koldoo/shared/contracts/rates.ts';
import { errorMessage, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { currencies, formatMoney, intlLocale, isCurrency, type TCurrency } from '@koldoo/shared/money.ts';
import { bishkekToday } from '@koldoo/shared/dates.ts';
import type { TPledgeFormValues, TPledgeFormView } from '../../pledge-views.ts';
import type { TProjectView } from '../../views.ts';
import { errorsFromZod, textField, type TFieldOf, type TFormErrors } from '../form-errors.ts';
import { parseMajor } from '../project-form/numbers.ts';
import { rateDate, rateLine } from './rates.ts';

/** The project currency is the default; donors abroad pick theirs. */
export const defaultCurrency: TCurrency = 'KGS';



/**
 * As the API: pledges are taken while a project is published, or funded all-or-nothing (the goal
 * met, the deadline still open), and never after the deadline day.
 */
export function pledgeWindow(
  project: Pick<TProjectView, 'status' | 'fundingMode' | 'deadlineIso'>,
  today = bishkekToday(),
): { isOpen: true } | { isOpen: false; reason: TPledgeFormView['closedReason'] } {
  const acceptingStatus =
    project.status === 'published' ||
    (project.status === 'funded' && project.fundingMode === 'all_or_nothing');
  if (!acceptingStatus) {
    const reachedGoal =
      project.status === 'funded' ||
      project.status === 'in_progress' ||
      project.status === 'completed';
    return {
      isOpen: false,
      reason: reachedGoal ? 'funded' : project.status === 'expired' ? 'deadline' : 'other',
    };
  }
  if (project.deadlineIso.slice(0, 10) < today) return { isOpen: false, reason: 'deadline' };
  return { isOpen: true };
}

export const emptyPledgeValues = (): TPledgeFormValues => ({
  preset: '',
  amount: '',
  currency: defaultCurrency,
  method: 'card',
  anonymous: false,
  displayName: '',
  message: '',
  dedication: '',
  email: '',
});

const presetValue = (currency: TCurrency, major: number) => `${currency}:${major}`;

/** The parts of the form that depend only on the rates and the language, built once per pair. */
function pledgeFormStatics(rates: TRate[], locale: TLocale) {
  const latest = rates
    .map((rate) => rate.date)
    .sort()
    .at(-1);
  return {
    currencies: currencies.map((code) => ({ value: code, label: t(locale, `currency.${code}`) })),
    presets: Object.fromEntries(
      currencies.map((code) => [
        code,
        amountPresets[code].map((major) => ({
          value: presetValue(code, major),
          label: formatMoney({ value: major * 100, currency: code }, locale),
        })),
      ]),
    ),
    rates: Object.fromEntries(rates.map((rate) => [rate.currency, rate.kgsPerUnit])),
    rateLines: rates
      .filter((rate) => rate.currency !== 'KGS')
      .map((rate) => rateLine(rate, locale)),
    ratesDate: latest ? rateDate(latest, locale) : null,
    kgsPattern: formatMoney({ value: 0, currency: 'KGS' }, locale),
    intlLocale: intlLocale[locale],
  };
}

/**
 * The rates reply is shared and frozen (see api/shared-replies.ts), so the same array comes back
 * until a rate changes: its statics are memoised on it, per language.
 */
const staticsByRates = new WeakMap<TRate[], Map<TLocale, ReturnType<typeof pledgeFormStatics>>>();
function staticsFor(rates: TRate[], locale: TLocale) {
  let byLocale = staticsByRates.get(rates);
  if (!byLocale) staticsByRates.set(rates, (byLocale = new Map()));
  let statics = byLocale.get(locale);
  if (!statics) byLocale.set(locale, (statics = pledgeFormStatics(rates, locale)));
  return statics;
}

/** Everything the project page needs to draw the form. */
export function pledgeFormView(input: {
  project: Pick<TProjectView, 'status' | 'fundingMode' | 'deadlineIso'>;
  rates: TRate[];
  locale: TLocale;
  signedInEmail: string | null;
}): TPledgeFormView {
  const window = pledgeWindow(input.project);
  return {
    isOpen: window.isOpen,
    closedReason: window.isOpen ? 'other' : window.reason,
    idempotencyKey: crypto.randomUUID(),
    values: emptyPledgeValues(),
    ...staticsFor(input.rates, input.locale),
    signedInEmail: input.signedInEmail,
  };
}

export function readPledgeForm(form: FormData): TPledgeFormValues {
  const currency = textField(form, 'currency');
  const method = textField(form, 'method');
  return {
    preset: textField(form, 'preset'),
    amount: textField(form, 'amount'),
    currency: isCurrency(currency) ? currency : defaultCurrency,
    method: (pledgeMethods as readonly string[]).includes(method)
      ? (method as TPledgeFormValues['method'])
      : 'card',
    anonymous: form.has('anonymous'),
    displayName: textField(form, 'displayName'),
    message: textField(form, 'message'),
    dedication: textField(form, 'dedication'),
    email: textField(form, 'email'),
  };
}

/** Schema paths -> the form's fields: the amount's value and currency sit on their own inputs. */
export const pledgeFieldOf: TFieldOf = (path) => {
  if (path === 'amount' || path === 'amount.value') return 'amount';
  if (path === 'amount.currency') return 'currency';
  return path;
};

const optional = (text: string) => (text.trim() === '' ? undefined : text);

/**
 * The amount: the typed one when filled, else the checked preset. Without JavaScript the presets
 * stay in the default currency, so a preset of another currency than the chosen one is refused
 * rather than silently read as, say, 500 dollars.
 */
function amountOf(
  values: TPledgeFormValues,
  locale: TLocale,
): { minor: number } | { problem: string } {
  if (values.amount.trim() !== '') {
    const minor = parseMajor(values.amount);
    return minor !== null && minor > 0 ? { minor } : { problem: t(locale, 'validation.amount') };
  }
  const [presetCurrency = '', major = ''] = values.preset.split(':');
  if (!values.preset) return { problem: t(locale, 'pledge.amountRequired') };
  if (presetCurrency !== values.currency)
    return { problem: t(locale, 'pledge.presetCurrency', { currency: presetCurrency }) };
  const minor = parseMajor(major);
  return minor !== null && minor > 0 ? { minor } : { problem: t(locale, 'pledge.amountRequired') };
}

export type TCheckedPledge = { ok: true; input: TPledgeInput } | { ok: false; errors: TFormErrors };

/** Our check with the shared schema before bothering the API; the API checks again. */
export function checkPledge(
  values: TPledgeFormValues,
  isSignedIn: boolean,
  locale: TLocale,
): TCheckedPledge {
  const issues: Record<string, string> = {};
  const amount = amountOf(values, locale);
  if ('problem' in amount) issues.amount = amount.problem;
  if (!isSignedIn && values.email.trim() === '') issues.email = t(locale, 'validation.required');
  const parsed = ZPledgeInput.safeParse({
    // A stand-in lets the schema judge every other field when the amount is wrong.
    amount: { value: 'minor' in amount ? amount.minor : 1, currency: values.currency },
    method: values.method,
    anonymous: values.anonymous,
    // Members appear under their account's name and get the receipt at their account's address.
    displayName: isSignedIn ? undefined : optional(values.displayName),
    message: optional(values.message),
    dedication: optional(values.dedication),
    email: isSignedIn ? undefined : optional(values.email),
  });
  const submitted = { email: values.email, displayName: values.displayName };
  const fromSchema = parsed.success
    ? {}
    : errorsFromZod(locale, parsed.error, submitted, pledgeFieldOf).issues;
  const all = { ...fromSchema, ...issues };
  if (parsed.success && Object.keys(all).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors: { message: errorMessage(locale, 'VALIDATION_FAILED'), issues: all } };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key the form carried, or a fresh one if it was tampered with. */
export function idempotencyKeyOf(form: FormData): string {
  const key = textField(form, 'idempotencyKey');
  return uuidPattern.test(key) ? key : crypto.randomUUID();
}
