import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createApp } from '@koldoo/api/create-app.ts';
import { buildNodeDeps, createDynamoClient } from '@koldoo/api/build-deps.ts';
import type { TAppDeps } from '@koldoo/api/deps.ts';
import { loadApiEnv } from '@koldoo/api/env.ts';
import { ensureTable } from '@koldoo/infra/create-local-table.ts';

export const testOrigin = 'http://localhost:3000';

/**
 * A fresh table in the run's DynamoDB Local and the real app over it. Requests go through
 * Hono's fetch (`app.request`), the same code path the Node server and Lambda use.
 */
export async function createTestApp(overrides: Partial<TAppDeps> = {}) {
  const tableName = `koldoo-test-${randomBytes(6).toString('hex')}`;
  const env = loadApiEnv({
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    PUBLIC_ORIGIN: testOrigin,
    KOLDOO_INTERNAL_SECRET: 'test-internal-secret-0123456789',
    LOG_LEVEL: 'silent',
  });
  const raw = createDynamoClient(env);
  await ensureTable(raw, tableName);
  raw.destroy();
  const deps = buildNodeDeps(env, { remoteAddress: () => '203.0.113.9', ...overrides });
  const app = createApp(deps);
  return { app, deps, tableName };
}

type TJsonInit = { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> };

/** A browser-like JSON request: same Origin, optional cookie. */
export function jsonRequest(path: string, init: TJsonInit = {}): Request {
  const headers: Record<string, string> = { origin: testOrigin, ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie) headers.cookie = init.cookie;
  return new Request(`http://localhost${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
}

/** `koldoo_session=…` from a Set-Cookie header, ready to send back. */
export function sessionCookieFrom(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('koldoo_session='));
  if (!header) throw new Error('no session cookie was set');
  return header.split(';')[0]!;
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@example.kg`;
}
