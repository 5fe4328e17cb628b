import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { TPlatformReady } from './platform-child.ts';

export type TBenchPlatform = TPlatformReady & { pid: number | undefined; stop(): Promise<void> };

/** Forks `platform-child.ts` on `port` and resolves once it serves; its logs go to our stderr. */
export async function startBenchPlatform(port: number): Promise<TBenchPlatform> {
  const child = fork(resolve(import.meta.dirname, 'platform-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_PORT: String(port) },
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<TPlatformReady>((resolveReady, reject) => {
    child.on('message', (message: { ready?: TPlatformReady; failed?: string }) => {
      if (message.ready) resolveReady(message.ready);
      else if (message.failed)
        reject(new Error(`The platform failed to start:\n${message.failed}`));
    });
    void exited.then(() =>
      reject(new Error(`The platform process exited during start-up (code ${child.exitCode})`)),
    );
  });
  return { ...ready, pid: child.pid, stop: () => stopChild(child, exited, ready.dynamoPid) };
}

/** SIGTERM (the child stops Java itself); after 15 s SIGKILL the child and, by its pid, Java. */
async function stopChild(
  child: ChildProcess,
  exited: Promise<void>,
  dynamoPid: number | undefined,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    if (dynamoPid) {
      try {
        process.kill(dynamoPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}
