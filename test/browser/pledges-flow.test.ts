import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages } from '@koldoo/shared/i18n/index.ts';
import { launchChromium, withWatchedPage } from './browser.ts';
import { open, signInAs } from './projects-steps.ts';
import {
  completeSimulatedCheckout, expectReceiptStatus, pledgeOnProject, readReferenceCode, reconcileTransfer, refundPledge,
} from './pledge-steps.ts';

const baseUrl = (inject('baseUrl' as never) as string).replace(/\/+$/, '');
const ky = messages('ky');
const ru = messages('ru');
const en = messages('en');
const moderator = 'moderator@demo.koldoo.kg';
// A demo project the seed publishes with a far deadline (all-or-nothing, so it keeps taking pledges).
const projectId = 'project-gulcha-footbridge';
const tag = Date.now().toString(36);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

type TLedger = { entries: { pledgeId: string; donor: string; status: string; kgsMinor: number }[]; totals: { raisedMinor: number; backers: number } };
const ledger = async () => (await (await fetch(`${baseUrl}/api/projects/${projectId}/ledger`)).json()) as TLedger;
const project = async () => ((await (await fetch(`${baseUrl}/api/projects/${projectId}`)).json()) as { project: { raisedMinor: number; backers: number } }).project;

describe('money pledges', () => {
  it('a visitor pledges by card at the TEST MODE checkout and appears in the public ledger', async () => {
    const donor = `Айгүл ${tag}`;
    let pledgeId = '';
    await withWatchedPage(browser, { locale: 'ru-RU' }, async ({ page, problems }) => {
      pledgeId = await pledgeOnProject(page, baseUrl, ru, projectId, { amount: '25', currency: 'USD', method: 'card', email: `card-${tag}@example.com`, displayName: donor, message: `Для моста ${tag}` });
      await completeSimulatedCheckout(page, ru, 'confirm');
      await expectReceiptStatus(page, ru, 'pledgeStatus.succeeded');
      await open(page, `${baseUrl}/projects/${projectId}/ledger`);
      await page.getByText(donor).first().waitFor();
      expect(problems).toEqual([]);
    });
    const entry = (await ledger()).entries.find((e) => e.pledgeId === pledgeId);
    // 25 USD at the seeded 87.45 som.
    expect(entry).toMatchObject({ donor, status: 'succeeded', kgsMinor: 218_625 });
    const [totals, counters] = [(await ledger()).totals, await project()];
    expect(totals.raisedMinor).toBe(counters.raisedMinor);
    expect(totals.backers).toBe(counters.backers);
  });

  it('a bank transfer is reconciled by the treasurer, then partly refunded', async () => {
    let receiptUrl = '';
    let reference = '';
    await withWatchedPage(browser, { locale: 'ky-KG', javaScriptEnabled: false }, async ({ page, problems }) => {
      await pledgeOnProject(page, baseUrl, ky, projectId, { amount: '5000', method: 'bank_transfer', email: `bank-${tag}@example.com`, displayName: `Бакыт ${tag}` });
      await expectReceiptStatus(page, ky, 'pledgeStatus.pending');
      reference = await readReferenceCode(page, ky);
      expect(reference).toMatch(/^KD-[A-Z2-9]{6}$/);
      receiptUrl = page.url();
      expect(problems).toEqual([]);
    });
    const before = await project();
    await withWatchedPage(browser, { locale: 'en-GB' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, en, moderator);
      await reconcileTransfer(page, baseUrl, en, { referenceCode: reference, amount: '5000', currency: 'KGS', bankReference: `STMT-${tag}`, receivedOn: new Date().toISOString().slice(0, 10) });
      await refundPledge(page, baseUrl, en, { referenceCode: reference, view: 'awaiting_transfer', amount: '1000', reference: `OUT-${tag}`, reason: 'Donor asked for part back' });
      expect(problems).toEqual([]);
    });
    const after = await project();
    expect(after.raisedMinor - before.raisedMinor).toBe(400_000);
    expect(after.backers - before.backers).toBe(1);
    await withWatchedPage(browser, { locale: 'ky-KG' }, async ({ page, problems }) => {
      await open(page, receiptUrl);
      await expectReceiptStatus(page, ky, 'pledgeStatus.partially_refunded');
      expect(problems).toEqual([]);
    });
  });
});
