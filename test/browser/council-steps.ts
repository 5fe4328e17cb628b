import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TMessages } from '@koldoo/shared/i18n/index.ts';
import { open } from './projects-steps.ts';

/**
 * Steps of the council flow (apply, approve, add officials, amend), written against the message
 * catalogues like projects-steps.ts, so each works in any language. Each step waits for the page
 * it leads to.
 */

const byLabel = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

/** A tiny but real PDF: the API sniffs `%PDF-` and keeps proofs as they are. */
export const proofPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export type TMember = { email: string; displayName: string; password: string };

/** Registers through the form; the new member lands on /me, signed in. */
export async function registerMember(
  page: Page,
  baseUrl: string,
  m: TMessages,
  member: TMember,
): Promise<void> {
  await open(page, `${baseUrl}/register`);
  await byLabel(page, m['field.email.label']).fill(member.email);
  await byLabel(page, m['field.displayName.label']).fill(member.displayName);
  await byLabel(page, m['field.password.label']).fill(member.password);
  await page.getByRole('button', { name: m['register.submit'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/me`);
}

export type TApplication = {
  /** In the reader's language (the form's first fieldset). */
  name: string;
  ayilAimak: string;
  villages: string[];
  districtId: string;
  contact: { name: string; phone: string; email: string };
  proof: { name: string; mimeType: string; buffer: Buffer };
};

/** Fills the application form's fields, all but the proof document. */
export async function fillApplication(page: Page, m: TMessages, input: Omit<TApplication, 'proof'>): Promise<void> {
  await byLabel(page, m['apply.name']).fill(input.name);
  await byLabel(page, m['projectForm.ayilAimak']).fill(input.ayilAimak);
  await byLabel(page, m['council.villages']).fill(input.villages.join('\n'));
  await byLabel(page, m['projects.filter.district']).selectOption(input.districtId);
  await byLabel(page, m['apply.contactName']).fill(input.contact.name);
  await byLabel(page, m['apply.contactPhone']).fill(input.contact.phone);
  await byLabel(page, m['field.email.label']).fill(input.contact.email);
}

/** From the menu, applies to represent a council; waits for the desk showing it pending. */
export async function applyForCouncil(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: TApplication,
): Promise<void> {
  await page.getByRole('link', { name: m['nav.applyCouncil'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m['apply.title'], exact: true }).waitFor();
  await fillApplication(page, m, input);
  await byLabel(page, m['apply.proofFile']).setInputFiles(input.proof);
  await page.getByRole('button', { name: m['apply.submit'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/council?notice=applied`);
  await page.getByRole('status').getByText(m['notice.applied'], { exact: true }).waitFor();
  const desk = councilOnDesk(page, input.name);
  await desk.getByText(m['council.status.pending'], { exact: true }).waitFor();
  // Not an official yet: no way to start a project.
  expect(await desk.getByRole('link', { name: m['council.dashboard.newProject'] }).count()).toBe(0);
}

/** The council's card on /council. */
function councilOnDesk(page: Page, name: string): Locator {
  return page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
}

/** On /moderation, approves (or not) the council application named `name`, with the whole checklist. */
export async function decideCouncilApplication(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: { name: string; reason: string; proofName?: string },
): Promise<void> {
  await page.getByRole('link', { name: m['nav.moderation'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/moderation`);
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: input.name, exact: true }) });
  await item.waitFor();
  // The uploaded proof is there for the moderator to open, and it is the PDF sent.
  const proofHref = await item
    .getByRole('link', { name: m['moderation.proof'], exact: true })
    .getAttribute('href');
  const proof = await page.request.get(new URL(proofHref ?? '', baseUrl).href);
  expect(proof.status()).toBe(200);
  expect(proof.headers()['content-type']).toBe('application/pdf');
  for (const check of ['documentsPresent', 'budgetPlausible', 'locationMatches'] as const) {
    await byLabel(item, m[`moderation.check.${check}`]).check();
  }
  await byLabel(item, m['moderation.reason']).fill(input.reason);
  await item.getByRole('button', { name: m['moderation.approve'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/moderation?notice=decided`);
  await page.getByRole('status').getByText(m['notice.decided'], { exact: true }).waitFor();
  expect(await page.getByRole('heading', { level: 3, name: input.name, exact: true }).count()).toBe(
    0,
  );
}

/** The local outbox (/dev/outbox) holds exactly one mail to `to`; returns its subject and text. */
export async function readOutboxMail(
  page: Page,
  baseUrl: string,
  to: string,
): Promise<{ subject: string; text: string }> {
  await open(page, `${baseUrl}/dev/outbox`);
  const mail = page.getByRole('listitem').filter({ hasText: to });
  await mail.first().waitFor();
  expect(await mail.count()).toBe(1);
  return {
    subject: (await mail.getByRole('heading', { level: 2 }).textContent())?.trim() ?? '',
    text: (await mail.locator('pre').textContent()) ?? '',
  };
}

/** Through the menu link only officials get, the desk shows the council verified, ready for projects. */
export async function expectOfficialOf(
  page: Page,
  baseUrl: string,
  m: TMessages,
  councilName: string,
): Promise<void> {
  await open(page, `${baseUrl}/me`);
  await page.getByRole('link', { name: m['nav.myCouncil'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/council`);
  const desk = councilOnDesk(page, councilName);
  await desk.getByText(m['council.status.verified'], { exact: true }).waitFor();
  await desk.getByRole('link', { name: m['council.dashboard.newProject'], exact: true }).waitFor();
}

/** From /moderation, finds a verified council by words and opens its page; returns the search's hit count. */
export async function openCouncilAsModerator(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: { query: string; region?: string; name: string },
): Promise<number> {
  await open(page, `${baseUrl}/moderation`);
  await page.getByRole('link', { name: m['moderation.registry.link'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/moderation/councils`);
  await byLabel(page, m['councilAdmin.q']).fill(input.query);
  if (input.region) await byLabel(page, m['projects.filter.region']).selectOption(input.region);
  await page.getByRole('button', { name: m['councilAdmin.search'], exact: true }).click();
  await page.waitForURL(/\/moderation\/councils\?q=/);
  const hits = await page.locator('main li h3').count();
  await page.getByRole('link', { name: input.name, exact: true }).click();
  await page.waitForURL(/\/moderation\/councils\/[^/?]+$/);
  await page.getByRole('heading', { level: 1, name: input.name, exact: true }).waitFor();
  return hits;
}

/** From the public district page, a moderator's "Manage officials" link opens the council's page. */
export async function openCouncilFromDistrictPage(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: { regionId: string; districtId: string; name: string },
): Promise<void> {
  await open(page, `${baseUrl}/regions/${input.regionId}/${input.districtId}`);
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: input.name, exact: true }) });
  await item.getByRole('link', { name: m['councilAdmin.manage'], exact: true }).click();
  await page.waitForURL(/\/moderation\/councils\/[^/?]+$/);
  await page.getByRole('heading', { level: 1, name: input.name, exact: true }).waitFor();
}

/** The officials count on the moderator's council page. */
export async function officialsCount(page: Page, m: TMessages): Promise<string> {
  const value = await page
    .locator('dt', { hasText: m['councilAdmin.officials'] })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  return value?.trim() ?? '';
}

/** Sends the add-official form on the council page; leaves the browser where the app answers. */
export async function submitAddOfficial(
  page: Page,
  m: TMessages,
  input: { email: string; reason: string },
): Promise<void> {
  const form = page.getByRole('region', { name: m['councilAdmin.addOfficial'], exact: true });
  await byLabel(form, m['councilAdmin.email']).fill(input.email);
  await byLabel(form, m['councilAdmin.reason']).fill(input.reason);
  await form.getByRole('button', { name: m['councilAdmin.submit'], exact: true }).click();
}

/** The official proposes a new deadline for a published project of their council. */
export async function proposeDeadline(
  page: Page,
  baseUrl: string,
  m: TMessages,
  input: { projectId: string; deadline: string; reason: string },
): Promise<void> {
  await open(page, `${baseUrl}/projects/${input.projectId}/amend`);
  await page.getByRole('heading', { level: 1, name: m['amend.title'], exact: true }).waitFor();
  await byLabel(page, m['projectForm.deadline']).fill(input.deadline);
  await byLabel(page, m['amend.reason']).fill(input.reason);
  await page.getByRole('button', { name: m['amend.submit'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/projects/${input.projectId}?notice=amended`);
  await page.getByRole('status').getByText(m['notice.amended'], { exact: true }).waitFor();
}

/** The amendment (found by its reason) in the moderation queue. */
export async function amendmentInQueue(
  page: Page,
  baseUrl: string,
  m: TMessages,
  reason: string,
): Promise<Locator> {
  await open(page, `${baseUrl}/moderation`);
  // The heading also carries the count: "… (1)".
  const section = page.getByRole('region', { name: m['moderation.amendments'] });
  const item = section.getByRole('listitem').filter({ hasText: reason });
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  return item;
}
