import { describe, expect, it } from 'vitest';
import { createDocumentClient, createDynamoClient } from '@koldoo/api/build-deps.ts';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { createTestApp, jsonRequest } from '../support/test-app.ts';

describe('health', () => {
  it('is ok when the table answers', async () => {
    const { app } = await createTestApp();
    const response = await app.request(jsonRequest('/api/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('is 503 when the database is unreachable', async () => {
    const dead = createDocumentClient(
      createDynamoClient({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', AWS_REGION: 'eu-central-1' }),
    );
    const { app } = await createTestApp({ db: { client: dead, tableName: 'nowhere' } });
    const response = await app.request(jsonRequest('/api/health'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', db: 'down' });
  });
});

describe('unexpected errors', () => {
  it('answers 500 INTERNAL with a request id and logs the cause', async () => {
    const { deps } = await createTestApp();
    const logged: { err?: Error }[] = [];
    const capturingLogger = Object.assign(Object.create(deps.logger), {
      child: () => capturingLogger,
      info: () => undefined,
      error: (entry: { err?: Error }) => void logged.push(entry),
    });
    const broken = await createTestApp({
      clock: { now: () => { throw new Error('clock exploded'); } },
      logger: capturingLogger,
    });
    const response = await broken.app.request(
      jsonRequest('/api/auth/register', { body: { email: 'x@example.kg', password: 'long-enough-1', displayName: 'X' } }),
    );
    expect(response.status).toBe(500);
    const { error } = ZErrorBody.parse(await response.json());
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('exploded');
    expect(error.requestId).toBe(response.headers.get('x-request-id'));
    expect(logged.map((entry) => entry.err?.message)).toContain('clock exploded');
  });
});

describe('OpenAPI', () => {
  it('documents every route with schemas generated from zod, and serves a docs page', async () => {
    const { app } = await createTestApp();
    const doc = (await (await app.request(jsonRequest('/api/openapi.json'))).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    // Every mounted route is documented: compare Hono's own route table with the document.
    const mounted = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !['/api/openapi.json', '/api/docs'].includes(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(mounted.length).toBeGreaterThan(20);
    expect([...new Set(mounted)].sort()).toEqual([...documented].sort());
    const register = doc.paths['/api/auth/register']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(register?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    const page = await app.request(jsonRequest('/api/docs'));
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('POST /api/auth/register');
  });
});
