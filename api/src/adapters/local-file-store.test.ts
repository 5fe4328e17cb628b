import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalFileStore } from './local-file-store.ts';

describe('local file store', async () => {
  const root = await mkdtemp(join(tmpdir(), 'koldoo-files-'));
  afterAll(() => rm(root, { recursive: true, force: true }));
  const store = createLocalFileStore(root);

  it('round-trips bytes and content type', async () => {
    await store.put('councils/01J/proof.pdf', new Uint8Array([37, 80, 68, 70]), 'application/pdf');
    expect(await store.get('councils/01J/proof.pdf')).toEqual({
      body: new Uint8Array([37, 80, 68, 70]),
      contentType: 'application/pdf',
    });
  });

  it('answers undefined for a missing key', async () => {
    expect(await store.get('nothing/here')).toBeUndefined();
  });

  it('refuses keys that climb out of the root', async () => {
    await expect(store.put('../escape.txt', new Uint8Array(), 'text/plain')).rejects.toThrow(/escapes/);
  });

  it('deletes bytes and type (a missing key is no error), and never presigns a GET', async () => {
    await store.put('incoming/x', new Uint8Array([1]), 'image/png');
    await store.delete('incoming/x');
    await store.delete('incoming/x');
    expect(await store.get('incoming/x')).toBeUndefined();
    expect(await store.presignGet('incoming/x', { contentType: 'image/png', contentDisposition: 'inline', cacheControl: 'no-store', expiresInSeconds: 60 })).toBeUndefined();
  });

  describe('presigned PUTs to its own route', () => {
    let clock = Date.parse('2026-05-01T10:00:00Z');
    const signed = createLocalFileStore(root, { publicOrigin: 'http://localhost:3000/some/path', signingSecret: 'a-test-secret-of-32-characters!!', now: () => clock });
    const key = 'incoming/01JABCDEFGHJKMNPQRSTVWXYZ0';
    const body = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]).stream();
    const presign = () => signed.presignPut(key, { contentType: 'image/png', contentLength: 5, expiresInSeconds: 900 });
    const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

    it('points at PUT /api/uploads/<id>/bytes with an expiry and an HMAC, and only for staged keys', async () => {
      const { url, headers } = await presign();
      expect(url).toMatch(/^http:\/\/localhost:3000\/api\/uploads\/01JABCDEFGHJKMNPQRSTVWXYZ0\/bytes\?expires=\d+&sig=[\w-]{43}$/);
      expect(queryOf(url).expires).toBe(String(clock / 1000 + 900));
      expect(headers).toEqual({ 'content-type': 'image/png' });
      await expect(signed.presignPut('uploads/project_image/01J', { contentType: 'image/png', contentLength: 5, expiresInSeconds: 60 })).rejects.toThrow(/staged/);
    });

    it('stores exactly the signed type and length, and refuses everything else', async () => {
      const query = queryOf((await presign()).url);
      const bytes = new Uint8Array([1, 2, 3, 4, 5]);
      const put = (over: Partial<Parameters<NonNullable<typeof signed.receiveSignedPut>>[0]>) =>
        signed.receiveSignedPut!({ key, query, contentType: 'image/png', contentLength: 5, body: body(bytes), ...over });

      expect(await put({ contentType: 'image/jpeg' })).toBe('forbidden');
      expect(await put({ contentLength: 4, body: body(bytes.subarray(0, 4)) })).toBe('forbidden');
      expect(await put({ contentLength: undefined })).toBe('forbidden');
      expect(await put({ query: { ...query, sig: query.sig!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } })).toBe('forbidden');
      expect(await put({ query: { ...query, expires: String(Number(query.expires) + 60) } })).toBe('forbidden');
      expect(await put({ key: 'incoming/01JABCDEFGHJKMNPQRSTVWXYZ1' })).toBe('forbidden');
      expect(await put({ contentLength: 11 * 1024 * 1024 })).toBe('too_large');
      // Content-Length is only a claim on a raw Request: the stream is counted too.
      expect(await put({ body: body(new Uint8Array(6)) })).toBe('too_large');
      expect(await put({ body: body(bytes.subarray(0, 3)) })).toBe('incomplete');
      expect(await signed.get(key)).toBeUndefined();

      expect(await put({})).toBe('stored');
      expect(await signed.get(key)).toEqual({ body: bytes, contentType: 'image/png' });

      clock += 901_000;
      expect(await put({})).toBe('forbidden');
    });
  });
});
