import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { notFound, onError } from '../http/errors.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import { requestContext } from '../http/request-context.ts';
import { webhookRoutes } from '../routes/webhooks.ts';
import { buildLambdaDeps } from './lambda-deps.ts';
import { rawBodyOf, type THttpEventV2, type THttpResultV2 } from './http-event.ts';

/**
 * `POST /api/webhooks/stripe` on its own function, so it scales, alarms and is permitted on its
 * own. Only the webhook route is mounted (same route module, same error bodies as the full API;
 * no session or CSRF middleware: Stripe sends neither cookies nor Origin).
 *
 * The signature covers the exact bytes Stripe sent. API Gateway may hand them over
 * base64-encoded (`isBase64Encoded`); they are decoded to the original bytes before the route
 * reads the body and verifies it.
 */
const { deps } = await buildLambdaDeps({ service: 'koldoo-webhook', stripe: 'eager' });
const app = new Hono<THonoEnv>().use('*', requestContext(deps)).route('/api/webhooks', webhookRoutes);
app.onError(onError);
app.notFound(notFound);
const honoHandler = handle(app);

export async function handler(event: THttpEventV2, context: unknown): Promise<THttpResultV2> {
  const decoded: THttpEventV2 = { ...event, body: rawBodyOf(event), isBase64Encoded: false };
  return (await honoHandler(decoded as never, context as never)) as THttpResultV2;
}
