import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type TLambdaProcess = {
  /** Milliseconds from spawning Node until the bundle's init (its top-level await) finished. */
  readyMs: number;
  /** Milliseconds of the import alone, measured inside the child. */
  initMs: number;
  invoke<T = unknown>(event: unknown): Promise<T>;
  stop(): Promise<void>;
};

const runner = resolve(import.meta.dirname, 'lambda-runner.mjs');

/**
 * A Lambda bundle (`<dir>/index.mjs`) in a fresh Node process with only the given environment
 * (plus PATH/HOME), invoked over IPC: no Vite transform, no shared module cache with the test.
 */
export async function startLambdaProcess(bundleDir: string, env: Record<string, string>): Promise<TLambdaProcess> {
  const spawned = performance.now();
  const child: ChildProcess = fork(runner, [pathToFileURL(join(bundleDir, 'index.mjs')).href], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  let counter = 0;

  const initMs = await new Promise<number>((ready, fail) => {
    const onExit = (code: number | null) => fail(new Error(`Lambda bundle exited during init (code ${code}):\n${output}`));
    child.once('exit', onExit);
    child.once('message', (message: { type: string; initMs: number }) => {
      child.off('exit', onExit);
      ready(message.initMs);
    });
  });
  const readyMs = performance.now() - spawned;
  child.on('message', (message: { type: string; id: string; result?: unknown; message?: string }) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.type === 'result') waiter.resolve(message.result);
    else waiter.reject(new Error(`handler threw: ${message.message}`));
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`Lambda process exited (code ${code}):\n${output}`));
    pending.clear();
  });

  return {
    readyMs,
    initMs,
    invoke<T>(event: unknown) {
      counter += 1;
      const id = `inv-${counter}`;
      return new Promise<T>((resolveInvoke, reject) => {
        pending.set(id, { resolve: resolveInvoke as (value: unknown) => void, reject });
        child.send({ id, event });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

type TResultV2 = { statusCode: number; headers?: Record<string, string>; cookies?: string[]; body?: string; isBase64Encoded?: boolean };

/**
 * What API Gateway's HTTP API does in front of a function, for a test: each HTTP request becomes a
 * payload 2.0 event (lower-case headers, cookies apart, binary bodies base64-encoded) and the
 * result becomes the reply (`cookies` as Set-Cookie headers).
 */
export async function serveLambdaOverHttp(lambda: TLambdaProcess, sourceIp = '203.0.113.9'): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://bridge');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (name !== 'cookie' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
      }
      const body = Buffer.concat(chunks);
      const event = {
        version: '2.0',
        routeKey: '$default',
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        ...(req.headers.cookie ? { cookies: req.headers.cookie.split(/;\s*/) } : {}),
        headers,
        ...(body.length ? { body: body.toString('base64') } : {}),
        isBase64Encoded: body.length > 0,
        requestContext: {
          domainName: req.headers.host ?? 'bridge',
          requestId: `bridge-${Date.now()}`,
          http: { method: req.method ?? 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp, userAgent: req.headers['user-agent'] ?? '' },
        },
      };
      lambda.invoke<TResultV2>(event).then(
        (result) => {
          for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
          if (result.cookies?.length) res.setHeader('set-cookie', result.cookies);
          res.writeHead(result.statusCode);
          res.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
        },
        (error: unknown) => {
          res.writeHead(502).end(String(error));
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}
