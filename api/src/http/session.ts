import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import { AppError } from '@koldoo/shared/errors.ts';
import type { TRole } from '@koldoo/shared/contracts/auth.ts';
import { resolveSession } from '../domain/auth/resolve-session.ts';
import type { THonoEnv } from './hono-env.ts';

export const sessionCookie = 'koldoo_session';

/** Loads the signed-in user (if any) from the session cookie into `c.var.user`. */
export const loadSession = createMiddleware<THonoEnv>(async (c, next) => {
  const token = getCookie(c, sessionCookie);
  c.set('sessionToken', token);
  c.set('user', token ? await resolveSession(c.get('deps'), token) : undefined);
  return next();
});

/** 401 without a live session. */
export const requireUser = createMiddleware<THonoEnv>(async (c, next) => {
  if (!c.get('user')) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return next();
});

/** 401 without a session, 403 without one of the roles. Use cases check again on each object. */
export function requireRole(...roles: TRole[]) {
  return createMiddleware<THonoEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!user.roles.some((role) => roles.includes(role))) throw new AppError('FORBIDDEN', 'Your role does not allow this');
    return next();
  });
}
