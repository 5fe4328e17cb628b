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
});
