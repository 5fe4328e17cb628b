import * as z from 'zod';
import { ZCurrency, type TCurrency } from '../money.ts';
import { ZEmail } from './auth.ts';
import { ZId, ZIsoDate } from './text.ts';

export const pledgeMethods = ['card', 'bank_transfer'] as const;
export const ZPledgeMethod = z.enum(pledgeMethods);
export type TPledgeMethod = z.infer<typeof ZPledgeMethod>;

/**
 * A pledge's states. `pending` waits for Stripe or for the bank transfer to arrive; money that
 * arrived is `succeeded` (then possibly refunded). `cancelled` is the donor's own withdrawal of
 * an unpaid bank transfer.
 */
export const pledgeStatuses = ['pending', 'succeeded', 'failed', 'expired', 'cancelled', 'refunded', 'partially_refunded'] as const;
export const ZPledgeStatus = z.enum(pledgeStatuses);
export type TPledgeStatus = z.infer<typeof ZPledgeStatus>;

/** Most a single pledge may be worth, in KGS minor units (10 000 000 som). */
export const maxPledgeKgsMinor = 10_000_000 * 100;

/** A positive whole number of minor units: no zero, negative or fractional amounts. */
export const ZPositiveMinor = z.number().int('Whole minor units only').positive('Must be more than zero').max(Number.MAX_SAFE_INTEGER);
export const ZAmount = z.object({ value: ZPositiveMinor, currency: ZCurrency });
export type TAmount = z.infer<typeof ZAmount>;

/** POST /api/projects/:id/pledges. `email` is required unless signed in (checked by the use case). */
export const ZPledgeInput = z.object({
  amount: ZAmount,
  method: ZPledgeMethod,
  anonymous: z.boolean().default(false),
  /** The public name of a visitor; members default to their account's display name. */
  displayName: z.string().trim().min(1).max(80).optional(),
  message: z.string().trim().max(500).optional(),
  dedication: z.string().trim().max(200).optional(),
  email: ZEmail.optional(),
});
export type TPledgeInput = z.infer<typeof ZPledgeInput>;

/** The exchange rate a succeeded pledge was counted at: KGS per one unit of `currency`. */
export const ZAppliedRate = z.object({ currency: ZCurrency, kgsPerUnit: z.string(), source: z.string(), date: ZIsoDate });
export type TAppliedRate = z.infer<typeof ZAppliedRate>;

/** What the fiscal host's bank account looks like to a donor paying by transfer or remittance. */
export const ZBankInstructions = z.object({
  referenceCode: z.string(),
  amount: ZAmount,
  recipient: z.string(),
  bankName: z.string(),
  account: z.string(),
  bic: z.string(),
  /** Steps in the donor's language. */
  steps: z.array(z.string()),
});
export type TBankInstructions = z.infer<typeof ZBankInstructions>;

/** A pledge as its donor (and moderators) see it. Never public: the ledger shows the public part. */
export const ZPledge = z.object({
  id: z.string(),
  projectId: z.string(),
  status: ZPledgeStatus,
  method: ZPledgeMethod,
  amount: ZAmount,
  anonymous: z.boolean(),
  displayName: z.string().optional(),
  message: z.string().optional(),
  dedication: z.string().optional(),
  email: z.string(),
  referenceCode: z.string().optional(),
  /** What actually arrived (a transfer may differ from the pledge), set on success. */
  received: ZAmount.optional(),
  kgsMinor: z.number().int().optional(),
  rate: ZAppliedRate.optional(),
  refundedMinor: z.number().int(),
  refundedKgsMinor: z.number().int(),
  proofFileId: z.string().optional(),
  bankReference: z.string().optional(),
  receivedOn: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  succeededAt: z.string().optional(),
});
export type TPledge = z.infer<typeof ZPledge>;

export const ZPledgeCreatedReply = z.object({
  pledge: ZPledge,
  checkoutUrl: z.string().optional(),
  bankInstructions: ZBankInstructions.optional(),
  /** A secret link to the receipt and cancel page, for donors without an account. */
  receiptUrl: z.string(),
});
export const ZPledgeReply = z.object({ pledge: ZPledge, projectTitle: z.record(z.string(), z.string()), bankInstructions: ZBankInstructions.optional() });
export const ZPledgeList = z.object({ items: z.array(ZPledge.extend({ projectTitle: z.record(z.string(), z.string()) })) });

/** POST /api/moderation/pledges/:id/reconcile: what the treasurer saw on the bank statement. */
export const ZReconcileInput = z.object({
  received: ZAmount,
  bankReference: z.string().trim().min(1).max(120),
  receivedOn: ZIsoDate,
});
/** POST /api/moderation/pledges/:id/refund: whole when `amount` is absent; bank refunds need the reference. */
export const ZRefundInput = z.object({
  amount: z.object({ value: ZPositiveMinor }).optional(),
  reference: z.string().trim().min(1).max(120).optional(),
  reason: z.string().trim().min(3).max(500),
});
export const ZPledgeQueueQuery = z.object({
  view: z.enum(['awaiting_transfer', 'refunds_due']).default('awaiting_transfer'),
  reference: z.string().trim().max(40).optional(),
});

/** One line of a project's public ledger: a pledge that brought money, once, with its refunds. */
export const ZLedgerEntry = z.object({
  pledgeId: z.string(),
  date: z.string(),
  method: ZPledgeMethod,
  status: ZPledgeStatus,
  amount: ZAmount,
  kgsMinor: z.number().int(),
  refundedKgsMinor: z.number().int(),
  donor: z.string(),
  message: z.string().optional(),
  dedication: z.string().optional(),
});
export const ZLedgerReply = z.object({
  entries: z.array(ZLedgerEntry),
  totals: z.object({
    /** Net of refunds; equals the project's `raisedMinor`. */
    raisedMinor: z.number().int(),
    backers: z.number().int(),
    /** Net per original currency. */
    byCurrency: z.record(z.string(), z.number().int()),
  }),
});
export type TLedgerReply = z.infer<typeof ZLedgerReply>;

/** Amount presets per currency, in major units, for the pledge form. */
export const amountPresets: Record<TCurrency, number[]> = {
  KGS: [500, 1_000, 5_000, 10_000],
  USD: [10, 25, 50, 100],
  EUR: [10, 25, 50, 100],
  GBP: [10, 25, 50, 100],
  RUB: [500, 1_000, 3_000, 5_000],
  KZT: [2_000, 5_000, 10_000, 25_000],
  TRY: [200, 500, 1_000, 2_500],
};
