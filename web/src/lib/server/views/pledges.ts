import type { TBankInstructions, TLedgerReply, TPledge } from '@koldoo/shared/contracts/pledges.ts';
import type { TRate } from '@koldoo/shared/contracts/rates.ts';
import type { TLocalizedText } from '@koldoo/shared/contracts/text.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { formatMoney, isCurrency, type TCurrency } from '@koldoo/shared/money.ts';
import type { TBankView, TLedgerView, TPledgeView, TRateView } from '../../pledge-views.ts';
import { fileUrl } from '../api/uploads.ts';
import { date, localText, som } from '../format.ts';
import {
  kgsMinorAt,
  rateDate,
  rateLine,
  rateNumber,
  rateOf,
  rateSource,
} from '../pledges/rates.ts';


/**
 * A pledge for its donor or the treasurer. Before the money arrives there is no applied rate, so
 * the som amount is an estimate at today's rate when `rates` are given.
 */
export function toPledgeView(
  pledge: TPledge,
  projectTitle: Record<string, string>,
  locale: TLocale,
  rates: TRate[] = [],
): TPledgeView {
  const receivedCurrency = pledge.received?.currency ?? pledge.amount.currency;
  const paidMinor = pledge.received?.value ?? pledge.amount.value;
  const refundableMinor = Math.max(0, paidMinor - pledge.refundedMinor);
  const isPaid = pledge.status === 'succeeded' || pledge.status === 'partially_refunded';
  const todayRate = rateOf(rates, pledge.amount.currency);
  const estimate = todayRate === null ? null : kgsMinorAt(pledge.amount.value, todayRate);
  const kgsMinor =
    pledge.kgsMinor ?? (pledge.amount.currency === 'KGS' ? pledge.amount.value : estimate);
  const money = (value: number, currency: TCurrency) => formatMoney({ value, currency }, locale);
  return {
    id: pledge.id,
    projectId: pledge.projectId,
    projectTitle: localText(projectTitle as TLocalizedText, locale),
    status: pledge.status,
    method: pledge.method,
    amount: money(pledge.amount.value, pledge.amount.currency),
    currency: pledge.amount.currency,
    kgs: kgsMinor === null ? null : som(kgsMinor, locale),
    kgsIsEstimate: pledge.kgsMinor === undefined && pledge.amount.currency !== 'KGS',
    // A som pledge has no exchange to show.
    rate:
      pledge.rate && pledge.rate.currency !== 'KGS'
        ? {
            line: rateLine(pledge.rate, locale).replace('≈', '='),
            source: rateSource(pledge.rate.source, locale),
            date: rateDate(pledge.rate.date, locale),
          }
        : null,
    createdAt: date(pledge.createdAt, locale),
    createdAtIso: pledge.createdAt,
    referenceCode: pledge.referenceCode ?? null,
    received: pledge.received ? money(pledge.received.value, pledge.received.currency) : null,
    receivedCurrency,
    receivedOn: pledge.receivedOn ? date(pledge.receivedOn, locale) : null,
    bankReference: pledge.bankReference ?? null,
    refunded: pledge.refundedMinor > 0 ? money(pledge.refundedMinor, receivedCurrency) : null,
    refundable: isPaid && refundableMinor > 0 ? money(refundableMinor, receivedCurrency) : null,
    refundableMinor: isPaid ? refundableMinor : 0,
    proofUrl: pledge.proofFileId ? fileUrl(pledge.proofFileId) : null,
    email: pledge.email,
    donor: pledge.displayName ?? null,
    anonymous: pledge.anonymous,
    message: pledge.message ?? null,
    dedication: pledge.dedication ?? null,
  };
}

export function toBankView(bank: TBankInstructions, locale: TLocale): TBankView {
  return {
    referenceCode: bank.referenceCode,
    amount: formatMoney(bank.amount, locale),
    recipient: bank.recipient,
    bankName: bank.bankName,
    account: bank.account,
    bic: bank.bic,
    steps: bank.steps,
  };
}

export function toLedgerView(ledger: TLedgerReply, locale: TLocale): TLedgerView {
  return {
    entries: ledger.entries.map((entry) => ({
      pledgeId: entry.pledgeId,
      date: date(entry.date, locale),
      dateIso: entry.date,
      method: entry.method,
      status: entry.status,
      amount: formatMoney(entry.amount, locale),
      kgs: som(entry.kgsMinor, locale),
      refunded: entry.refundedKgsMinor > 0 ? som(entry.refundedKgsMinor, locale) : null,
      donor: entry.donor,
      message: entry.message ?? null,
      dedication: entry.dedication ?? null,
    })),
    totals: {
      raised: som(ledger.totals.raisedMinor, locale),
      backers: ledger.totals.backers,
      byCurrency: Object.entries(ledger.totals.byCurrency)
        .filter(([code]) => isCurrency(code))
        .map(([code, minor]) => ({
          currency: code,
          amount: formatMoney({ value: minor, currency: code as TCurrency }, locale),
        })),
    },
  };
}

export function toRateView(rate: TRate, locale: TLocale): TRateView {
  return {
    currency: rate.currency,
    kgsPerUnit: rate.kgsPerUnit,
    shown: rateNumber(rate.kgsPerUnit, locale),
    line: rateLine(rate, locale),
    source: rateSource(rate.source, locale),
    date: rateDate(rate.date, locale),
    dateIso: rate.date,
  };
}
