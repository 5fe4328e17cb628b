import { error, fail, redirect } from '@sveltejs/kit';
import { completeSimulatedCheckout, getPledge } from '#lib/server/api.ts';
import { errorsFromApi, failureStatus, textField } from '#lib/server/form-errors.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { receiptPath, tokenOf } from '#lib/server/pledges/receipt.ts';
import { toPledgeView } from '#lib/server/views/pledges.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The local platform's stand-in for Stripe's hosted checkout, labelled as a test in every
 * language. The API answers 404 where real Stripe is used, and so does this page then.
 */
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const { locale } = event.locals;
  const token = tokenOf(event);
  const reply = await getPledge(event, event.params.id, token);
  if (!reply.ok) failPage(reply);
  const { pledge, projectTitle } = reply.value;
  if (pledge.method !== 'card') error(404, 'Not found');
  return {
    pledge: toPledgeView(pledge, projectTitle, locale),
    isPending: pledge.status === 'pending',
    receiptUrl: receiptPath(pledge.id, token),
    // The default action, on the same address so the token stays with it.
    action: token ? `?token=${encodeURIComponent(token)}` : '',
  };
};

export const actions = {
  default: async (event) => {
    const token = tokenOf(event);
    const outcome = textField(await event.request.formData(), 'outcome');
    if (outcome !== 'confirm' && outcome !== 'decline') return fail(400, { message: '' });
    const result = await completeSimulatedCheckout(event, event.params.id, token, outcome);
    if (!result.ok) {
      if (result.code === 'NOT_FOUND') failPage(result);
      return fail(failureStatus(result), {
        message: errorsFromApi(event.locals.locale, result).message,
      });
    }
    redirect(
      303,
      receiptPath(
        event.params.id,
        token,
        outcome === 'confirm' ? 'paymentConfirmed' : 'paymentDeclined',
      ),
    );
  },
} satisfies Actions;
