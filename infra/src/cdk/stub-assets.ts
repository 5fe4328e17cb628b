import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TFunctionAssets } from './bundle.ts';

/**
 * Stand-in code directories for template tests, so they synthesize in a second without esbuild
 * or a web build. The real bundles are built and exercised by `bundle.test.ts`,
 * test/integration/lambda-handler.test.ts and the synth test (test/integration/cdk-synth.test.ts).
 */
export function stubFunctionAssets(): { assets: TFunctionAssets; cleanUp(): void } {
  const root = mkdtempSync(join(tmpdir(), 'koldoo-stub-assets-'));
  const fn = (name: string) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.mjs'), `export const handler = async () => ({ statusCode: 200, body: '${name}' });\n`);
    return dir;
  };
  const siteStatic = join(root, 'static');
  mkdirSync(join(siteStatic, '_app/immutable/entry'), { recursive: true });
  writeFileSync(join(siteStatic, '_app/immutable/entry/app.js'), 'export {};\n');
  writeFileSync(join(siteStatic, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(join(siteStatic, 'favicon.svg.br'), '');
  writeFileSync(join(siteStatic, 'pledge-form.js'), '\n');
  writeFileSync(join(siteStatic, 'upload-field.js'), '\n');
  return {
    assets: { api: fn('api'), webhook: fn('webhook'), jobs: fn('jobs'), site: fn('site'), siteStatic },
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  };
}
