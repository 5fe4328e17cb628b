import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createServer, type ViteDevServer } from 'vite';
import { buildNodeDeps, createDynamoClient } from '@koldoo/api/build-deps.ts';
import { loadApiEnv } from '@koldoo/api/env.ts';
import { ensureTable } from '../create-local-table.ts';
import { tableDefinition } from '../table.ts';
import { startDynamoLocal } from './dynamo-local.ts';
import { assertPortFree } from './free-port.ts';
import { startLocalJobs } from './jobs.ts';
import { seedDemoData } from './seed.ts';

/**
 * `npm run dev`: the same one-origin platform with hot reload. Vite serves the site, and a
 * middleware loads the API through Vite's module graph, so edits to api/ apply on the next request.
 */
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const url = `http://localhost:${port}`;
const repoRoot = resolve(import.meta.dirname, '../../..');

await assertPortFree(port, '127.0.0.1', 'Koldoo (dev)');
const dynamo = await startDynamoLocal({
  port: process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined,
  dataDir: resolve(dataDir, 'dynamodb'),
});
Object.assign(process.env, {
  TABLE_NAME: process.env.TABLE_NAME ?? tableDefinition.defaultName,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  PUBLIC_ORIGIN: url,
  API_INTERNAL_URL: `http://127.0.0.1:${port}`,
  KOLDOO_INTERNAL_SECRET: process.env.KOLDOO_INTERNAL_SECRET ?? randomBytes(24).toString('base64url'),
  UPLOADS_DIR: resolve(dataDir, 'uploads'),
});
const env = loadApiEnv();
const raw = createDynamoClient(env);
await ensureTable(raw, env.TABLE_NAME);
raw.destroy();
const deps = buildNodeDeps(env);
await seedDemoData(deps);
startLocalJobs(deps);

let vite: ViteDevServer | undefined;
const listeners = new WeakMap<object, ReturnType<typeof getRequestListener>>();
async function apiMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void) {
  if (!req.url?.startsWith('/api') || !vite) return next();
  const mod = (await vite.ssrLoadModule(resolve(repoRoot, 'api/src/create-app.ts'))) as typeof import('@koldoo/api/create-app.ts');
  let listener = listeners.get(mod.createApp);
  if (!listener) {
    listener = getRequestListener(mod.createApp(deps).fetch);
    listeners.set(mod.createApp, listener);
  }
  await listener(req, res);
}

vite = await createServer({
  root: resolve(repoRoot, 'web'),
  configFile: resolve(repoRoot, 'web/vite.config.ts'),
  server: { port, host: '127.0.0.1', strictPort: true },
  plugins: [{ name: 'koldoo-api', configureServer: (server) => void server.middlewares.use(apiMiddleware) }],
});
await vite.listen();
console.log(`\n  Koldoo (dev, hot reload) at ${url}\n  DynamoDB Local: ${dynamo.endpoint}\n`);

const stop = async () => {
  await vite?.close();
  await dynamo.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
