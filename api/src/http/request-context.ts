import { createMiddleware } from 'hono/factory';
import { randomUUID } from 'node:crypto';
import type { TAppDeps } from '../deps.ts';
import type { THonoEnv } from './hono-env.ts';

/** Accept a caller's request id only if it looks like one; otherwise mint a UUID (cheaper than a ULID). */
const ZRequestId = /^[A-Za-z0-9-]{8,64}$/;

/** Gives each request an id, a child logger carrying it, and an access log line. */
export function requestContext(deps: TAppDeps) {
  return createMiddleware<THonoEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && ZRequestId.test(incoming) ? incoming : randomUUID();
    const log = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, durationMs: Math.round(performance.now() - started) },
      'request',
    );
  });
}
