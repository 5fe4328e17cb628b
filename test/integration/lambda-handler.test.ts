import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { createDynamoClient } from '@koldoo/api/build-deps.ts';
import { loadApiEnv } from '@koldoo/api/env.ts';
import { checkoutCompletedEvent } from '@koldoo/api/adapters/stripe-events.ts';
import type { THttpEventV2, THttpResultV2 } from '@koldoo/api/lambda/http-event.ts';
import { ensureTable } from '@koldoo/infra/create-local-table.ts';
import { bundleApi, bundleFunction, type TBundle } from '@koldoo/infra/cdk/bundle.ts';
import { signStripeEvent } from '../support/stripe-fake.ts';
import { serveLambdaOverHttp, startLambdaProcess, type TLambdaProcess } from '../support/lambda-process.ts';
import { createTestApp, jsonRequest, testOrigin, uniqueEmail } from '../support/test-app.ts';

/**
 * The Lambda bundles, built by the same helper the CDK stack uses, each run in its own Node process
 * (as the Lambda runtime runs them; no Vite in between) and invoked with API Gateway HTTP API
 * (payload 2.0) events against DynamoDB Local. The API's answers are compared with the same
 * requests through `createApp`, the local server's path.
 */

type THandler = (event: THttpEventV2, context: unknown) => Promise<THttpResultV2>;
type TLocalApp = Awaited<ReturnType<typeof createTestApp>>['app'];

const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
const password = 'айыл-көпүрө-2026';
let bundles: TBundle[] = [];
let processes: TLambdaProcess[] = [];
let apiHandler: THandler;
let webhookHandler: THandler;
let jobsHandler: (event: unknown) => Promise<Record<string, unknown>>;
let local: TLocalApp;
let lambdaEnv: Record<string, string>;

beforeAll(async () => {
  const [api, webhook, jobs, localApp] = await Promise.all([
    bundleApi(),
    bundleFunction('webhook'),
    bundleFunction('jobs'),
    createTestApp(),
  ]);
  bundles = [api, webhook, jobs];
  local = localApp.app;

  const tableName = `koldoo-lambda-${randomBytes(6).toString('hex')}`;
  const env = {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    PUBLIC_ORIGIN: testOrigin,
    KOLDOO_INTERNAL_SECRET: 'test-internal-secret-0123456789',
    LOG_LEVEL: 'silent',
    AWS_REGION: 'eu-central-1',
    STRIPE_SECRET_KEY: 'sk_test_lambda_handler',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    UPLOADS_DIR: join(api.dir, 'uploads'),
  };
  const raw = createDynamoClient(loadApiEnv(env));
  await ensureTable(raw, tableName);
  raw.destroy();
  lambdaEnv = env;
  // Each bundle reads its settings at import (Lambda's init phase), as in AWS.
  processes = await Promise.all([api, webhook, jobs].map((bundle) => startLambdaProcess(bundle.dir, env)));
  const [apiProcess, webhookProcess, jobsProcess] = processes as [TLambdaProcess, TLambdaProcess, TLambdaProcess];
  apiHandler = (event) => apiProcess.invoke(event);
  webhookHandler = (event) => webhookProcess.invoke(event);
  jobsHandler = (event) => jobsProcess.invoke(event);
});

afterAll(async () => {
  await Promise.all(processes.map((child) => child.stop()));
  for (const bundle of bundles) rmSync(bundle.dir, { recursive: true, force: true });
});

type TEventInit = { body?: unknown; cookies?: string[]; headers?: Record<string, string>; isBase64Encoded?: boolean; sourceIp?: string };

/** What API Gateway's HTTP API hands the function: lower-case headers, cookies apart, body as text. */
function httpEvent(method: string, pathAndQuery: string, init: TEventInit = {}): THttpEventV2 {
  const [rawPath, rawQueryString = ''] = pathAndQuery.split('?') as [string, string?];
  const headers: Record<string, string> = { host: 'koldoo.example', origin: testOrigin, ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(init.cookies ? { cookies: init.cookies } : {}),
    headers,
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: init.isBase64Encoded ?? false,
    requestContext: {
      domainName: 'koldoo.example',
      requestId: randomBytes(8).toString('hex'),
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: init.sourceIp ?? '203.0.113.9', userAgent: 'vitest' },
    },
  };
}

