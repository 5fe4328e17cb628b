import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';

export { launchChromium };

export type TWatchedPage = {
  page: Page;
  /** Page errors and console errors seen so far, minus the ones a test said it expects. */
  problems: string[];
  /** Tolerate console errors matching `pattern` (e.g. the 400 a failing form submit answers with). */
  expectConsoleError(pattern: RegExp): void;
  close(): Promise<void>;
};

/** A fresh context (own cookies) whose page records every page error and console error. */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions): Promise<TWatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const expected: RegExp[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Refusals such as SvelteKit's CSRF 403 otherwise surface only as a timeout far from the cause.
  page.on('response', async (response) => {
    if (response.status() !== 403 && response.status() < 500) return;
    const body = await response.text().catch(() => '');
    problems.push(`${response.request().method()} ${response.url()} answered ${response.status()}: ${body.slice(0, 200)}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!expected.some((pattern) => pattern.test(text))) problems.push(`console.error: ${text}`);
  });
  return {
    page,
    problems,
    expectConsoleError: (pattern) => expected.push(pattern),
    close: () => context.close(),
  };
}

/** A unique address per run, so tests can re-run against the same database. */
export function uniqueEmail(tag: string): string {
  return `web-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/**
 * Runs `body` with a watched page and closes it afterwards. A failure carries the page errors,
 * console errors and refused requests seen so far, which usually name the real cause.
 */
export async function withWatchedPage(
  browser: Browser,
  options: BrowserContextOptions,
  body: (watched: TWatchedPage) => Promise<void>,
): Promise<void> {
  const watched = await openWatchedPage(browser, options);
  try {
    await body(watched);
  } catch (error) {
    if (watched.problems.length === 0 || !(error instanceof Error)) throw error;
    error.message += `\n\nSeen in the page:\n${watched.problems.map((problem) => `  - ${problem}`).join('\n')}`;
    throw error;
  } finally {
    await watched.close();
  }
}
