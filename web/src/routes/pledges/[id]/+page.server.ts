import { fail, redirect } from '@sveltejs/kit';
import { t } from '@koldoo/shared/i18n/index.ts';
import {
  attachTransferProof,
  cancelPledge,
  getPledge,
  listRates,
  uploadFile,
} from '#lib/server/api.ts';
import { errorsFromApi, failureStatus } from '#lib/server/form-errors.ts';
import { noticeKey } from '#lib/server/notice.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { actionPath, receiptPath, tokenOf } from '#lib/server/pledges/receipt.ts';
import { uploadProblem } from '#lib/server/project-form/uploads.ts';
import { readPostedForm } from '#lib/server/read-form.ts';
import { toBankView, toPledgeView } from '#lib/server/views/pledges.ts';
import type { Actions, PageServerLoad } from './$types';

/** A printable document; its two forms (proof, cancel) post plainly. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
  const { locale } = event.locals;
  const token = tokenOf(event);
  const [reply, rates] = await Promise.all([
    getPledge(event, event.params.id, token),
    listRates(event),
  ]);
  if (!reply.ok) failPage(reply);
  const { pledge, projectTitle, bankInstructions } = reply.value;
  const isAwaitingTransfer = pledge.status === 'pending' && pledge.method === 'bank_transfer';
  // As the API: a proof is still welcome after the pledge expired (the money may be on its way).
  const takesProof =
    pledge.method === 'bank_transfer' &&
    (pledge.status === 'pending' || pledge.status === 'expired');
  return {
    pledge: toPledgeView(pledge, projectTitle, locale, rates.ok ? rates.value : []),
    bank: isAwaitingTransfer && bankInstructions ? toBankView(bankInstructions, locale) : null,
    can: { cancel: isAwaitingTransfer, uploadProof: takesProof },
    // Back from Stripe before its webhook: the page reloads itself until the payment is confirmed.
    awaitsCardConfirmation:
      pledge.status === 'pending' && pledge.method === 'card' && event.url.searchParams.has('from'),
    actions: { cancel: actionPath('cancel', token), proof: actionPath('proof', token) },
    notice: noticeKey(event.url),
  };
};

export const actions = {
  /** The donor withdraws an unpaid bank transfer. */
  cancel: async (event) => {
    const token = tokenOf(event);
    const result = await cancelPledge(event, event.params.id, token);
    if (!result.ok)
      return fail(failureStatus(result), {
        form: 'cancel' as const,
        ...errorsFromApi(event.locals.locale, result),
      });
    redirect(303, receiptPath(event.params.id, token, 'pledgeCancelled'));
  },
  /** The donor's receipt of the transfer, passed on to the API (no JavaScript needed). */
  proof: async (event) => {
    const { locale } = event.locals;
    const token = tokenOf(event);
    const posted = await readPostedForm(event);
    if (!posted.form) return posted.tooLarge;
    const file = posted.form.get('proof');
    if (!(file instanceof File) || file.size === 0) {
      const problem = t(locale, 'validation.fileRequired');
      return fail(400, { form: 'proof' as const, message: problem, issues: { proof: problem } });
    }
    const result = await attachTransferProof(event, event.params.id, token, file);
    if (!result.ok) {
      const problem = uploadProblem(locale, result);
      return fail(failureStatus(result), {
        form: 'proof' as const,
        message: problem,
        issues: { proof: problem },
      });
    }
    redirect(303, receiptPath(event.params.id, token, 'proofUploaded'));
  },
} satisfies Actions;
