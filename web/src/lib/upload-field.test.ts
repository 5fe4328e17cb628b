import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directUploadKinds, maxUploadBytes, uploadTypesByKind } from '@koldoo/shared/contracts/uploads.ts';
import { directUploadMaxBytes, directUploadTypes } from './upload-field.ts';

describe('direct upload attributes', () => {
  it('use the API’s size cap and accepted types', () => {
    expect(directUploadMaxBytes).toBe(maxUploadBytes);
    expect(Object.keys(directUploadTypes).sort()).toEqual([...directUploadKinds].sort());
    for (const kind of directUploadKinds) expect(directUploadTypes[kind]).toEqual(uploadTypesByKind[kind]);
  });

  it('ship a small plain script', () => {
    const script = readFileSync(new URL('../../static/upload-field.js', import.meta.url), 'utf8');
    expect(script.length).toBeLessThan(10_000);
    expect(script).not.toMatch(/^\s*import\s/m);
  });
});
