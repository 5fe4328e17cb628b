import { putSession } from '../../data/sessions-repo.ts';
import type { TDomainContext } from '../context.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

/** Opens a server-side session and returns the token for the cookie. */
export async function startSession(ctx: TDomainContext, userId: string): Promise<{ token: string; maxAgeSeconds: number }> {
  const token = newSessionToken();
  const now = ctx.clock.now();
  const ttl = ctx.config.sessionTtlSeconds;
  await putSession(ctx.db, {
    tokenHash: hashSessionToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + ttl,
  });
  return { token, maxAgeSeconds: ttl };
}
