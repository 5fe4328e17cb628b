import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { ZMeReply, type TMe, type TRegisterInput, type TLoginInput } from '@koldoo/shared/contracts/auth.ts';
import { ZErrorBody, type TErrorCode, type TFieldIssue } from '@koldoo/shared/errors.ts';
import { webEnv } from './env.ts';
import { relaySessionCookie, sessionCookie } from './session-cookie.ts';

/**
 * The web app's only door to the API. Every call forwards who the browser is (session cookie,
 * client address, request id) and parses every reply with the shared zod schemas.
 */

export type TApiFailure = {
  ok: false;
  status: number;
  code: TErrorCode;
  issues: TFieldIssue[];
  /** Seconds, from Retry-After on 429. */
  retryAfter: number | undefined;
};
export type TApiResult<T> = { ok: true; value: T } | TApiFailure;

type TCall = { method: 'GET' | 'POST'; path: `/api/${string}`; body?: unknown };

async function call<T>(event: RequestEvent, request: TCall, schema: z.ZodType<T> | null): Promise<TApiResult<T>> {
  const env = webEnv();
  const headers = new Headers({
    accept: 'application/json',
    // SvelteKit has already refused cross-site form posts, so the request is from our own site.
    origin: event.url.origin,
    'x-forwarded-for': event.getClientAddress(),
    'x-koldoo-internal': env.KOLDOO_INTERNAL_SECRET,
  });
  const session = event.cookies.get(sessionCookie);
  // Kit decoded the value; the API decodes again, so send it encoded as the API first set it.
  if (session) headers.set('cookie', `${sessionCookie}=${encodeURIComponent(session)}`);
  const requestId = event.request.headers.get('x-request-id');
  if (requestId) headers.set('x-request-id', requestId);
  if (request.body !== undefined) headers.set('content-type', 'application/json');

  let response: Response;
  try {
    response = await fetch(`${env.API_INTERNAL_URL}${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(env.API_TIMEOUT_MS),
      redirect: 'manual',
    });
  } catch (error) {
    console.error(`web: API ${request.method} ${request.path} unreachable`, error);
    return failure(503, 'SERVICE_UNAVAILABLE');
  }

  relaySessionCookie(event.cookies, response.headers.getSetCookie());

  if (response.ok) {
    if (schema === null) {
      await response.body?.cancel();
      return { ok: true, value: undefined as T };
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) return { ok: true, value: parsed.data };
    console.error(`web: API ${request.method} ${request.path} sent an unexpected body`, parsed.error.issues);
    return failure(502, 'INTERNAL');
  }

  const body = ZErrorBody.safeParse(await response.json().catch(() => undefined));
  if (!body.success) {
    console.error(`web: API ${request.method} ${request.path} answered ${response.status} without an error body`);
    return failure(response.status, response.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL');
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code: body.data.error.code,
    issues: body.data.error.issues ?? [],
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

function failure(status: number, code: TErrorCode): TApiFailure {
  return { ok: false, status, code, issues: [], retryAfter: undefined };
}

const userOf = <T extends { user: TMe }>(result: TApiResult<T>): TApiResult<TMe> =>
  result.ok ? { ok: true, value: result.value.user } : result;

export async function register(event: RequestEvent, input: TRegisterInput): Promise<TApiResult<TMe>> {
  return userOf(await call(event, { method: 'POST', path: '/api/auth/register', body: input }, ZMeReply));
}

export async function login(event: RequestEvent, input: TLoginInput): Promise<TApiResult<TMe>> {
  return userOf(await call(event, { method: 'POST', path: '/api/auth/login', body: input }, ZMeReply));
}

export async function logout(event: RequestEvent): Promise<TApiResult<void>> {
  return call<void>(event, { method: 'POST', path: '/api/auth/logout' }, null);
}

export async function me(event: RequestEvent): Promise<TApiResult<TMe>> {
  return userOf(await call(event, { method: 'GET', path: '/api/me' }, ZMeReply));
}
