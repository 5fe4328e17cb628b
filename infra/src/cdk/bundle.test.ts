import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { apiBundleLimitBytes, bundleApi, envCredentialsOnly, repoRoot, type TBundle } from './bundle.ts';

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

  it('logs without pino (its worker-thread transport is ~65 KB of cold start)', () => {
    const inputs = Object.keys(api.metafile.inputs);
    expect(inputs.filter((input) => /node_modules\/(pino|thread-stream|sonic-boom)\//.test(input))).toEqual([]);
  });

  it('carries only the environment step of the AWS credential chain (no STS, SSO or ~/.aws clients)', () => {
    const inputs = Object.keys(api.metafile.inputs);
    expect(inputs.filter((input) => /@aws-sdk\/(credential-provider-(ini|sso|process|web-identity|http|login)|nested-clients|token-providers)\//.test(input))).toEqual([]);
    expect(inputs.some((input) => input.startsWith('aws-env-credentials:'))).toBe(true);
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

describe('the bundles’ AWS credentials', () => {
  /** The SDK's `defaultProvider` as the bundles see it, run in a fresh Node with the given environment. */
  async function credentialsIn(env: Record<string, string>) {
    const out = await build({
      stdin: {
        contents: "import { defaultProvider } from '@aws-sdk/credential-provider-node';\n" +
          'defaultProvider({})().then((c) => console.log(JSON.stringify(c)), (e) => console.log(JSON.stringify({ error: e.name + ": " + e.message })));',
        resolveDir: join(repoRoot, 'node_modules/@aws-sdk/client-dynamodb/dist-es'),
        loader: 'js',
      },
      bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error', plugins: [envCredentialsOnly],
    });
    const dir = mkdtempSync(join(tmpdir(), 'koldoo-credentials-'));
    try {
      writeFileSync(join(dir, 'probe.mjs'), out.outputFiles[0]!.text);
      const run = spawnSync(process.execPath, [join(dir, 'probe.mjs')], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
      return JSON.parse(run.stdout) as Record<string, unknown>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('are the Lambda role’s, from the environment, as the SDK’s chain finds them first', async () => {
    expect(await credentialsIn({ AWS_ACCESS_KEY_ID: 'ASIATEST', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' })).toMatchObject({
      accessKeyId: 'ASIATEST',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    expect(await credentialsIn({})).toEqual({ error: expect.stringMatching(/CredentialsProviderError: Unable to find environment variable credentials/) });
  });
});

describe('zod is imported as a namespace', () => {
  /** `import { z } from 'zod'` (or `import z from 'zod'`) binds zod's whole `z` object, which esbuild cannot tree-shake (commit 0c52d32). */
  const zValueImport = /\bimport\s+(?!type\s)((?:(?!\bfrom\b)[^;])*?)\s*\bfrom\s*['"]zod(?:\/v4)?['"]/g;
  const isValueZ = (clause: string) => {
    if (/^\*\s+as\s+\w+$/.test(clause.trim())) return false;
    const [defaultPart, braces] = [clause.split('{')[0]!.replace(/,\s*$/, '').trim(), /\{([^}]*)\}/.exec(clause)?.[1] ?? ''];
    if (defaultPart !== '' && !defaultPart.startsWith('*')) return true;
    return braces.split(',').some((specifier) => /^z(\s+as\s+\w+)?$/.test(specifier.trim()));
  };

  it('by every source: `import * as z from \'zod\'`, or type-only imports', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.name === 'node_modules' || entry.name === 'build' || entry.name.startsWith('.')) return [];
        const path = join(dir, entry.name);
        return entry.isDirectory() ? sources(path) : /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
      });
    const files = ['api', 'shared', 'infra', 'web/src'].flatMap((dir) => sources(join(repoRoot, dir)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((path) => !/[\\/]cdk[\\/]bundle\.test\.ts$/.test(path))
      .filter((path) => [...readFileSync(path, 'utf8').matchAll(zValueImport)].some((match) => isValueZ(match[1]!)));
    expect(offenders).toEqual([]);
  });

  it('tells a value import from a type-only or namespace one', () => {
    const flagged = (source: string) => [...source.matchAll(zValueImport)].some((match) => isValueZ(match[1]!));
    expect(flagged("import { z } from 'zod';")).toBe(true);
    expect(flagged("import { ZodError, z } from 'zod';")).toBe(true);
    expect(flagged("import z from 'zod';")).toBe(true);
    expect(flagged("import {\n  z,\n} from \"zod/v4\";")).toBe(true);
    expect(flagged("import * as z from 'zod';")).toBe(false);
    expect(flagged("import type { z } from 'zod';")).toBe(false);
    expect(flagged("import { type z } from 'zod';")).toBe(false);
    expect(flagged("import { ZodError } from 'zod';")).toBe(false);
    expect(flagged("import a from 'a'\nimport * as z from 'zod'")).toBe(false);
  });
});
