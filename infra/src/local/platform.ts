import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '@koldoo/api/create-app.ts';
import { buildNodeDeps, createDynamoClient } from '@koldoo/api/build-deps.ts';
import { loadApiEnv } from '@koldoo/api/env.ts';
import { ensureTable } from '../create-local-table.ts';
import { tableDefinition } from '../table.ts';
import { startDynamoLocal, type TDynamoLocal } from './dynamo-local.ts';
import { assertPortFree } from './free-port.ts';
import { startLocalJobs } from './jobs.ts';
import { seedDemoData } from './seed.ts';

export type TPlatformOptions = {
  port: number;
  /** Where DynamoDB Local keeps its files; omit for an in-memory database (tests). */
  dataDir?: string;
  dynamoPort?: number;
  tableName?: string;
  isSeeded?: boolean;
  logLevel?: string;
  /** The built SvelteKit handler (adapter-node); defaults to web/build/handler.js. */
  webBuildDir?: string;
};

export type TPlatform = { url: string; dynamo: TDynamoLocal; tableName: string; stop(): Promise<void> };

const repoRoot = resolve(import.meta.dirname, '../../..');
type TNodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * The whole platform on one origin: DynamoDB Local, the Hono API under /api, and the
 * SvelteKit site for everything else. Used by `npm start` and by the test suites.
 */
export async function startPlatform(options: TPlatformOptions): Promise<TPlatform> {
  const host = '127.0.0.1';
  const url = `http://localhost:${options.port}`;
  await assertPortFree(options.port, host, 'Koldoo');
  const webBuild = resolve(options.webBuildDir ?? resolve(repoRoot, 'web/build'));
  if (!existsSync(resolve(webBuild, 'handler.js'))) {
    throw new Error(`The web build is missing at ${webBuild}; run \`npm run build\` first.`);
  }

  const dynamo = await startDynamoLocal({ port: options.dynamoPort, dataDir: options.dataDir });
  try {
    const tableName = options.tableName ?? tableDefinition.defaultName;
    const internalSecret = process.env.KOLDOO_INTERNAL_SECRET ?? randomBytes(24).toString('base64url');
    // The web handler reads these when imported, so they are set before the import below.
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      PUBLIC_ORIGIN: url,
      // adapter-node 6 derives the origin from headers; the launcher says which (plain http locally).
      PROTOCOL_HEADER: 'x-forwarded-proto',
      // Form posts carry photos (re-encoded by the API, which caps files at 10 MB).
      BODY_SIZE_LIMIT: '12M',
      API_INTERNAL_URL: `http://${host}:${options.port}`,
      KOLDOO_INTERNAL_SECRET: internalSecret,
      UPLOADS_DIR: resolve(options.dataDir ?? resolve(repoRoot, '.data'), 'uploads'),
      ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
    });
    const env = loadApiEnv();
    const rawClient = createDynamoClient(env);
    await ensureTable(rawClient, tableName);
    rawClient.destroy();

    const deps = buildNodeDeps(env);
    if (options.isSeeded ?? true) await seedDemoData(deps);
    const stopJobs = startLocalJobs(deps);
    const app = createApp(deps);
    // By default @hono/node-server swaps the process's global Response for a lighter one. The site
    // shares this process, and every Response SvelteKit builds was then built twice (the light one,
    // then undici's as soon as Kit read its body). Off, the API's own p99 was also lower in the bench
    // (20-25 ms against 34 ms for GET /api/projects/:id, 5 runs); the page gained little.
    const api = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    // Site and API share this process: the site's server-side calls go straight to the app
    // (see web/src/lib/server/api/core.ts) instead of through a loopback socket.
    (globalThis as Record<symbol, unknown>)[Symbol.for('koldoo.inProcessApi')] = (request: Request) => app.fetch(request);
    const web = (await import(pathToFileURL(resolve(webBuild, 'handler.js')).href)) as { handler: TNodeHandler };

    const server = createServer((req, res) => {
      const isApi = req.url === '/api' || req.url?.startsWith('/api/') || req.url?.startsWith('/api?');
      if (isApi) void api(req, res);
      else {
        // Overwrite, never trust, whatever the client sent: SvelteKit's CSRF check relies on it.
        req.headers['x-forwarded-proto'] = 'http';
        web.handler(req, res);
      }
    });
    await listen(server, options.port, host);
    return {
      url,
      dynamo,
      tableName,
      stop: async () => {
        stopJobs();
        delete (globalThis as Record<symbol, unknown>)[Symbol.for('koldoo.inProcessApi')];
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        deps.db.client.destroy();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
}
