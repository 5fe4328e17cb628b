import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages } from '@koldoo/shared/i18n/index.ts';
import { launchChromium, uniqueEmail, withWatchedPage } from './browser.ts';
import {
  amendmentInQueue,
  applyForCouncil,
  decideCouncilApplication,
  expectOfficialOf,
  officialsCount,
  openCouncilFromDistrictPage,
  openCouncilAsModerator,
  proofPdf,
  proposeDeadline,
  readOutboxMail,
  registerMember,
  submitAddOfficial,
  type TMember,
} from './council-steps.ts';
import { daysFromNow, signInAs } from './projects-steps.ts';

const baseUrl = (inject('baseUrl' as never) as string).replace(/\/+$/, '');
const ky = messages('ky');
const ru = messages('ru');
const en = messages('en');
const moderator = 'moderator@demo.koldoo.kg';
const official = 'official@demo.koldoo.kg';

// One run's council: a unique word in its name lets the moderator's search find exactly it.
const tag = `qz${Date.now().toString(36)}`;
const councilName = `Ат-Башы ${tag} айыл окмоту`;
const contactEmail = uniqueEmail('council-contact');
const approveReason = `Решение кенеша с печатью приложено ${tag}`;
const applicant: TMember = {
  email: uniqueEmail('applicant'),
  displayName: `Нурлан ${tag}`,
  password: 'correct horse battery',
};
const second: TMember = {
  email: uniqueEmail('second-official'),
  displayName: `Айпери ${tag}`,
  password: 'correct horse battery',
};
let isApproved = false;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('village councils', () => {
  it(
    'a member applies with a proof; the moderator approves it; the council is e-mailed; the member becomes its official',
    () =>
      // The applicant stays signed in throughout: their next page load must show the new role.
      withWatchedPage(browser, { locale: 'ru-RU' }, async (member) => {
        await registerMember(member.page, baseUrl, ru, applicant);
        await applyForCouncil(member.page, baseUrl, ru, {
          name: councilName,
          ayilAimak: `Ат-Башинский айылный аймак ${tag}`,
          villages: ['Ат-Башы', 'Кара-Суу'],
          districtId: 'at-bashy',
          contact: { name: applicant.displayName, phone: '+996 555 123 456', email: contactEmail },
          proof: { name: 'mandate.pdf', mimeType: 'application/pdf', buffer: proofPdf },
        });

        await withWatchedPage(
          browser,
          { locale: 'en-GB' },
          async ({ page, problems, expectConsoleError }) => {
            await signInAs(page, baseUrl, en, moderator);
            await decideCouncilApplication(page, baseUrl, en, {
              name: councilName,
              reason: approveReason,
            });
            // The decision goes to the council's official contact, in Russian and Kyrgyz.
            const mail = await readOutboxMail(page, baseUrl, contactEmail);
            expect(mail.subject).toContain(councilName);
            expect(mail.subject).toContain('одобрено');
            expect(mail.subject).toContain('жактырылды');
            expect(mail.text).toContain(approveReason);

            // Verified councils on the public district page link moderators to their officials.
            await openCouncilFromDistrictPage(page, baseUrl, en, {
              regionId: 'naryn',
              districtId: 'at-bashy',
              name: councilName,
            });
            expect(await officialsCount(page, en)).toBe('1');
            // The applicant is an official already: refused next to the field (an enhanced submit here).
            expectConsoleError(/status of 409/);
            await submitAddOfficial(page, en, { email: applicant.email, reason: `Again ${tag}` });
            await page
              .locator('#email-error')
              .getByText(en['councilAdmin.alreadyOfficial'])
              .waitFor();
            await page.getByRole('alert').getByText(en['councilAdmin.alreadyOfficial']).waitFor();
            expect(page.url()).not.toContain('notice=');
            expect(problems).toEqual([]);
          },
        );
        isApproved = true;

        await expectOfficialOf(member.page, baseUrl, ru, councilName);
        expect(member.problems).toEqual([]);
      }),
    60_000,
  );

  it('the moderator finds the council and adds a second member as its official, without JavaScript', async () => {
    expect(isApproved, 'the first test approves the council').toBe(true);
    await withWatchedPage(browser, { locale: 'ky-KG' }, async (member) => {
      await registerMember(member.page, baseUrl, ky, second);

      await withWatchedPage(
        browser,
        { locale: 'en-GB', javaScriptEnabled: false },
        async ({ page, problems, expectConsoleError }) => {
          await signInAs(page, baseUrl, en, moderator);
          // Found by a word of its name, in its region, without knowing its id.
          const hits = await openCouncilAsModerator(page, baseUrl, en, {
            query: tag,
            region: 'naryn',
            name: councilName,
          });
          expect(hits).toBe(1);
          expect(await officialsCount(page, en)).toBe('1');

          // Someone who has not registered: said next to the e-mail field, what was typed is kept.
          expectConsoleError(/status of 400/);
          const reason = `Confirmed by phone with the ayil okmotu ${tag}`;
          await submitAddOfficial(page, en, { email: uniqueEmail('nobody'), reason });
          const emailField = page.getByLabel(en['councilAdmin.email'], { exact: true });
          await page.locator('#email-error').getByText(en['councilAdmin.unknownEmail']).waitFor();
          expect(await emailField.getAttribute('aria-invalid')).toBe('true');
          expect(
            await page.getByLabel(en['councilAdmin.reason'], { exact: true }).inputValue(),
          ).toBe(reason);

          await submitAddOfficial(page, en, { email: second.email.toUpperCase(), reason });
          await page.waitForURL(/\/moderation\/councils\/[^/?]+\?notice=officialAdded$/);
          await page
            .getByRole('status')
            .getByText(en['notice.officialAdded'], { exact: true })
            .waitFor();
          expect(await officialsCount(page, en)).toBe('2');

          expect(problems).toEqual([]);
        },
      );

      await expectOfficialOf(member.page, baseUrl, ky, councilName);
      expect(member.problems).toEqual([]);
    });
  }, 60_000);

  it('the demo official proposes a later deadline; the moderator sees it in the queue and rejects it', async () => {
    const projectId = 'project-alay-surgery-week';
    const reason = `Хирургдар бир айдан кийин келе алышат ${tag}`;
    await withWatchedPage(browser, { locale: 'ky-KG' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, ky, official);
      await proposeDeadline(page, baseUrl, ky, { projectId, deadline: daysFromNow(75), reason });
      expect(problems).toEqual([]);
    });
    await withWatchedPage(browser, { locale: 'en-GB' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, en, moderator);
      const item = await amendmentInQueue(page, baseUrl, en, reason);
      // Only the deadline changed, and it shows what it was and what is proposed.
      await item.getByText(`${en['moderation.change.deadline']}:`).waitFor();
      expect(await item.getByRole('listitem').count()).toBe(1);
      // Rejected, so the demo project keeps its deadline for the other suites.
      await item.getByLabel(en['moderation.reason'], { exact: true }).fill(`Keep the date ${tag}`);
      await item.getByRole('button', { name: en['moderation.reject'], exact: true }).click();
      await page.waitForURL(`${baseUrl}/moderation?notice=decided`);
      expect(await page.getByText(reason).count()).toBe(0);
      expect(problems).toEqual([]);
    });
  }, 60_000);
});
