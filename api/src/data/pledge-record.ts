import * as z from 'zod';
import { ZLocale } from '@koldoo/shared/locales.ts';
import { ZPledge } from '@koldoo/shared/contracts/pledges.ts';

/** A pledge as stored: the donor's view plus what only the server needs. */
export const ZPledgeRecord = ZPledge.extend({
  councilId: z.string(),
  userId: z.string().optional(),
  locale: ZLocale,
  /**
   * The secret in the donor's receipt link (view, cancel, upload proof of this one pledge).
   * Kept, not hashed like session tokens, because reminders must repeat the link; it grants
   * far less than a session and never leaves the server except to the donor's e-mail.
   */
  accessToken: z.string(),
  /** SHA-256 of the request that made the pledge with an `Idempotency-Key`: a replay must match it. */
  requestHash: z.string().optional(),
  checkoutSessionId: z.string().optional(),
  checkoutUrl: z.string().optional(),
  paymentIntentId: z.string().optional(),
  /** Set while a refund job holds the right to refund this pledge through Stripe. */
  refundClaimedAt: z.string().optional(),
  refundReference: z.string().optional(),
  refundReason: z.string().optional(),
  remindedAt: z.string().optional(),
  reconciledBy: z.string().optional(),
  /** Set when the project expired unfunded and a bank transfer waits for the treasurer to refund it. */
  refundDueAt: z.string().optional(),
  version: z.number().int(),
});
export type TPledgeRecord = z.infer<typeof ZPledgeRecord>;

/** Fields the donor's view does not carry. */
export function toDonorView(record: TPledgeRecord) {
  return ZPledge.parse(record);
}
