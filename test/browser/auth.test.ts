import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages, t } from '@koldoo/shared/i18n/index.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';
import { launchChromium, uniqueEmail, withWatchedPage } from './browser.ts';

const baseUrl = (inject('baseUrl' as never) as string).replace(/\/+$/, '');
const ky = messages('ky');
const ru = messages('ru');
const en = messages('en');
const password = 'correct horse battery';
const testTimeout = 60_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function expectLang(page: Page, lang: TLocale): Promise<void> {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
}

async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function register(page: Page, m: typeof en, email: string, name: string): Promise<void> {
  await openRegistration(page, m);
  await fillRegistration(page, m, email, name);
}

async function openRegistration(page: Page, m: typeof en): Promise<void> {
  await page.getByRole('link', { name: m['nav.register'], exact: true }).click();
  await expectHeading(page, m['register.title']);
}

async function fillRegistration(page: Page, m: typeof en, email: string, name: string): Promise<void> {
  await page.getByLabel(m['field.email.label'], { exact: true }).fill(email);
  await page.getByLabel(m['field.displayName.label'], { exact: true }).fill(name);
  await page.getByLabel(m['field.password.label'], { exact: true }).fill(password);
  await page.getByRole('button', { name: m['register.submit'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/me`);
  await expectHeading(page, m['me.title']);
}

async function signIn(page: Page, m: typeof en, email: string): Promise<void> {
  await page.getByRole('link', { name: m['nav.signIn'], exact: true }).click();
  await expectHeading(page, m['login.title']);
  await page.getByLabel(m['field.email.label'], { exact: true }).fill(email);
  await page.getByLabel(m['field.password.label'], { exact: true }).fill(password);
  await page.getByRole('button', { name: m['login.submit'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/me`);
  await expectHeading(page, m['me.title']);
}

async function signOut(page: Page, m: typeof en): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: m['nav.signOut'], exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole('link', { name: m['nav.signIn'], exact: true }).waitFor();
}

async function expectSignedInAs(page: Page, m: typeof en, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: m['nav.label'] });
  await nav.getByText(name, { exact: true }).waitFor();
}

describe('signing up and in, with JavaScript', () => {
  it(
    'defaults to Russian, switches to Kyrgyz, registers, signs out and in again',
    () =>
      // German is not offered, so the site must fall back to its default, Russian.
      withWatchedPage(browser, { locale: 'de-DE' }, async ({ page, problems }) => {
        const email = uniqueEmail('js');
        const name = `Айгүл ${Date.now().toString(36)}`;

        await page.goto(`${baseUrl}/`);
        await expectLang(page, 'ru');
        await expectHeading(page, ru['home.heading']);

        await page.getByRole('button', { name: ru['locale.name.ky'], exact: true }).click();
        await expectLang(page, 'ky');
        await expectHeading(page, ky['home.heading']);

        // The home page is a plain document (no JS); the registration page is hydrated, and with
        // JavaScript its form is enhanced: the window survives the submit, no full page load.
        await openRegistration(page, ky);
        await page.evaluate(() => Object.assign(globalThis, { koldooSameDocument: true }));
        await fillRegistration(page, ky, email, name);
        expect(await page.evaluate(() => 'koldooSameDocument' in globalThis)).toBe(true);
        await expectSignedInAs(page, ky, name);
        await page.getByText(t('ky', 'me.greeting', { name }), { exact: true }).waitFor();

        await signOut(page, ky);
        await signIn(page, ky, email);
        await expectSignedInAs(page, ky, name);

        await page.goto(`${baseUrl}/me`);
        await expectHeading(page, ky['me.title']);
        await page.getByText(email, { exact: true }).waitFor();
        await expectLang(page, 'ky');

        await signOut(page, ky);
        await page.goto(`${baseUrl}/me`);
        await page.waitForURL(`${baseUrl}/login?redirectTo=/me`);
        await expectHeading(page, ky['login.title']);

        expect(problems).toEqual([]);
      }),
    testTimeout,
  );

  it(
    'shows the error of a too short password next to the field and keeps what was typed',
    () =>
      withWatchedPage(browser, { locale: 'ru-RU' }, async ({ page, problems, expectConsoleError }) => {
        // The enhanced submit gets the action's 400, which Chromium logs as a failed resource.
        expectConsoleError(/status of 400/);
        const email = uniqueEmail('short');
        await page.goto(`${baseUrl}/register`);
        await expectLang(page, 'ru');
        await page.getByLabel(ru['field.email.label'], { exact: true }).fill(email);
        await page.getByLabel(ru['field.displayName.label'], { exact: true }).fill('Асель');
        await page.getByLabel(ru['field.password.label'], { exact: true }).fill('short');
        await page.getByRole('button', { name: ru['register.submit'], exact: true }).click();

        const problem = t('ru', 'validation.passwordTooShort', { min: 10 });
        await page.getByRole('alert').getByText(ru['error.VALIDATION_FAILED']).waitFor();
        await page.getByText(problem, { exact: true }).waitFor();
        const passwordField = page.getByLabel(ru['field.password.label'], { exact: true });
        expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
        // The error is part of the field's accessible description, not just nearby text.
        const describedBy = (await passwordField.getAttribute('aria-describedby')) ?? '';
        const descriptions = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
        expect(descriptions).toContain(problem);
        expect(await page.getByLabel(ru['field.email.label'], { exact: true }).inputValue()).toBe(email);
        expect(await passwordField.inputValue()).toBe('');
        expect(page.url()).toBe(`${baseUrl}/register`);
        expect(problems).toEqual([]);
      }),
    testTimeout,
  );
});

describe('without JavaScript', () => {
  it(
    'registers, signs out, signs in and switches language with plain forms',
    () =>
      withWatchedPage(browser, { locale: 'en-GB', javaScriptEnabled: false }, async ({ page, problems, expectConsoleError }) => {
        // The wrong-password page is answered with status 401, which Chromium logs as a failed resource.
        expectConsoleError(/status of 401/);
        const email = uniqueEmail('nojs');
        const name = `Nurlan ${Date.now().toString(36)}`;

        await page.goto(`${baseUrl}/`);
        await expectLang(page, 'en');
        await register(page, en, email, name);
        await expectSignedInAs(page, en, name);
        await signOut(page, en);

        // A wrong password comes back as a full page with the error.
        await page.getByRole('link', { name: en['nav.signIn'], exact: true }).click();
        await page.getByLabel(en['field.email.label'], { exact: true }).fill(email);
        await page.getByLabel(en['field.password.label'], { exact: true }).fill('not the password');
        await page.getByRole('button', { name: en['login.submit'], exact: true }).click();
        await page.getByRole('alert').getByText(en['error.INVALID_CREDENTIALS']).waitFor();

        await page.goto(`${baseUrl}/`);
        await signIn(page, en, email);
        await expectSignedInAs(page, en, name);

        await page.getByRole('button', { name: en['locale.name.ky'], exact: true }).click();
        await expectLang(page, 'ky');
        await expectHeading(page, ky['me.title']);
        await signOut(page, ky);
        expect(problems).toEqual([]);
      }),
    testTimeout,
  );
});
