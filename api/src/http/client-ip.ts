import type { Context } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { THonoEnv } from './hono-env.ts';

function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The caller's IP for rate limiting. X-Forwarded-For is trivially forged, so it is believed
 * only from web/ (which proves itself with the internal secret); otherwise the runtime's
 * socket or API Gateway source address is used.
 */
export function clientIp(c: Context<THonoEnv>): string {
  const deps = c.get('deps');
  if (sameSecret(c.req.header('x-koldoo-internal'), deps.config.internalSecret)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return deps.remoteAddress(c.req.raw, c.env) ?? 'unknown';
}
