import type { TNoticeKey } from '../views.ts';

/**
 * After a successful form post we redirect (POST/redirect/GET, so a reload does not post again)
 * with `?notice=…`. Only these names are honoured: a link cannot inject arbitrary text.
 */
const notices = {
  saved: 'notice.saved',
  submitted: 'notice.submitted',
  decided: 'notice.decided',
  cancelled: 'notice.cancelled',
  applied: 'notice.applied',
  amended: 'notice.amended',
  created: 'notice.created',
  advanced: 'notice.advanced',
  updatePosted: 'notice.updatePosted',
  submitFailed: 'notice.submitFailed',
  pledgeCancelled: 'notice.pledgeCancelled',
  proofUploaded: 'notice.proofUploaded',
  paymentConfirmed: 'notice.paymentConfirmed',
  paymentDeclined: 'notice.paymentDeclined',
  reconciled: 'notice.reconciled',
  refunded: 'notice.refunded',
  rateSaved: 'notice.rateSaved',
  ratesRefreshed: 'notice.ratesRefreshed',
  checkoutCancelled: 'notice.checkoutCancelled',
  officialAdded: 'notice.officialAdded',
} as const satisfies Record<string, TNoticeKey>;
export type TNotice = keyof typeof notices;

export function noticeKey(url: URL): TNoticeKey | null {
  const name = url.searchParams.get('notice');
  return name && name in notices ? notices[name as TNotice] : null;
}
