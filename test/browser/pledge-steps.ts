import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TMessages } from '@koldoo/shared/i18n/index.ts';
import { open } from './projects-steps.ts';

/**
 * Steps of the pledge flow (donor, simulated checkout, treasurer), written against the message
 * catalogues like projects-steps.ts, so each works in any language and with or without
 * JavaScript (every form here posts plainly). Each step waits for the page it leads to.
 *
 * DRAFT: written before the pledges API existed; not run yet.
 */

export type TPledgeForm = {
  /** Major units as a donor types them, e.g. "25" or "25,50". Typed, not a preset: preset labels are locale-formatted. */
  amount: string;
  currency?: 'KGS' | 'USD' | 'EUR' | 'RUB' | 'KZT' | 'TRY' | 'GBP';
  method: 'card' | 'bank_transfer';
  /** Required for visitors; members are not asked. */
  email?: string;
  displayName?: string;
  anonymous?: boolean;
  message?: string;
  dedication?: string;
};

const byLabel = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

/** The pledge form on the project page (`#pledge`). */
export function pledgeSection(page: Page, m: TMessages): Locator {
  return page.getByRole('region', { name: m['pledge.heading'], exact: true });
}

/** Fills the project page's pledge form and sends it; leaves the browser where the app redirects. */
export async function fillPledgeForm(page: Page, m: TMessages, input: TPledgeForm): Promise<void> {
  const form = pledgeSection(page, m);
  await form.waitFor();
  if (input.currency) await byLabel(form, m['pledge.currency']).selectOption(input.currency);
  await byLabel(form, m['pledge.otherAmount']).fill(input.amount);
  await byLabel(form, m[`pledge.method.${input.method}`]).check();
  if (input.email !== undefined) await byLabel(form, m['pledge.email']).fill(input.email);
  if (input.displayName !== undefined)
    await byLabel(form, m['pledge.displayName']).fill(input.displayName);
  if (input.anonymous) await byLabel(form, m['pledge.anonymous']).check();
  if (input.message !== undefined) await byLabel(form, m['pledge.message']).fill(input.message);
  if (input.dedication !== undefined)
    await byLabel(form, m['pledge.dedication']).fill(input.dedication);
  await form.getByRole('button', { name: m['pledge.submit'], exact: true }).click();
}

/** Opens the project, pledges, and waits for the checkout (card) or the receipt (bank transfer). Returns the pledge id. */
export async function pledgeOnProject(
  page: Page,
  baseUrl: string,
  m: TMessages,
  projectId: string,
  input: TPledgeForm,
): Promise<string> {
  await open(page, `${baseUrl}/projects/${projectId}`);
  await fillPledgeForm(page, m, input);
  const next =
    input.method === 'card' ? /\/pledges\/[^/?#]+\/checkout\?token=/ : /\/pledges\/[^/?#]+\?token=/;
  await page.waitForURL(next);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

/** On the labelled test checkout: confirms or declines, then waits for the receipt with its notice. */
export async function completeSimulatedCheckout(
  page: Page,
  m: TMessages,
  outcome: 'confirm' | 'decline' = 'confirm',
): Promise<void> {
  await page.getByText(m['checkout.testMode'], { exact: true }).first().waitFor();
  await page
    .getByRole('button', {
      name: m[outcome === 'confirm' ? 'checkout.confirm' : 'checkout.decline'],
      exact: true,
    })
    .click();
  await page.waitForURL(
    outcome === 'confirm' ? /notice=paymentConfirmed/ : /notice=paymentDeclined/,
  );
  await page.getByRole('heading', { level: 1, name: m['receipt.title'], exact: true }).waitFor();
}

/** The receipt shows the status label (e.g. `pledgeStatus.succeeded`). */
export async function expectReceiptStatus(
  page: Page,
  m: TMessages,
  status: keyof TMessages & `pledgeStatus.${string}`,
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: m['receipt.title'], exact: true }).waitFor();
  await page.getByText(m[status], { exact: true }).first().waitFor();
}

/** The bank-transfer reference code printed on the receipt (in the bank instructions). */
export async function readReferenceCode(page: Page, m: TMessages): Promise<string> {
  const bank = page.getByRole('region', { name: m['receipt.bank.heading'], exact: true });
  await bank.waitFor();
  // The <dt> "Reference code" is followed by its <dd>.
  const code = await bank
    .locator('dt', { hasText: m['receipt.bank.reference'] })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  expect(code?.trim()).toBeTruthy();
  return code?.trim() ?? '';
}

