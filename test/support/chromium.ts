import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Headless Chromium in a container: no sandbox, no GPU, no background traffic (the network is closed). */
export const chromeFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Launches Debian's Chromium, or fails loudly: a browser test that silently does not run proves nothing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromePath)) {
    throw new Error(`Chromium is missing at ${chromePath}. Install it with \`apt-get install chromium\` or set CHROME_PATH.`);
  }
  return chromium.launch({ executablePath: chromePath, args: ['--headless', ...chromeFlags] });
}
