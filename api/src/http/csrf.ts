import { createMiddleware } from 'hono/factory';
import { AppError } from '@koldoo/shared/errors.ts';
import type { THonoEnv } from './hono-env.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence by Origin check. Browsers send Origin on every cross-site POST, so a mutation
 * with a foreign Origin is refused. A mutation without Origin is refused too when it carries
 * cookies (a cookie is what a forged request would ride on); cookie-less API clients pass.
 * Webhooks are exempt: they are authenticated by signature, not cookies.
 */
export function csrfOriginCheck(publicOrigin: string, exemptPrefixes: string[] = ['/api/webhooks/']) {
  return createMiddleware<THonoEnv>(async (c, next) => {
    if (safeMethods.has(c.req.method) || exemptPrefixes.some((p) => c.req.path.startsWith(p))) return next();
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
