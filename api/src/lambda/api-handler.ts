import { handle } from 'hono/aws-lambda';
import type { TErrorBody } from '@koldoo/shared/errors.ts';
import { createApp } from '../create-app.ts';
import { buildLambdaDeps } from './lambda-deps.ts';
import { originVerifyHeader, sameSecret, type THttpEventV2, type THttpResultV2 } from './http-event.ts';

/**
 * The API on Lambda, behind API Gateway's HTTP API (payload 2.0). Deps are built once per cold
 * start, during Lambda's init phase (top-level await); the Hono app is the very one the local
 * server runs. Set-Cookie headers leave as the result's `cookies` array.
 */
const { deps, secrets } = await buildLambdaDeps({ service: 'koldoo-api', stripe: 'lazy' });
const app = createApp(deps);
const honoHandler = handle(app);

/**
 * In AWS the only ways in are CloudFront (which adds the origin secret) and the site's server
 * (which proves itself with the internal secret); a call straight to the execute-api URL is
 * refused, so the per-route throttles and the viewer-address rule cannot be side-stepped.
 */
function isAllowedCaller(event: THttpEventV2): boolean {
  if (!secrets.originSecret) return true;
  return (
    sameSecret(event.headers[originVerifyHeader], secrets.originSecret) ||
    sameSecret(event.headers['x-koldoo-internal'], secrets.internalSecret)
  );
}

export async function handler(event: THttpEventV2, context: unknown): Promise<THttpResultV2> {
  if (!isAllowedCaller(event)) {
    const body: TErrorBody = {
      error: { code: 'FORBIDDEN', message: 'Use the site’s address, not the API’s.', requestId: event.requestContext.requestId },
    };
    return { statusCode: 403, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }
  return (await honoHandler(event as never, context as never)) as THttpResultV2;
}
