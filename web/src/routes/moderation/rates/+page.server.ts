import { fail, redirect } from '@sveltejs/kit';
import { currencies, type TCurrency } from '@koldoo/shared/money.ts';
import { listRates, refreshRates, setRate } from '#lib/server/api.ts';
import { errorsFromApi, failureStatus, textField } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { failPage, requireModerator } from '#lib/server/page-errors.ts';
import { bishkekToday } from '@koldoo/shared/dates.ts';
import { readRate } from '#lib/server/pledges/treasury-forms.ts';
import { toRateView } from '#lib/server/views/pledges.ts';
import type { Actions, PageServerLoad } from './$types';

/** Every currency but the som itself (1 som is 1 som). */
const foreign = currencies.filter((code) => code !== 'KGS');
const isForeign = (code: string): code is TCurrency =>
  (foreign as readonly string[]).includes(code);

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const { locale } = event.locals;
  const result = await listRates(event);
  if (!result.ok) failPage(result);
  const today = bishkekToday();
  return {
    rows: foreign.map((currency) => {
      const rate = result.value.find((item) => item.currency === currency);
      return {
        currency,
        rate: rate ? toRateView(rate, locale) : null,
        defaults: { kgsPerUnit: rate?.kgsPerUnit ?? '', date: today },
      };
    }),
    notice: noticeKey(event.url),
  };
};

export const actions = {
  save: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const form = await event.request.formData();
    const currency = textField(form, 'currency');
    if (!isForeign(currency))
      return fail(400, {
        currency,
        message: '',
        issues: {} as Record<string, string>,
        values: { kgsPerUnit: '', date: '' },
      });
    const read = readRate(form, locale);
    if (!read.ok) return fail(400, { currency, ...read.errors, values: read.values });
    const result = await setRate(event, currency, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        currency,
        ...errorsFromApi(locale, result),
        values: read.values,
      });
    redirect(303, '/moderation/rates?notice=rateSaved');
  },
  /** Today's official rates from the National Bank, now rather than at the daily job. */
  refresh: async (event) => {
    requireModerator(event);
    const result = await refreshRates(event);
    if (!result.ok)
      return fail(failureStatus(result), {
        currency: 'refresh',
        ...errorsFromApi(event.locals.locale, result),
        values: { kgsPerUnit: '', date: '' },
      });
    redirect(303, '/moderation/rates?notice=ratesRefreshed');
  },
} satisfies Actions;
