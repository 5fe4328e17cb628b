import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnSyncReturns } from 'node:child_process';

/**
 * `npm run synth` as a developer runs it: the CDK CLI, the app, esbuild bundles and cdk-nag, with
 * no AWS credentials and no network (no account or region either: the synth is environment-agnostic).
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'koldoo-synth-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type TTemplate = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

let run: SpawnSyncReturns<string>;
let seconds = 0;
beforeAll(() => {
  const started = performance.now();
  run = spawnSync('npm', ['run', 'synth', '--', '--output', outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // No credentials: the synth must not need them. Proxies at a closed port: nor the network.
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_PROFILE: '',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '',
    },
    timeout: 120_000,
  });
  seconds = (performance.now() - started) / 1000;
});

describe('npm run synth', () => {
  it('succeeds offline, cdk-nag included', () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).toMatch(/bundled api: \d+ KB at cold start/);
    expect(seconds).toBeLessThan(90);
  });

  it('writes both stacks, with each function’s code as an asset', () => {
    const stateful = JSON.parse(readFileSync(join(outDir, 'koldoo-dev-stateful.template.json'), 'utf8')) as TTemplate;
    const stateless = JSON.parse(readFileSync(join(outDir, 'koldoo-dev-stateless.template.json'), 'utf8')) as TTemplate;
    expect(Object.values(stateful.Resources).map((r) => r.Type)).toEqual(expect.arrayContaining(['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket']));
    const functions = Object.entries(stateless.Resources).filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && /^(Api|Webhook|Jobs|Site)Function/.test(id));
    expect(functions).toHaveLength(4);
    const assets = JSON.parse(readFileSync(join(outDir, 'koldoo-dev-stateless.assets.json'), 'utf8')) as { files: Record<string, { source: { path: string } }> };
    for (const [, fn] of functions) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      const asset = assets.files[key];
      expect(asset, key).toBeDefined();
      expect(existsSync(join(outDir, asset!.source.path, 'index.mjs'))).toBe(true);
    }
  });

  it('puts SvelteKit’s server next to the site handler', () => {
    const site = Object.entries(JSON.parse(readFileSync(join(outDir, 'koldoo-dev-stateless.template.json'), 'utf8')).Resources as TTemplate['Resources'])
      .find(([id]) => id.startsWith('SiteFunction') && !id.includes('Url') && !id.includes('invoke'))!;
    const key = (site[1].Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
    const assets = JSON.parse(readFileSync(join(outDir, 'koldoo-dev-stateless.assets.json'), 'utf8')) as { files: Record<string, { source: { path: string } }> };
    expect(existsSync(join(outDir, assets.files[key]!.source.path, 'kit', 'server.js'))).toBe(true);
  });
});
