import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { TErrorCode, TFieldIssue } from '@koldoo/shared/errors.ts';
import { ZErrorBody } from '@koldoo/shared/errors.ts';
import { webEnv } from '../env.ts';
import { relaySessionCookie, sessionCookie } from '../session-cookie.ts';
import { isSharedReply, parseSharedReply } from './shared-replies.ts';

/**
 * The transport under every API function: forwards who the browser is (session cookie, client
 * address, request id) and parses every reply with a shared zod schema. Modules beside this one
 * hold the typed functions, one per API route.
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

export type TCall = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: `/api/${string}`;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data (uploads); fetch writes the boundary. */
  form?: FormData;
  /** Added to the path as a query string; undefined and '' values are left out. */
  query?: Record<string, string | number | undefined>;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
};

/**
 * Where the API runs in this same process (the local platform), the launcher registers the API's
 * fetch under this key and calls skip the loopback HTTP hop. Split deployments (AWS) leave it unset.
 */
const inProcessApiKey = Symbol.for('koldoo.inProcessApi');
type TApiFetch = (request: Request) => Promise<Response>;
function apiFetch(): TApiFetch {
  const registered = (globalThis as Record<symbol, unknown>)[inProcessApiKey];
  return typeof registered === 'function' ? (registered as TApiFetch) : (request) => fetch(request);
}

function urlOf(base: string, request: TCall): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `${base}${request.path}${query ? `?${query}` : ''}`;
}

function headersFor(event: RequestEvent, request: TCall): Headers {
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
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
  return headers;
}

export async function call<T>(
  event: RequestEvent,
  request: TCall,
  schema: z.ZodType<T> | null,
): Promise<TApiResult<T>> {
  const env = webEnv();
  const label = `${request.method} ${request.path}`;
  let response: Response;
  try {
    response = await apiFetch()(
      new Request(urlOf(env.API_INTERNAL_URL, request), {
        method: request.method,
        headers: headersFor(event, request),
        body: request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
        signal: AbortSignal.timeout(env.API_TIMEOUT_MS),
        redirect: 'manual',
      }),
    );
  } catch (error) {
    console.error(`web: API ${label} unreachable`, error);
    return failure(503, 'SERVICE_UNAVAILABLE');
  }

  relaySessionCookie(event.cookies, response.headers.getSetCookie());

  if (response.ok) {
    if (schema === null) {
      await response.body?.cancel();
      return { ok: true, value: undefined as T };
    }
    const parsed = isSharedReply(response)
      ? parseSharedReply(await response.text(), schema)
      : schema.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) return { ok: true, value: parsed.data };
    console.error(`web: API ${label} sent an unexpected body`, parsed.error.issues);
    return failure(502, 'INTERNAL');
  }

  const body = ZErrorBody.safeParse(await response.json().catch(() => undefined));
  if (!body.success) {
    console.error(`web: API ${label} answered ${response.status} without an error body`);
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

export function failure(status: number, code: TErrorCode): TApiFailure {
  return { ok: false, status, code, issues: [], retryAfter: undefined };
}

/** Unwraps `{ key: value }` replies so callers get the value itself. */
export function mapResult<T, U>(result: TApiResult<T>, pick: (value: T) => U): TApiResult<U> {
  return result.ok ? { ok: true, value: pick(result.value) } : result;
}
