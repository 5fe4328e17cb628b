import type { Context } from 'hono';
import { AppError, type TErrorBody, errorStatus } from '@koldoo/shared/errors.ts';
import type { THonoEnv } from './hono-env.ts';

export function errorResponse(c: Context<THonoEnv>, error: AppError): Response {
  const body: TErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      requestId: c.get('requestId') ?? 'unknown',
    },
  };
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterSeconds)));
  return c.json(body, errorStatus[error.code]);
}

/** AppErrors become their coded reply; anything else is logged with its cause and becomes a bare 500. */
export function onError(error: Error, c: Context<THonoEnv>): Response {
  if (error instanceof AppError) return errorResponse(c, error);
  c.get('log')?.error({ err: error }, 'unhandled error');
  return errorResponse(c, new AppError('INTERNAL', 'Something went wrong; quote the request id if you report it'));
}

export function notFound(c: Context<THonoEnv>): Response {
  return errorResponse(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));
}
