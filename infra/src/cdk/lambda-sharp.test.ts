import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lambdaSharpPackages } from './bundle.ts';
import { installLambdaSharp, lambdaSharpInstallArgs, lambdaSharpVersion, localSharpVersion } from './lambda-sharp.ts';

/** No network here: `npm install` is replaced by a fake that writes what it would have installed. */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function emptyModules(): string {
  const root = mkdtempSync(join(tmpdir(), 'koldoo-lambda-sharp-'));
  dirs.push(root);
  return join(root, 'node_modules');
}

function fakeInstall(dir: string, version: string, packages: readonly string[] = lambdaSharpPackages) {
  for (const name of packages) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'package.json'), JSON.stringify({ name, version: name === 'sharp' ? version : '1.0.0' }));
  }
}

describe('sharp for Lambda', () => {
  it('installs the exact version this checkout uses, for linux-arm64 with glibc, without touching package.json', () => {
    expect(localSharpVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(lambdaSharpInstallArgs('0.35.5', '/x/.data/lambda-sharp/node_modules')).toEqual([
      'install', '--prefix', '/x/.data/lambda-sharp', '--no-save', '--no-audit', '--no-fund', '--os=linux', '--cpu=arm64', '--libc=glibc', 'sharp@0.35.5',
    ]);
  });

  it('runs npm when the build is missing or of another version, and not when it is there', () => {
    const dir = emptyModules();
    const calls: string[][] = [];
    const run = (version: string) => (_command: string, args: string[]) => {
      calls.push(args);
      fakeInstall(dir, version);
      return 0;
    };
    const log = () => undefined;
    expect(installLambdaSharp({ dir, version: '0.35.5', run: run('0.35.5'), log })).toBe('installed');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain(`--prefix`);
    expect(calls[0]![calls[0]!.indexOf('--prefix') + 1]).toBe(dirname(dir));
    expect(lambdaSharpVersion(dir)).toBe('0.35.5');

    expect(installLambdaSharp({ dir, version: '0.35.5', run: run('0.35.5'), log })).toBe('up to date');
    expect(calls).toHaveLength(1);

    expect(installLambdaSharp({ dir, version: '0.36.0', run: run('0.36.0'), log })).toBe('installed');
    expect(calls).toHaveLength(2);
  });

  it('fails when npm fails or leaves an incomplete build (no libvips, say)', () => {
    const dir = emptyModules();
    const log = () => undefined;
    expect(() => installLambdaSharp({ dir, version: '0.35.5', run: () => 1, log })).toThrow(/failed \(exit 1\)/);
    const partial = () => {
      fakeInstall(dir, '0.35.5', ['sharp', '@img/sharp-linux-arm64']);
      return 0;
    };
    expect(() => installLambdaSharp({ dir, version: '0.35.5', run: partial, log })).toThrow(/no complete linux-arm64 sharp/);
    expect(lambdaSharpVersion(dir)).toBeUndefined();
  });
});