const parse = (result: THttpResultV2) => JSON.parse(result.isBase64Encoded ? Buffer.from(result.body!, 'base64').toString() : result.body!) as unknown;

/** The structure of a JSON value: keys and value types, recursively (ids, dates and tokens differ per run). */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return value === null ? 'null' : typeof value;
}

/** One request to both: the Lambda handler and the local app. */
async function both(method: string, path: string, init: TEventInit & { localCookie?: string } = {}) {
  const lambda = await apiHandler(httpEvent(method, path, init), {});
  const response = await local.request(
    jsonRequest(path, {
      method,
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.localCookie ? { cookie: init.localCookie } : {}),
      ...(init.headers ? { headers: init.headers } : {}),
    }),
  );
  return { lambda, lambdaBody: parse(lambda), local: response, localBody: (await response.json()) as unknown };
}

const sessionOf = (cookies: string[]) => cookies.find((c) => c.startsWith('koldoo_session='))?.split(';')[0];

describe('the API handler (bundle) matches the local server', () => {
  it('GET /api/health', async () => {
    const r = await both('GET', '/api/health');
    expect(r.lambda.statusCode).toBe(200);
    expect(r.local.status).toBe(200);
    expect(r.lambdaBody).toEqual({ status: 'ok', db: 'ok' });
    expect(r.lambdaBody).toEqual(r.localBody);
    expect(r.lambda.headers?.['x-request-id']).toBeTruthy();
  });

  it('registers and logs in, the session cookie travelling in the result’s `cookies` and the event’s `cookies`', async () => {
    const email = uniqueEmail('lambda');
    const body = { email, password, displayName: 'Айгүл' };
    const registered = await both('POST', '/api/auth/register', { body });
    expect(registered.lambda.statusCode).toBe(201);
    expect(registered.local.status).toBe(201);
    expect(shapeOf(registered.lambdaBody)).toEqual(shapeOf(registered.localBody));
    expect(registered.lambdaBody).toMatchObject({ user: { email, displayName: 'Айгүл', roles: ['member'] } });

    // Lambda's payload 2.0 result carries Set-Cookie as `cookies`, never folded into headers.
    const cookies = registered.lambda.cookies ?? [];
    expect(cookies.join('\n')).toMatch(/koldoo_session=[\w-]{40,}.*HttpOnly/);
    expect(cookies.join('\n')).toMatch(/SameSite=Lax/);
    expect(Object.keys(registered.lambda.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('set-cookie');
    const localCookies = registered.local.headers.getSetCookie();
    expect(cookies.map((c) => c.replace(/=[^;]*/, '=…'))).toEqual(localCookies.map((c) => c.replace(/=[^;]*/, '=…')));

    const login = await both('POST', '/api/auth/login', { body: { email, password } });
    expect(login.lambda.statusCode).toBe(200);
    expect(login.local.status).toBe(200);
    expect(shapeOf(login.lambdaBody)).toEqual(shapeOf(login.localBody));
    const session = sessionOf(login.lambda.cookies ?? []);
    expect(session).toBeTruthy();

    // API Gateway hands the browser's cookies over in `cookies`, not in a Cookie header.
    const me = await apiHandler(httpEvent('GET', '/api/me', { cookies: [session!, 'koldoo_locale=ky'] }), {});
    expect(me.statusCode).toBe(200);
    expect(parse(me)).toMatchObject({ user: { email } });
  });

  it('lists projects with the same shape and paging', async () => {
    const r = await both('GET', '/api/projects?sort=newest');
    expect(r.lambda.statusCode).toBe(200);
    expect(r.local.status).toBe(200);
    expect(r.lambdaBody).toEqual(r.localBody);
    expect(r.lambda.headers?.['cache-control']).toBe(r.local.headers.get('cache-control'));
  });

  it('answers a bad input with the same coded error and field issues', async () => {
    const r = await both('POST', '/api/auth/register', { body: { email: 'not-an-e-mail', password: 'short', displayName: '' } });
    expect(r.lambda.statusCode).toBe(400);
    expect(r.local.status).toBe(400);
    const lambdaError = ZErrorBody.parse(r.lambdaBody).error;
    const localError = ZErrorBody.parse(r.localBody).error;
    expect(lambdaError.code).toBe('VALIDATION_FAILED');
    expect(lambdaError.code).toBe(localError.code);
    expect(lambdaError.issues?.map((i) => i.path).sort()).toEqual(localError.issues?.map((i) => i.path).sort());
    expect(r.lambda.headers?.['content-type']).toMatch(/^application\/json/);
  });

  it('answers unknown routes and malformed JSON as the local server does', async () => {
    const missing = await both('GET', '/api/nothing-here');
    expect([missing.lambda.statusCode, missing.local.status]).toEqual([404, 404]);
    const malformed = await both('POST', '/api/auth/login', { body: '{"email":' });
    expect([malformed.lambda.statusCode, malformed.local.status]).toEqual([400, 400]);
    expect(ZErrorBody.parse(malformed.lambdaBody).error.code).toBe('MALFORMED_JSON');
  });
});

describe('the webhook handler (bundle)', () => {
  /** A Stripe event whose payload holds non-ASCII text, so a lossy decode would break the signature. */
  function signedEvent(id = `evt_${randomBytes(8).toString('hex')}`) {
    const event = checkoutCompletedEvent({
      eventId: id,
      sessionId: `cs_test_${randomBytes(6).toString('hex')}`,
      pledgeId: `01UNKNOWNPLEDGE${randomBytes(4).toString('hex').toUpperCase()}`,
      paymentIntentId: null,
      amountTotal: 5_000,
      currency: 'kgs',
      paymentStatus: 'paid',
      created: Math.floor(Date.now() / 1000),
      customerEmail: 'айгүл@example.kg',
    });
    return signStripeEvent(event, webhookSecret);
  }

  const post = (body: string, signature: string, isBase64Encoded: boolean) =>
    webhookHandler(
      httpEvent('POST', '/api/webhooks/stripe', {
        body,
        isBase64Encoded,
        headers: { 'stripe-signature': signature, 'content-type': 'application/json; charset=utf-8', origin: '' },
      }),
      {},
    );

  it('verifies a base64-encoded body from API Gateway over its original bytes', async () => {
    const { rawBody, signature } = signedEvent();
    const result = await post(Buffer.from(rawBody, 'utf8').toString('base64'), signature, true);
    expect(result.statusCode).toBe(200);
    // Not our pledge: acknowledged and remembered, so Stripe stops retrying.
    expect(parse(result)).toEqual({ received: true, outcome: 'ignored' });
  });

  it('verifies a plain body too, and a replay is a duplicate', async () => {
    const { rawBody, signature } = signedEvent();
    expect(parse(await post(rawBody, signature, false))).toEqual({ received: true, outcome: 'ignored' });
    expect(parse(await post(rawBody, signature, false))).toEqual({ received: true, outcome: 'duplicate' });
  });

  it('refuses a tampered body with 400 INVALID_SIGNATURE', async () => {
    const { rawBody, signature } = signedEvent();
    const tampered = rawBody.replace('"amount_total":5000', '"amount_total":5000000');
    expect(tampered).not.toBe(rawBody);
    const result = await post(Buffer.from(tampered, 'utf8').toString('base64'), signature, true);
    expect(result.statusCode).toBe(400);
    expect(ZErrorBody.parse(parse(result)).error.code).toBe('INVALID_SIGNATURE');
  });

  it('refuses a body signed with another secret', async () => {
    const { rawBody } = signedEvent();
    const { signature } = signStripeEvent(JSON.parse(rawBody), `whsec_${randomBytes(16).toString('hex')}`);
    const result = await post(Buffer.from(rawBody).toString('base64'), signature, true);
    expect(result.statusCode).toBe(400);
  });
});

describe('the jobs handler (bundle)', () => {
  it('runs every scheduled job and reports each', async () => {
    const results = await jobsHandler({ source: 'aws.scheduler' });
    expect(Object.keys(results)).toEqual(['expireProjects', 'refundExpiredProjects', 'chaseBankTransfers', 'remindProgressReports', 'sweepUnusedUploads']);
  });
});

describe('the site handler (bundle: SvelteKit behind a function URL)', () => {
  const publicOrigin = 'https://koldoo.example';
  let site: TLambdaProcess;
  let apiForSite: TLambdaProcess;
  let bridge: { url: string; close(): Promise<void> };
  let siteBundle: TBundle;

  beforeAll(async () => {
    siteBundle = await bundleFunction('site');
    const apiDir = bundles[0]!.dir;
    // The API as the site reaches it in AWS: its own function behind API Gateway (here a small HTTP bridge).
    apiForSite = await startLambdaProcess(apiDir, { ...lambdaEnv, PUBLIC_ORIGIN: publicOrigin });
    bridge = await serveLambdaOverHttp(apiForSite);
    site = await startLambdaProcess(siteBundle.dir, {
      API_INTERNAL_URL: bridge.url,
      KOLDOO_INTERNAL_SECRET: lambdaEnv.KOLDOO_INTERNAL_SECRET!,
      NODE_ENV: 'production',
    });
  });

  afterAll(async () => {
    await Promise.all([site?.stop(), apiForSite?.stop(), bridge?.close()]);
    if (siteBundle) rmSync(siteBundle.dir, { recursive: true, force: true });
  });

  /** A function URL event as CloudFront's origin request produces it (here without the origin secret: none is configured). */
  const siteEvent = (method: string, path: string, init: { form?: Record<string, string>; cookies?: string[]; origin?: string } = {}) => {
    const form = init.form ? new URLSearchParams(init.form).toString() : undefined;
    return {
      ...httpEvent(method, path, {
        ...(form === undefined ? {} : { body: Buffer.from(form).toString('base64'), isBase64Encoded: true }),
        ...(init.cookies ? { cookies: init.cookies } : {}),
        headers: {
          host: 'koldoo.example',
          accept: 'text/html',
          'accept-language': 'ky',
          ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', origin: init.origin ?? publicOrigin }),
        },
      }),
    };
  };

  it('renders the home page and the project list on the server', async () => {
    for (const path of ['/', '/projects']) {
      const result = await site.invoke<THttpResultV2>(siteEvent('GET', path));
      expect(result.statusCode, path).toBe(200);
      expect(result.headers?.['content-type']).toMatch(/^text\/html/);
      expect(result.isBase64Encoded).toBe(false);
      expect(result.body).toMatch(/<html[^>]*lang="ky"/);
    }
  });

  it('signs in through a plain form post: Kit’s origin check passes, the session cookie comes back in `cookies`', async () => {
    const email = uniqueEmail('site');
    const registered = await apiForSite.invoke<THttpResultV2>(
      httpEvent('POST', '/api/auth/register', { body: { email, password, displayName: 'Бакыт' }, headers: { origin: publicOrigin } }),
    );
    expect(registered.statusCode).toBe(201);
    const result = await site.invoke<THttpResultV2>(siteEvent('POST', '/login', { form: { email, password } }));
    expect(result.statusCode).toBe(303);
    expect(result.headers?.location).toBe('/me');
    const session = (result.cookies ?? []).find((c) => c.startsWith('koldoo_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/Secure/i);

    const me = await site.invoke<THttpResultV2>(siteEvent('GET', '/me', { cookies: [session!.split(';')[0]!] }));
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain(email);
  });

  it('refuses a cross-site form post', async () => {
    const result = await site.invoke<THttpResultV2>(siteEvent('POST', '/login', { form: { email: 'a@b.kg', password: 'x' }, origin: 'https://evil.example' }));
    expect(result.statusCode).toBe(403);
  });
});
