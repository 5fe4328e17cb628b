import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * The environment of a fresh shell: the test run's own platform (browser project) exports
 * TABLE_NAME, DYNAMODB_ENDPOINT and friends into this process, and a child must not inherit them.
 */
export function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) =>
      !['TABLE_NAME', 'DYNAMODB_ENDPOINT', 'PUBLIC_ORIGIN', 'API_INTERNAL_URL', 'KOLDOO_INTERNAL_SECRET', 'UPLOADS_DIR', 'PROTOCOL_HEADER', 'PORT', 'DATA_DIR'].includes(name),
  );
  return { ...Object.fromEntries(inherited), LOG_LEVEL: 'warn', ...extra };
}

const live = new Set<TLauncher>();

/** Stops any launcher a failed test left running (SIGTERM, so it stops its Java too). */
export async function stopLeftoverLaunchers(): Promise<void> {
  for (const launcher of live) {
    if (launcher.child.exitCode === null && launcher.child.signalCode === null) {
      launcher.child.kill('SIGTERM');
      await launcher.exited;
    }
    live.delete(launcher);
  }
}

export type TLauncher = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs exactly what `npm start` runs after its build step, as a separate process. */
export function spawnLauncher(env: Record<string, string>): TLauncher {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/src/local/start.ts'], {
    cwd: repoRoot,
    env: freshEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const launcher = { child, output: () => output, exited };
  live.add(launcher);
  return launcher;
}

export async function waitForOutput(launcher: TLauncher, pattern: RegExp, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(launcher.output())) {
    if (launcher.child.exitCode !== null) throw new Error(`launcher exited early:\n${launcher.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${launcher.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** PIDs of DynamoDB Local Java processes using this data directory. */
export function javaPidsFor(dataDir: string): number[] {
  const result = spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.*${dataDir}`], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean).map(Number);
}
