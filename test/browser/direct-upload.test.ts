import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages, type TMessages } from '@koldoo/shared/i18n/index.ts';
import { launchChromium, uniqueEmail, withWatchedPage } from './browser.ts';
import { applyForCouncil, fillApplication, proofPdf, registerMember } from './council-steps.ts';
import { open } from './projects-steps.ts';

const baseUrl = (inject('baseUrl' as never) as string).replace(/\/+$/, '');
const ru = messages('ru');
const tag = `du${Date.now().toString(36)}`;
/** Big enough (~2 MB) for upload progress events; still a PDF to the sniffer. */
const bigProof = Buffer.concat([proofPdf, Buffer.from(`%${'x'.repeat(2 * 1024 * 1024)}\n`, 'latin1')]);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function application(name: string) {
  return {
    name,
    ayilAimak: `Аймак ${tag}`,
    villages: ['Ак-Суу'],
    districtId: 'at-bashy',
    contact: { name: 'Айгүл Осмонова', phone: '+996 555 123 456', email: uniqueEmail('contact') },
  };
}

const byLabel = (page: Page, label: string) => page.getByLabel(label, { exact: true });


describe('council proof upload', () => {
  it('with JavaScript goes straight to storage with a progress bar, and the form posts only its id', () =>
    withWatchedPage(browser, { locale: 'ru-RU' }, async ({ page, problems }) => {
      await registerMember(page, baseUrl, ru, { email: uniqueEmail('direct'), displayName: `Нурлан ${tag}`, password: 'correct horse battery' });
      const requests: Request[] = [];
      page.on('request', (request) => requests.push(request));
      await open(page, `${baseUrl}/councils/apply`);
      await fillApplication(page, ru, application(`Ак-Суу ${tag} айыл окмоту`));

      const proofInput = byLabel(page, ru['apply.proofFile']);
      await proofInput.setInputFiles({ name: 'mandate.pdf', mimeType: 'application/pdf', buffer: bigProof });
      const status = page.getByRole('status').filter({ hasText: ru['upload.done'].replace('{name}', 'mandate.pdf') });
      await status.waitFor();
      expect(await page.locator('#proof-upload-status progress').count()).toBe(1);

      const apiCalls = requests.map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
      const intent = apiCalls.find((call) => call === 'POST /api/uploads/intents');
      const put = apiCalls.find((call) => /^PUT \/api\/uploads\/[0-9A-Z]{26}\/bytes$/.test(call));
      const complete = apiCalls.find((call) => /^POST \/api\/uploads\/[0-9A-Z]{26}\/complete$/.test(call));
      expect([intent, put, complete].every(Boolean), apiCalls.join('\n')).toBe(true);
      const putRequest = requests.find((r) => r.method() === 'PUT')!;
      expect((await putRequest.response())?.status()).toBe(204);

      // The file input is empty now; the id waits in the hidden field the action already reads.
      expect(await proofInput.evaluate((input) => (input as unknown as { files: { length: number } | null }).files?.length ?? 0)).toBe(0);
      const proofFileId = await page.locator('input[type="hidden"][name="proofFileId"]').inputValue();
      expect(proofFileId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);

      await page.getByRole('button', { name: ru['apply.submit'], exact: true }).click();
      await page.waitForURL(`${baseUrl}/council?notice=applied`);
      const posted = requests.find((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/councils/apply');
      const body = posted?.postDataBuffer() ?? Buffer.alloc(0);
      expect(body.includes(proofFileId)).toBe(true);
      expect(body.includes('%PDF')).toBe(false);
      expect(body.byteLength).toBeLessThan(10_000);
      expect(problems).toEqual([]);
    }),
  60_000);

  it('with JavaScript, a submit pressed during the upload waits for it and then goes', () =>
    withWatchedPage(browser, { locale: 'ru-RU' }, async ({ page, problems }) => {
      await registerMember(page, baseUrl, ru, { email: uniqueEmail('held'), displayName: `Айпери ${tag}`, password: 'correct horse battery' });
      const puts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PUT') puts.push(request.url());
      });
      // The same steps as the council flow: choose the file and press submit at once.
      await applyForCouncil(page, baseUrl, ru, {
        ...application(`Кара-Суу ${tag} айыл окмоту`),
        proof: { name: 'mandate.pdf', mimeType: 'application/pdf', buffer: bigProof },
      });
      expect(puts).toHaveLength(1);
      expect(problems).toEqual([]);
    }),
  60_000);

  it('without JavaScript posts the file with the form, as before', () =>
    withWatchedPage(browser, { locale: 'ru-RU', javaScriptEnabled: false }, async ({ page, problems }) => {
      await registerMember(page, baseUrl, ru, { email: uniqueEmail('nojs'), displayName: `Бакыт ${tag}`, password: 'correct horse battery' });
      const requests: Request[] = [];
      page.on('request', (request) => requests.push(request));
      await applyForCouncil(page, baseUrl, ru, {
        ...application(`Көк-Жар ${tag} айыл окмоту`),
        proof: { name: 'mandate.pdf', mimeType: 'application/pdf', buffer: proofPdf },
      });
      expect(requests.some((r) => new URL(r.url()).pathname.startsWith('/api/uploads'))).toBe(false);
      const posted = requests.find((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/councils/apply');
      // Playwright does not expose a navigation's multipart body with files; the accepted application
      // (its proof is required) and the absence of any direct-upload call show the file went with the form.
      expect(posted?.headers()['content-type']).toMatch(/^multipart\/form-data/);
      expect(problems).toEqual([]);
    }),
  60_000);
});
