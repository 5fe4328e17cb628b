import { Hono } from 'hono';
import * as z from 'zod';
import { AppError } from '@koldoo/shared/errors.ts';
import { processPaymentEvent } from '../domain/pledges/process-payment-event.ts';
import type { THonoEnv } from '../http/hono-env.ts';
import type { TOperation } from '../http/openapi.ts';

const maxEventBytes = 256 * 1024;
const ZWebhookReply = z.object({ received: z.literal(true), outcome: z.enum(['processed', 'duplicate', 'ignored']) });

/**
 * Stripe's webhook. The signature covers the exact bytes, so the body is read as text and never
 * re-serialised. A bad signature is 400 (Stripe stops retrying it); a failure while applying is
 * 500, so Stripe retries, which is safe because processing is idempotent.
 */
export const webhookRoutes = new Hono<THonoEnv>().post('/stripe', async (c) => {
  const raw = await c.req.text();
  if (Buffer.byteLength(raw) > maxEventBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'Event too large');
  const { outcome } = await processPaymentEvent(c.get('deps'), raw, c.req.header('stripe-signature'));
  return c.json(ZWebhookReply.parse({ received: true, outcome }));
});

export const webhookOperations: TOperation[] = [
  { method: 'post', path: '/api/webhooks/stripe', tag: 'pledges', summary: 'Stripe events (signature-verified over the raw body, 300 s tolerance)', responses: { 200: ZWebhookReply }, errors: [400] },
];
