import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { hasLambdaSharp, lambdaSharpDir, repoRoot } from './bundle.ts';

/**
 * sharp's linux-arm64 build for the API function, in `.data/lambda-sharp/node_modules` (git-ignored),
 * where `bundleApi()` picks it up. `npm run deploy` runs this first (`predeploy`); it installs only
 * when the build there is missing or of another version than the sharp this checkout uses, so a
 * repeated deploy needs no network.
 */

/** The version of sharp the API runs here (the workspace's own copy, else the hoisted one). */
export function localSharpVersion(root = repoRoot): string {
  const candidates = [join(root, 'api/node_modules/sharp/package.json'), join(root, 'node_modules/sharp/package.json')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('sharp is not installed in node_modules; run npm install first');
  return (JSON.parse(readFileSync(found, 'utf8')) as { version: string }).version;
}

/** The version installed for Lambda, if its three packages are all there. */
export function lambdaSharpVersion(dir = lambdaSharpDir): string | undefined {
  if (!hasLambdaSharp(dir)) return undefined;
  return (JSON.parse(readFileSync(join(dir, 'sharp/package.json'), 'utf8')) as { version: string }).version;
}

/** `npm install` for Lambda's platform (Amazon Linux 2023 on Graviton: linux, arm64, glibc), exact version. */
export function lambdaSharpInstallArgs(version: string, dir = lambdaSharpDir): string[] {
  return ['install', '--prefix', dirname(dir), '--no-save', '--no-audit', '--no-fund', '--os=linux', '--cpu=arm64', '--libc=glibc', `sharp@${version}`];
}

export type TRunCommand = (command: string, args: string[]) => number;

/** npm itself: the one running `npm run deploy` (`npm_execpath`), else `npm` on the PATH. */
const runNpm: TRunCommand = (_command, args) => {
  const npmCli = process.env['npm_execpath'];
  const result = npmCli && /\.c?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, ...args], { stdio: 'inherit', cwd: repoRoot })
    : spawnSync('npm', args, { stdio: 'inherit', cwd: repoRoot });
  if (result.error) throw result.error;
  return result.status ?? 1;
};

export function installLambdaSharp(options: { dir?: string; version?: string; run?: TRunCommand; log?: (line: string) => void } = {}): 'installed' | 'up to date' {
  const dir = options.dir ?? lambdaSharpDir;
  const version = options.version ?? localSharpVersion();
  const log = options.log ?? ((line: string) => console.error(line));
  const where = relative(repoRoot, dir) || dir;
  if (lambdaSharpVersion(dir) === version) {
    log(`sharp ${version} for linux-arm64 is in ${where}`);
    return 'up to date';
  }
  log(`installing sharp ${version} for linux-arm64 into ${where}`);
  const status = (options.run ?? runNpm)('npm', lambdaSharpInstallArgs(version, dir));
  if (status !== 0) throw new Error(`npm install of sharp ${version} for linux-arm64 failed (exit ${status})`);
  const installed = lambdaSharpVersion(dir);
  if (installed !== version) {
    throw new Error(`after npm install, ${where} holds ${installed ? `sharp ${installed}` : 'no complete linux-arm64 sharp'}, not sharp ${version}`);
  }
  return 'installed';
}