/** Uploads a proof of transfer on the receipt page. */
export async function uploadTransferProof(
  page: Page,
  m: TMessages,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await byLabel(page, m['receipt.proof.file']).setInputFiles(file);
  await page.getByRole('button', { name: m['receipt.proof.submit'], exact: true }).click();
  await page.waitForURL(/notice=proofUploaded/);
  await page.getByRole('status').getByText(m['notice.proofUploaded']).waitFor();
}

/** Cancels a pending bank-transfer pledge from its receipt. */
export async function cancelPledgeOnReceipt(page: Page, m: TMessages): Promise<void> {
  await page.getByRole('button', { name: m['receipt.cancel.submit'], exact: true }).click();
  await page.waitForURL(/notice=pledgeCancelled/);
  await expectReceiptStatus(page, m, 'pledgeStatus.cancelled');
}

/** On /moderation/pledges, the card of the pledge with this reference code (searched for first). */
async function treasuryItem(
  page: Page,
  baseUrl: string,
  m: TMessages,
  view: 'awaiting_transfer' | 'refunds_due',
  referenceCode: string,
): Promise<Locator> {
  await open(page, `${baseUrl}/moderation/pledges?view=${view}`);
  await byLabel(page, m['treasury.search']).fill(referenceCode);
  await page.getByRole('button', { name: m['treasury.search.submit'], exact: true }).click();
  await page.waitForURL(new RegExp(`reference=${referenceCode}`));
  const item = page.getByRole('listitem').filter({ hasText: referenceCode });
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  return item;
}

export type TReconcile = {
  referenceCode: string;
  /** Major units as on the bank statement. */
  amount: string;
  currency: string;
  bankReference: string;
  /** YYYY-MM-DD */
  receivedOn: string;
};

/** The treasurer records a bank transfer as received. */
export async function reconcileTransfer(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: TReconcile,
): Promise<void> {
  const item = await treasuryItem(page, baseUrl, m, 'awaiting_transfer', input.referenceCode);
  await byLabel(item, m['treasury.reconcile.amount']).fill(input.amount);
  await byLabel(item, m['treasury.reconcile.currency']).selectOption(input.currency);
  await byLabel(item, m['treasury.reconcile.bankReference']).fill(input.bankReference);
  await byLabel(item, m['treasury.reconcile.receivedOn']).fill(input.receivedOn);
  await item.getByRole('button', { name: m['treasury.reconcile.submit'], exact: true }).click();
  await page.waitForURL(/notice=reconciled/);
  await page.getByRole('status').getByText(m['notice.reconciled']).waitFor();
}

export type TRefund = {
  referenceCode: string;
  view?: 'awaiting_transfer' | 'refunds_due';
  /** Omit for a full refund. Major units. */
  amount?: string;
  /** The outgoing transfer's reference; required for bank-transfer pledges. */
  reference?: string;
  reason: string;
};

/** The treasurer records a refund, whole or partial. */
export async function refundPledge(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: TRefund,
): Promise<void> {
  const item = await treasuryItem(
    page,
    baseUrl,
    m,
    input.view ?? 'refunds_due',
    input.referenceCode,
  );
  if (input.amount !== undefined) {
    await byLabel(item, m['treasury.refund.partial']).check();
    await item
      .getByLabel(m['treasury.refund.amount'].split('{currency}')[0]?.trim() ?? '')
      .fill(input.amount);
  }
  if (input.reference !== undefined)
    await byLabel(item, m['treasury.refund.reference']).fill(input.reference);
  await byLabel(item, m['treasury.refund.reason']).fill(input.reason);
  await item.getByRole('button', { name: m['treasury.refund.submit'], exact: true }).click();
  await page.waitForURL(/notice=refunded/);
  await page.getByRole('status').getByText(m['notice.refunded']).waitFor();
}

/** A moderator sets a rate by hand on /moderation/rates. */
export async function setRate(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: { currency: string; kgsPerUnit: string; date: string },
): Promise<void> {
  await open(page, `${baseUrl}/moderation/rates`);
  const form = page.getByRole('group', {
    name: m['rates.edit'].replace('{currency}', input.currency),
    exact: true,
  });
  await byLabel(form, m['rates.kgsPerUnit']).fill(input.kgsPerUnit);
  await byLabel(form, m['rates.date']).fill(input.date);
  await form.getByRole('button', { name: m['rates.save'], exact: true }).click();
  await page.waitForURL(/notice=rateSaved/);
  await page.getByRole('status').getByText(m['notice.rateSaved']).waitFor();
}
