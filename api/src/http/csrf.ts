import { createMiddleware } from 'hono/factory';
import { AppError } from '@koldoo/shared/errors.ts';
import type { THonoEnv } from './hono-env.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `PUT /api/uploads/<id>/bytes`, the local stand-in for a presigned S3 PUT. It is capability-signed:
 * the HMAC in its URL (for one key, type, length and expiry) is the whole permission, and the route
 * never reads the session, so a request riding on someone's cookies gains nothing a holder of the
 * URL could not do directly, exactly as with S3 (which takes such PUTs from any origin).
 */
const capabilityPut = /^\/api\/uploads\/[^/]+\/bytes$/;

/**
 * CSRF defence by Origin check. Browsers send Origin on every cross-site POST, so a mutation
 * with a foreign Origin is refused. A mutation without Origin is refused too when it carries
 * cookies (a cookie is what a forged request would ride on); cookie-less API clients pass.
 * Webhooks are exempt: they are authenticated by signature, not cookies; so is the local signed upload PUT.
 */
export function csrfOriginCheck(publicOrigin: string, exemptPrefixes: string[] = ['/api/webhooks/']) {
  return createMiddleware<THonoEnv>(async (c, next) => {
    if (safeMethods.has(c.req.method) || exemptPrefixes.some((p) => c.req.path.startsWith(p))) return next();
    if (c.req.method === 'PUT' && capabilityPut.test(c.req.path)) return next();
    const origin = c.req.header('origin');
    const hasCookie = Boolean(c.req.header('cookie'));
    const isForeign = origin !== undefined && origin !== publicOrigin;
    if (isForeign || (origin === undefined && hasCookie)) {
      c.get('log').warn({ origin, path: c.req.path }, 'csrf: origin rejected');
      throw new AppError('CSRF_REJECTED', 'This request must come from the Koldoo site itself');
    }
    return next();
  });
}
