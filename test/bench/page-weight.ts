import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';

export { chromeFlags, chromePath, launchChromium as launchBrowser } from '../support/chromium.ts';

export type TKind = 'script' | 'html' | 'css' | 'image' | 'font' | 'other';
export type TResourceSize = {
  url: string;
  kind: TKind;
  status: number;
  bytes: number;
  gzipBytes: number;
  encoding: string | null;
};
export type TPageWeight = {
  name: string;
  url: string;
  status: number;
  resources: TResourceSize[];
  /** Per kind: decoded bytes and bytes after gzip -9 (ours; the server's own encoding is listed per resource). */
  totals: Record<TKind, { count: number; bytes: number; gzipBytes: number }>;
};

function kindOf(response: Response): TKind {
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  if (type === 'script' || /javascript/.test(contentType)) return 'script';
  if (type === 'document' || contentType.startsWith('text/html')) return 'html';
  if (type === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
  if (type === 'image' || contentType.startsWith('image/')) return 'image';
  if (type === 'font' || contentType.startsWith('font/')) return 'font';
  return 'other';
}

/** First load in a fresh context (empty cache): every response body, gzipped by us at level 9. */
export async function measurePage(
  browser: Browser,
  name: string,
  url: string,
): Promise<TPageWeight> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    locale: 'ru-RU',
  });
  try {
    const page = await context.newPage();
    const pending: Promise<TResourceSize | undefined>[] = [];
    page.on('response', (response) => {
      pending.push(
        (async () => {
          if (response.status() >= 300 && response.status() < 400) return undefined;
          const body = await response.body().catch(() => Buffer.alloc(0));
          return {
            url: response.url(),
            kind: kindOf(response),
            status: response.status(),
            bytes: body.length,
            gzipBytes: body.length ? gzipSync(body, { level: 9 }).length : 0,
            encoding: response.headers()['content-encoding'] ?? null,
          };
        })(),
      );
    });
    const main = await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const resources = (await Promise.all(pending)).filter(
      (r): r is TResourceSize => r !== undefined,
    );
    const kinds: TKind[] = ['script', 'html', 'css', 'image', 'font', 'other'];
    const totals = Object.fromEntries(
      kinds.map((kind) => {
        const of = resources.filter((r) => r.kind === kind);
        return [
          kind,
          {
            count: of.length,
            bytes: sum(of.map((r) => r.bytes)),
            gzipBytes: sum(of.map((r) => r.gzipBytes)),
          },
        ];
      }),
    ) as TPageWeight['totals'];
    return { name, url, status: main?.status() ?? 0, resources, totals };
  } finally {
    await context.close();
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
