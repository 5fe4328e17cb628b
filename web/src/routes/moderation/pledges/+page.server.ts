import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { t } from '@koldoo/shared/i18n/index.ts';
import { currencies } from '@koldoo/shared/money.ts';
import {
  pledgeQueue,
  reconcilePledge,
  refundPledge,
  type TPledgeQueueView,
} from '#lib/server/api.ts';
import { errorsFromApi, failureStatus, textField } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { failPage, requireModerator } from '#lib/server/page-errors.ts';
import { bishkekToday } from '@koldoo/shared/dates.ts';
import {
  readReconcile,
  readRefund,
  reconcileFieldOf,
  refundFieldOf,
} from '#lib/server/pledges/treasury-forms.ts';
import { majorInput } from '#lib/server/project-form/numbers.ts';
import { toPledgeView } from '#lib/server/views/pledges.ts';
import type { Actions, PageServerLoad } from './$types';

const views = ['awaiting_transfer', 'refunds_due'] as const satisfies readonly TPledgeQueueView[];

/** The list and search the treasurer is looking at, from the address (kept by every form's action). */
function queryOf(url: URL): { view: TPledgeQueueView; reference: string } {
  const view = url.searchParams.get('view');
  return {
    view: views.includes(view as TPledgeQueueView)
      ? (view as TPledgeQueueView)
      : 'awaiting_transfer',
    reference: (url.searchParams.get('reference') ?? '').trim().slice(0, 20),
  };
}

function listPath(event: RequestEvent, notice?: string): string {
  const { view, reference } = queryOf(event.url);
  const query = new URLSearchParams({ view });
  if (reference) query.set('reference', reference);
  if (notice) query.set('notice', notice);
  return `/moderation/pledges?${query}`;
}

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const { locale } = event.locals;
  const query = queryOf(event.url);
  const result = await pledgeQueue(event, {
    view: query.view,
    reference: query.reference || undefined,
  });
  if (!result.ok) failPage(result);
  const today = bishkekToday();
  const actionQuery = new URLSearchParams({ view: query.view });
  if (query.reference) actionQuery.set('reference', query.reference);
  return {
    query,
    views,
    items: result.value.map((item) => {
      const pledge = toPledgeView(item, item.projectTitle, locale);
      return {
        pledge,
        canReconcile: item.status === 'pending' && item.method === 'bank_transfer',
        canRefund: pledge.refundableMinor > 0,
        reconcileDefaults: {
          receivedAmount: majorInput(item.amount.value),
          receivedCurrency: item.amount.currency,
          bankReference: '',
          receivedOn: today,
        },
        refundableInput: majorInput(pledge.refundableMinor),
      };
    }),
    currencies: currencies.map((code) => ({ value: code, label: t(locale, `currency.${code}`) })),
    actions: { reconcile: `?/reconcile&${actionQuery}`, refund: `?/refund&${actionQuery}` },
    notice: noticeKey(event.url),
  };
};

export const actions = {
  /** What arrived on the bank statement: the pledge becomes `succeeded` at the day's rate. */
  reconcile: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const form = await event.request.formData();
    const id = textField(form, 'id');
    const read = readReconcile(form, locale);
    if (!read.ok)
      return fail(400, { form: 'reconcile' as const, id, ...read.errors, values: read.values });
    const result = await reconcilePledge(event, id, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'reconcile' as const,
        id,
        ...errorsFromApi(locale, result, reconcileFieldOf),
        values: read.values,
      });
    redirect(303, listPath(event, 'reconciled'));
  },
  /** Money sent back: whole, or part of it; a card refund goes through Stripe, a bank one is recorded. */
  refund: async (event) => {
    requireModerator(event);
    const { locale } = event.locals;
    const form = await event.request.formData();
    const id = textField(form, 'id');
    const read = readRefund(form, locale);
    if (!read.ok)
      return fail(400, { form: 'refund' as const, id, ...read.errors, values: read.values });
    const result = await refundPledge(event, id, read.value);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'refund' as const,
        id,
        ...errorsFromApi(locale, result, refundFieldOf),
        values: read.values,
      });
    redirect(303, listPath(event, 'refunded'));
  },
} satisfies Actions;
