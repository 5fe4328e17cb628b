import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TMessages } from '@koldoo/shared/i18n/index.ts';

/**
 * Steps of the village-projects flow, written against the message catalogues so the same step
 * works in any language. Each step waits for the page it leads to.
 */
export const demoPassword = 'koldoo-demo';

/** Direct loads wait for the network to settle, so typing never races hydration. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
}

export async function signInAs(
  page: Page,
  baseUrl: string,
  m: TMessages,
  email: string,
): Promise<void> {
  await open(page, `${baseUrl}/login`);
  await page.getByLabel(m['field.email.label'], { exact: true }).fill(email);
  await page.getByLabel(m['field.password.label'], { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: m['login.submit'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/me`);
}

/** A date `days` from now as YYYY-MM-DD, for date inputs. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export type TNewProject = { title: string; summary: string; village: string; cover: Buffer };

/** Fills the new-project form of the official's council and sends it for review; returns the project id. */
export async function createAndSubmitProject(
  page: Page,
  m: TMessages,
  project: TNewProject,
): Promise<string> {
  await page.getByRole('link', { name: m['nav.myCouncil'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m['council.dashboard.title'] }).waitFor();
  await page
    .getByRole('link', { name: m['council.dashboard.newProject'], exact: true })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: m['projectForm.newTitle'] }).waitFor();

  // The reader's own language comes first, so `.first()` is the Kyrgyz fieldset for a Kyrgyz reader.
  await page.getByLabel(m['projectForm.title'], { exact: true }).first().fill(project.title);
  await page.getByLabel(m['projectForm.summary'], { exact: true }).first().fill(project.summary);
  await page
    .getByLabel(m['projectForm.story'], { exact: true })
    .first()
    .fill(`**${project.title}**\n\n- beams\n- deck`);
  await page.getByLabel(m['projectForm.village'], { exact: true }).first().fill(project.village);
  await page.getByLabel(m['project.category'], { exact: true }).selectOption('bridge');
  await page.getByLabel(m['projectForm.beneficiaries'], { exact: true }).fill('320');
  await page.getByLabel(m['projectForm.deadline'], { exact: true }).fill(daysFromNow(60));

  const line = (n: number) =>
    page.getByRole('group', {
      name: m['projectForm.budgetLine'].replace('{number}', String(n)),
      exact: true,
    });
  await line(1).getByLabel(m['projectForm.item'], { exact: true }).fill('Steel beams');
  await line(1).getByLabel(m['project.budget.quantity'], { exact: true }).fill('4');
  await line(1).getByLabel(m['projectForm.unitCost'], { exact: true }).fill('120 000');
  // "Add a line" is a submit that re-renders the form: what was typed must survive it.
  await page.getByRole('button', { name: m['projectForm.addBudgetLine'], exact: true }).click();
  await line(2).waitFor();
  expect(await line(1).getByLabel(m['projectForm.unitCost'], { exact: true }).inputValue()).toBe(
    '120 000',
  );
  await line(2).getByLabel(m['projectForm.item'], { exact: true }).fill('Installation');
  await line(2).getByLabel(m['project.budget.quantity'], { exact: true }).fill('1');
  await line(2).getByLabel(m['projectForm.unitCost'], { exact: true }).fill('85000,50');

  const stage = page.getByRole('group', {
    name: m['projectForm.milestone'].replace('{number}', '1'),
    exact: true,
  });
  await stage.getByLabel(m['projectForm.milestoneTitle'], { exact: true }).fill('Bridge built');
  await stage.getByLabel(m['projectForm.targetDate'], { exact: true }).fill(daysFromNow(120));
  await page
    .getByLabel(m['projectForm.cover'], { exact: true })
    .setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: project.cover });

  await page.getByRole('button', { name: m['projectForm.saveAndSubmit'], exact: true }).click();
  await page.waitForURL(/\/projects\/[^/]+\?notice=submitted$/);
  await page.getByRole('status').getByText(m['notice.submitted']).waitFor();
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

/** On /moderation, decides about the project card titled `title`. */
export async function decideProject(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: {
    title: string;
    decision: 'moderation.approve' | 'moderation.requestChanges';
    reason: string;
  },
): Promise<void> {
  await page.getByRole('link', { name: m['nav.moderation'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/moderation`);
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: input.title, exact: true }) });
  await item.waitFor();
  for (const check of ['documentsPresent', 'budgetPlausible', 'locationMatches'] as const) {
    await item.getByLabel(m[`moderation.check.${check}`], { exact: true }).check();
  }
  await item.getByLabel(m['moderation.reason'], { exact: true }).fill(input.reason);
  await item.getByRole('button', { name: m[input.decision], exact: true }).click();
  await page.waitForURL(`${baseUrl}/moderation?notice=decided`);
  await page.getByRole('status').getByText(m['notice.decided']).waitFor();
  expect(await page.getByRole('link', { name: input.title, exact: true }).count()).toBe(0);
}

/** What every visitor must see on the public project page, with or without JavaScript. */
export async function expectPublicProjectPage(
  page: Page,
  m: TMessages,
  input: { title: string; reasons: string[] },
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: input.title, exact: true }).waitFor();
  const timeline = page.getByRole('region', { name: m['project.timeline'], exact: true });
  for (const action of ['submit', 'request_changes', 'approve', 'create'] as const) {
    await timeline.getByText(m[`timeline.action.${action}`], { exact: true }).first().waitFor();
  }
  expect(await timeline.getByText(m['timeline.action.submit'], { exact: true }).count()).toBe(2);
  for (const reason of input.reasons) await timeline.getByText(reason).waitFor();

  const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute('content');
  expect(await meta('property="og:title"')).toBe(input.title);
  expect(await meta('property="og:type"')).toBe('article');
  expect(await meta('property="og:description"')).toContain(
    m['project.percentFunded'].replace('{percent}', '0'),
  );
  expect(await meta('property="og:url"')).toBe(page.url().split('?')[0]);
  expect(await meta('name="twitter:card"')).toBe('summary_large_image');
  const image = (await meta('property="og:image"')) ?? '';
  expect(image).toMatch(/^http:\/\/[^/]+\/api\/files\/[0-9A-Z]{26}$/);
  const response = await page.request.get(image);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\//);
}
