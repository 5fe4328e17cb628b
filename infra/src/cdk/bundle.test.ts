import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiBundleLimitBytes, bundleApi, repoRoot, type TBundle } from './bundle.ts';

/** The API bundle exactly as the stack builds it (one build for this file). */
const api: TBundle = await bundleApi();
afterAll(() => rmSync(api.dir, { recursive: true, force: true }));

const coldStartInputs = () => {
  const outputs = Object.values(api.metafile.outputs);
  const entry = outputs.find((output) => output.entryPoint?.endsWith('api-handler.ts'))!;
  return Object.keys(entry.inputs);
};

describe('the API bundle', () => {
  it('stays under the 1 MB limit of JavaScript loaded at cold start', () => {
    expect(api.initialBytes).toBeLessThan(apiBundleLimitBytes);
    expect(api.initialBytes).toBeLessThanOrEqual(api.totalBytes);
  });

  it('loads Stripe only on first use (a lazy chunk), and sharp not at all (a native module, external)', () => {
    expect(Object.keys(api.initialPackages)).not.toContain('stripe');
    expect(Object.keys(api.initialPackages)).not.toContain('sharp');
    const lazy = Object.entries(api.metafile.outputs).filter(([, output]) => Object.keys(output.inputs).some((input) => input.includes('node_modules/stripe/')));
    expect(lazy.length).toBeGreaterThan(0);
    expect(coldStartInputs().some((input) => input.includes('node_modules/stripe/'))).toBe(false);
    const entryImports = Object.values(api.metafile.outputs).flatMap((output) => output.imports);
    expect(entryImports.some((i) => i.path === 'sharp' && i.external)).toBe(true);
  });

  it('keeps only English of zod’s message locales', () => {
    const inputs = Object.keys(api.metafile.inputs);
    const locales = inputs.filter((input) => /^node_modules\/zod\/v4\/locales\/[a-z-]+\.js$/i.test(input) && !input.endsWith('/index.js'));
    expect(locales.map((input) => input.split('/').pop())).toEqual(['en.js']);
    // The locales index is the plugin's one-line stand-in, not zod's list of ~50.
    expect(inputs).toContain(inputs.find((input) => input.startsWith('zod-locales:')));
  });

  it('writes index.mjs with its chunks, as Code.fromAsset expects', () => {
    expect(statSync(join(api.dir, 'index.mjs')).isFile()).toBe(true);
    expect(readdirSync(api.dir)).toContain('chunks');
  });
});

describe('the zod locale trim is safe', () => {
  /** Source files that could ask zod for another language; the bundles keep only English. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name === 'node_modules' || entry.name === 'build' || entry.name.startsWith('.')) return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? sources(path) : /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
    });
  }

  it('no source calls z.locales or imports zod’s locales', () => {
    const offenders = ['api/src', 'shared/src', 'infra/src', 'web/src']
      .flatMap((dir) => sources(join(repoRoot, dir)))
      .filter((path) => !/[\\/]cdk[\\/]bundle(\.test)?\.ts$/.test(path))
      .filter((path) => /z\.locales|zod\/(v4\/)?locales|\bz\.config\(/.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
