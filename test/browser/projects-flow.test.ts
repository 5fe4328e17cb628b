import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages } from '@koldoo/shared/i18n/index.ts';
import { launchChromium, withWatchedPage } from './browser.ts';
import { completeSimulatedCheckout, pledgeOnProject } from './pledge-steps.ts';
import {
  createAndSubmitProject,
  decideProject,
  expectPublicProjectPage,
  open,
  signInAs,
} from './projects-steps.ts';

const baseUrl = (inject('baseUrl' as never) as string).replace(/\/+$/, '');
const ky = messages('ky');
const ru = messages('ru');
const en = messages('en');
const official = 'official@demo.koldoo.kg';
const moderator = 'moderator@demo.koldoo.kg';

// One run's project: a unique word in the title lets the text search find exactly it.
const tag = `qz${Date.now().toString(36)}`;
const title = `Көпүрө ${tag}`;
const changesReason = `Add the district engineer's estimate ${tag}`;
const approveReason = `Estimate attached, budget and place checked ${tag}`;
let projectId = '';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('village projects', () => {
  it('an official submits a project; a moderator sends it back; the official fixes it; the moderator publishes it', async () => {
    const cover = await sharp({
      create: { width: 320, height: 180, channels: 3, background: { r: 11, g: 93, b: 59 } },
    })
      .png()
      .toBuffer();

    await withWatchedPage(browser, { locale: 'ky-KG' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, ky, official);
      projectId = await createAndSubmitProject(page, ky, {
        title,
        summary: `Жаңы көпүрө ${tag}`,
        village: 'Ак-Босого',
        cover,
      });
      expect(projectId).not.toBe('');
      await page.getByText(ky['status.submitted'], { exact: true }).first().waitFor();
      expect(problems).toEqual([]);
    });

    await withWatchedPage(browser, { locale: 'en-GB' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, en, moderator);
      await decideProject(page, baseUrl, en, {
        title,
        decision: 'moderation.requestChanges',
        reason: changesReason,
      });
      expect(problems).toEqual([]);
    });

    await withWatchedPage(browser, { locale: 'ky-KG' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, ky, official);
      await open(page, `${baseUrl}/projects/${projectId}`);
      await page.getByRole('link', { name: ky['project.edit'], exact: true }).click();
      await page.waitForURL(`${baseUrl}/projects/${projectId}/edit`);
      // The moderator's reason is shown where the official fixes the project.
      await page.getByText(changesReason, { exact: true }).waitFor();
      await page
        .getByLabel(ky['projectForm.summary'], { exact: true })
        .first()
        .fill(`Жаңы көпүрө, инженердин сметасы менен ${tag}`);
      await page
        .getByRole('button', { name: ky['projectForm.saveAndSubmit'], exact: true })
        .click();
      await page.waitForURL(`${baseUrl}/projects/${projectId}?notice=submitted`);
      expect(problems).toEqual([]);
    });

    await withWatchedPage(browser, { locale: 'en-GB' }, async ({ page, problems }) => {
      await signInAs(page, baseUrl, en, moderator);
      await decideProject(page, baseUrl, en, {
        title,
        decision: 'moderation.approve',
        reason: approveReason,
      });
      expect(problems).toEqual([]);
    });
  }, 180_000);

  it(
    'a visitor finds it by region, opens it and sees the history and sharing tags',
    () =>
      withWatchedPage(browser, { locale: 'ru-RU' }, async ({ page, problems }) => {
        expect(projectId, 'the first test publishes the project').not.toBe('');
        await open(page, `${baseUrl}/`);
        await page.getByRole('link', { name: ru['nav.projects'], exact: true }).click();
        await page.waitForURL(`${baseUrl}/projects`);
        await page.getByText(ru['projects.moreFilters'], { exact: true }).click();
        await page.getByLabel(ru['projects.filter.region'], { exact: true }).selectOption('osh');
        await page.getByRole('button', { name: ru['projects.filter.submit'], exact: true }).click();
        // A GET form sends every field, empty ones too; the filter is in the address all the same.
        await page.waitForURL(/\/projects\?.*region=osh/);
        await page.getByRole('link', { name: title, exact: true }).click();
        await page.waitForURL(`${baseUrl}/projects/${projectId}`);
        await expectPublicProjectPage(page, ru, { title, reasons: [changesReason, approveReason] });
        expect(problems).toEqual([]);
      }),
    60_000,
  );

  it(
    'a visitor without JavaScript finds it by text search and reads the same page',
    () =>
      withWatchedPage(
        browser,
        { locale: 'ky-KG', javaScriptEnabled: false },
        async ({ page, problems }) => {
          await open(page, `${baseUrl}/projects`);
          await page.getByLabel(ky['projects.filter.q'], { exact: true }).fill(tag);
          await page
            .getByRole('button', { name: ky['projects.filter.submit'], exact: true })
            .click();
          await page.waitForURL(new RegExp(`/projects\\?q=${tag}&`));
          const results = page.getByRole('region', { name: ky['projects.results'], exact: true });
          expect(await results.getByRole('article').count()).toBe(1);
          await results.getByRole('link', { name: title, exact: true }).click();
          await page.waitForURL(`${baseUrl}/projects/${projectId}`);
          await expectPublicProjectPage(page, ky, {
            title,
            reasons: [changesReason, approveReason],
          });
          // Nothing on the page needs scripts: there are none to run, and the content is all there.
          expect(await page.getByRole('table').count()).toBeGreaterThan(0);
          expect(problems).toEqual([]);
        },
      ),
    60_000,
  );

  it('a donor funds it; the official posts a progress update without JavaScript; a visitor reads it', async () => {
    expect(projectId, 'the first test publishes the project').not.toBe('');
    const news = `Көпүрөнүн таянычтары куюлду ${tag}`;
    const photo = await sharp({
      create: { width: 240, height: 180, channels: 3, background: { r: 120, g: 110, b: 90 } },
    })
      .png()
      .toBuffer();

    // The whole goal (4 × 120 000 + 85 000,50 som) in one card pledge: the project is funded.
    await withWatchedPage(browser, { locale: 'ru-RU' }, async ({ page, problems }) => {
      await pledgeOnProject(page, baseUrl, ru, projectId, {
        amount: '565000,50',
        currency: 'KGS',
        method: 'card',
        email: `funder-${tag}@example.com`,
      });
      await completeSimulatedCheckout(page, ru, 'confirm');
      expect(problems).toEqual([]);
    });

    await withWatchedPage(
      browser,
      { locale: 'ky-KG', javaScriptEnabled: false },
      async ({ page, problems, expectConsoleError }) => {
        expectConsoleError(/status of 400/); // the refused post below
        await signInAs(page, baseUrl, ky, official);
        await open(page, `${baseUrl}/projects/${projectId}`);
        const post = page.getByRole('button', { name: ky['project.postUpdate'], exact: true });
        // A photo without any text is refused; the photo, already uploaded, stays with the form.
        await page
          .getByLabel(ky['progressUpdate.photos'], { exact: true })
          .setInputFiles({ name: 'works.png', mimeType: 'image/png', buffer: photo });
        await post.click();
        await page.getByText(ky['validation.oneLanguage'], { exact: true }).waitFor();
        await page
          .getByRole('img', { name: ky['timeline.updatePhotoAlt'].replace('{number}', '1') })
          .waitFor();
        await page
          .getByLabel(ky['progressUpdate.text'].replace('{language}', ky['locale.name.ky']), {
            exact: true,
          })
          .fill(news);
        await post.click();
        await page.waitForURL(`${baseUrl}/projects/${projectId}?notice=updatePosted`);
        await page.getByRole('status').getByText(ky['notice.updatePosted']).waitFor();
        expect(problems).toEqual([]);
      },
    );

    await withWatchedPage(browser, { locale: 'en-GB' }, async ({ page, problems }) => {
      await open(page, `${baseUrl}/projects/${projectId}`);
      const timeline = page.getByRole('region', { name: en['project.timeline'], exact: true });
      await timeline.getByText(en['timeline.action.progress_update'], { exact: true }).waitFor();
      // Written in Kyrgyz only: an English reader gets it in Kyrgyz, marked as such.
      const text = timeline.getByText(news, { exact: true });
      expect(await text.getAttribute('lang')).toBe('ky');
      const image = timeline.getByRole('img', {
        name: en['timeline.updatePhotoAlt'].replace('{number}', '1'),
      });
      const src = (await image.getAttribute('src')) ?? '';
      expect((await page.request.get(new URL(src, baseUrl).href)).status()).toBe(200);
      // Signed out, nobody sees the form.
      expect(await page.getByRole('button', { name: en['project.postUpdate'] }).count()).toBe(0);
      expect(problems).toEqual([]);
    });
  }, 180_000);
});
