import type { TPledgeMethod, TPledgeStatus } from '@koldoo/shared/contracts/pledges.ts';
import type { TCurrency } from '@koldoo/shared/money.ts';
import type { TLocalText, TOption } from './views.ts';

/**
 * What pledge pages receive from their server loads: money formatted, text picked in the
 * reader's language. Type-only module: safe to import from components.
 */

/** The pledge form's fields as typed, for re-rendering it after a refusal. */
export type TPledgeFormValues = {
  /** A checked preset, `CUR:major` (e.g. `KGS:1000`), or ''. */
  preset: string;
  /** The free amount in major units, as typed. Wins over the preset when filled. */
  amount: string;
  currency: TCurrency;
  method: TPledgeMethod;
  anonymous: boolean;
  displayName: string;
  message: string;
  dedication: string;
  email: string;
};

export type TPledgeFormView = {
  isOpen: boolean;
  /** Why pledges are closed, when they are. */
  closedReason: 'deadline' | 'funded' | 'other';
  /** One per rendered form: a double submit without JavaScript still makes one pledge. */
  idempotencyKey: string;
  values: TPledgeFormValues;
  currencies: TOption[];
  /** Preset amounts per currency; the form renders the chosen currency's, the script swaps them. */
  presets: Record<string, TOption[]>;
  /** KGS per unit by currency (decimal strings), for the estimate script. */
  rates: Record<string, string>;
  /** `1 USD ≈ 87.45 som`, shown without JavaScript. */
  rateLines: string[];
  ratesDate: string | null;
  /** `0 som` in the reader's locale: the script puts its number in place of the 0. */
  kgsPattern: string;
  /** BCP 47 locale for Intl in the browser. */
  intlLocale: string;
  /** Signed-in donors are not asked for their e-mail or public name. */
  signedInEmail: string | null;
};

/** What a refused pledge post hands back to the project page. */
export type TPledgeFailure = {
  form: 'pledge';
  message: string;
  issues: Record<string, string>;
  values: TPledgeFormValues;
  idempotencyKey: string;
};

export type TPledgeView = {
  id: string;
  projectId: string;
  projectTitle: TLocalText;
  status: TPledgeStatus;
  method: TPledgeMethod;
  amount: string;
  currency: TCurrency;
  /** The amount in som: exact once received, else an estimate at today's rate (see `kgsIsEstimate`). */
  kgs: string | null;
  kgsIsEstimate: boolean;
  /** The rate the pledge was counted at. */
  rate: { line: string; source: string; date: string } | null;
  createdAt: string;
  createdAtIso: string;
  referenceCode: string | null;
  received: string | null;
  receivedCurrency: TCurrency;
  receivedOn: string | null;
  bankReference: string | null;
  refunded: string | null;
  /** What may still be refunded, in `receivedCurrency`. */
  refundable: string | null;
  refundableMinor: number;
  proofUrl: string | null;
  email: string;
  donor: string | null;
  anonymous: boolean;
  message: string | null;
  dedication: string | null;
};

export type TBankView = {
  referenceCode: string;
  amount: string;
  recipient: string;
  bankName: string;
  account: string;
  bic: string;
  steps: string[];
};

export type TLedgerView = {
  entries: {
    pledgeId: string;
    date: string;
    dateIso: string;
    method: TPledgeMethod;
    status: TPledgeStatus;
    amount: string;
    kgs: string;
    refunded: string | null;
    donor: string;
    message: string | null;
    dedication: string | null;
  }[];
  totals: { raised: string; backers: number; byCurrency: { currency: string; amount: string }[] };
};

export type TRateView = {
  currency: TCurrency;
  kgsPerUnit: string;
  shown: string;
  line: string;
  source: string;
  date: string;
  dateIso: string;
};
